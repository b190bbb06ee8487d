package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.image.PreparedImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress styles on a real two-network sweep of the stick-figure images. */
class TrainingProgressTest {

    @TempDir
    static Path folder;

    static PreparedImages data;

    static final List<CnnConfig> CONFIGS = CnnSweep.grid(TinyModels.config(3), new double[] {0.005}, new int[] {8}, new double[] {0.0, 0.2});

    @BeforeAll
    static void prepare() throws Exception {
        data = TinyModels.figures(folder.resolve("figures"));
    }

    @Test
    void aReportGetsOneLinePerNetworkAndNoEpochLines() {
        Sweep sweep = sweep(TrainingProgress::perTrial);
        List<String> lines = sweep.output().lines().toList();
        assertEquals(1 + CONFIGS.size(), lines.size(), sweep.output());
        assertTrue(lines.get(0).startsWith("training on "), lines.get(0));
        for (int i = 0; i < CONFIGS.size(); i++) {
            assertEquals(sweep.summaries().get(i), lines.get(i + 1));
        }
        assertFalse(sweep.output().contains("\r"), "no redrawn bar in a report");
    }

    @Test
    void aWatcherGetsABarRedrawnEveryEpochThatEndsAsTheSummary() {
        Sweep sweep = sweep(TrainingProgress::bar);
        List<String> lines = Arrays.asList(sweep.output().split(System.lineSeparator()));
        assertEquals(2 * CONFIGS.size(), lines.size(), sweep.output());
        for (int i = 0; i < CONFIGS.size(); i++) {
            assertTrue(lines.get(2 * i).startsWith("training " + CONFIGS.get(i).label()), lines.get(2 * i));
            String[] redraws = lines.get(2 * i + 1).split("\r", -1);
            // "" before the first \r, one redraw per epoch, then the summary over the bar.
            assertEquals(2 + 3, redraws.length, lines.get(2 * i + 1));
            assertTrue(redraws[1].startsWith("[#######.............] epoch 1/3"), redraws[1]);
            assertTrue(redraws[3].startsWith("[####################] epoch 3/3"), redraws[3]);
            assertEquals(sweep.summaries().get(i), redraws[4].stripTrailing());
            assertTrue(redraws[4].length() >= redraws[3].length(), "the summary clears the bar it replaces");
        }
    }

    @Test
    void theReportSettingChoosesTheStyle() {
        String before = System.getProperty("formlab.report");
        try {
            System.setProperty("formlab.report", "true");
            assertEquals(1 + CONFIGS.size(), sweep(TrainingProgress::standard).output().lines().count());
            System.setProperty("formlab.report", "false");
            assertTrue(sweep(TrainingProgress::standard).output().contains("\r[####################] epoch 3/3"));
        } finally {
            if (before == null) {
                System.clearProperty("formlab.report");
            } else {
                System.setProperty("formlab.report", before);
            }
        }
    }

    private record Sweep(String output, List<String> summaries) {
    }

    private static Sweep sweep(Function<PrintStream, TrainingProgress> style) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CnnSweep.SweepResult result = CnnSweep.run(data, CONFIGS, style.apply(new PrintStream(bytes, true, StandardCharsets.UTF_8)))) {
            return new Sweep(bytes.toString(StandardCharsets.UTF_8), result.runs().stream().map(CnnTrainingRun::summary).toList());
        }
    }
}
