package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.faults.BadInputs;
import formlab.label.BarbellLabelling;
import formlab.label.SimulatedAnnotator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** al-export, al-import and retrain on the barbell recordings (real when configured, else simulated), smoke-sized. */
class LabellingCommandsTest {

    @TempDir
    Path dir;

    private final CommandRunner cli = new CommandRunner();

    @BeforeEach
    void smoke() {
        System.setProperty("formlab.smoke", "true");
    }

    @AfterEach
    void noSmoke() {
        System.clearProperty("formlab.smoke");
    }

    private int run(String... argv) {
        List<String> all = new ArrayList<>(List.of(argv));
        if (!argv[0].equals("al-import")) {
            all.addAll(List.of("--registry", dir.resolve("models").toString()));
        }
        all.addAll(List.of("--labels", dir.resolve("labels").toString()));
        return cli.run(all.toArray(String[]::new));
    }

    private String output() {
        return cli.output() + cli.error();
    }

    @Test
    void exportAnnotateImportRetrainThenExportWithTheNewModel() throws Exception {
        Map<String, String> oracle = BarbellLabelling.load(true).oracle();
        Path round1 = dir.resolve("data/round-1");
        assertEquals(0, run("al-export", "--batch", "24", "--out", round1.toString(), "--document-root", dir.resolve("data").toString()), output());
        assertTrue(output().contains("No production model of imu-exercise-al yet: choosing at random"), output());
        assertTrue(output().contains("round 1, 24 tasks chosen by random"), output());

        Path export1 = dir.resolve("export-1.json");
        SimulatedAnnotator.annotate(round1.resolve("tasks.json"), oracle, 2, Instant.parse("2024-05-01T09:00:00Z"), export1);
        assertEquals(0, run("al-import", "--round", round1.toString(), "--file", export1.toString()), output());
        assertTrue(output().contains("wrote imu-barbell/v1 (24 labelled items)"), output());

        int status = run("retrain", "--dataset", "imu-barbell/v1", "--min-group-accuracy", "0.0");
        assertEquals(0, status, output());
        assertTrue(output().contains("registered imu-exercise-al v1 trained on imu-barbell/v1 (first model, tribuo-logistic)"), output());
        assertTrue(output().contains("promoted: all 2 gates passed"), output());

        Path round2 = dir.resolve("data/round-2");
        assertEquals(0, run("al-export", "--batch", "10", "--out", round2.toString(), "--document-root", dir.resolve("data").toString()), output());
        assertTrue(output().contains("round 2, 10 tasks chosen by margin+diversity"), output());

        // A malformed export is refused with the task and field named; nothing is written.
        Path export2 = dir.resolve("export-2.json");
        SimulatedAnnotator.annotate(round2.resolve("tasks.json"), oracle, 2, Instant.parse("2024-05-02T09:00:00Z"), export2);
        ArrayNode tasks = (ArrayNode) JsonMapper.builder().build().readTree(export2.toFile());
        ((ObjectNode) tasks.get(4).at("/annotations/0/result/0/value")).putArray("choices").add("deadlift");
        Files.write(export2, JsonMapper.builder().build().writeValueAsBytes(tasks));
        assertEquals(1, run("al-import", "--round", round2.toString(), "--file", export2.toString()));
        assertTrue(output().contains("task #5 (Label Studio id 1004), item ") && output().contains("field annotations[0].result[0].value.choices: unknown label 'deadlift'"),
                output());
        assertTrue(Files.notExists(dir.resolve("labels/imu-barbell/v2")));

        // The old round cannot be imported again as the next version.
        assertEquals(1, run("al-import", "--round", round1.toString(), "--file", export1.toString()));
        assertTrue(output().contains("Round 1 of imu-barbell cannot become version 2"), output());
        assertEquals(2, run("retrain", "--dataset", "imu-barbell-v1"));
    }

    @Test
    void incompleteExportsAreRefusedSayingWhatIsMissingAndARoundCanBeCompleted() throws Exception {
        Map<String, String> oracle = BarbellLabelling.load(true).oracle();
        Path round = dir.resolve("data/round-1");
        assertEquals(0, run("al-export", "--batch", "12", "--out", round.toString(), "--document-root", dir.resolve("data").toString()), output());
        Path full = dir.resolve("full.json");
        SimulatedAnnotator.annotate(round.resolve("tasks.json"), oracle, 2, Instant.parse("2024-05-01T09:00:00Z"), full);

        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        assertEquals(1, run("al-import", "--round", round.toString(), "--file", empty.toString()));
        assertTrue(output().contains("no new labels for round 1 of imu-barbell: 12 of the round's 12 items have no label: 12 not in the export"),
                output());
        assertTrue(Files.notExists(dir.resolve("labels/imu-barbell/v1")));

        Path part = Files.copy(full, dir.resolve("part.json"));
        BadInputs.cancelTask(part, 0);
        BadInputs.unannotateTask(part, 1);
        BadInputs.dropTask(part, 2);
        assertEquals(1, run("al-import", "--round", round.toString(), "--file", part.toString()));
        assertTrue(output().contains("incomplete export of round 1: 3 of the round's 12 items have no label: 1 not in the export,"
                + " 2 without a completed annotation"), output());
        assertTrue(Files.notExists(dir.resolve("labels/imu-barbell/v1")));

        assertEquals(0, run("al-import", "--round", round.toString(), "--file", part.toString(), "--partial"), output());
        assertTrue(output().contains("wrote imu-barbell/v1 (9 labelled items)"), output());
        assertEquals(0, run("al-import", "--round", round.toString(), "--file", full.toString()), output());
        assertTrue(output().contains("wrote imu-barbell/v2 (12 labelled items)"), output());
        assertEquals(1, run("al-import", "--round", round.toString(), "--file", full.toString()));
        assertTrue(output().contains("Round 1 of imu-barbell cannot become version 3"), output());
    }

    @Test
    void retrainingOnAnEmptyLabelVersionSaysSo() throws Exception {
        new formlab.label.LabelDatasets(dir.resolve("labels")).write("imu-barbell", List.of(), List.of());
        assertEquals(1, run("retrain", "--dataset", "imu-barbell/v1"));
        assertTrue(cli.error().contains("imu-barbell/v1 holds no labelled items") && cli.error().contains("nothing to train on"), output());
    }
}
