package formlab.imu;

import formlab.imu.dataset.ImuDatasets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.plot.ImuPlots;
import formlab.imu.sim.SimulationSettings;
import formlab.display.Html;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** The tables and figures the exploration notebook shows, on a small simulated dataset. */
class ImuDatasetTablesTest {

    @TempDir
    static Path dir;
    static ImuDataset dataset;

    @BeforeAll
    static void simulate() {
        dataset = ImuDatasets.simulated(dir.resolve("sim"), new SimulationSettings(3, 3, 1, 2, true, 0.0));
    }

    @Test
    void setsPerParticipantAndExerciseAddUp() {
        Table counts = dataset.setsPerParticipantAndExercise();
        assertEquals(List.of("S1", "S2", "S3", "all"), counts.stringColumn("participant").asList());
        for (int row = 0; row < 3; row++) {
            assertEquals(3, counts.intColumn("bench").getInt(row));
            assertEquals(2, counts.intColumn("rest").getInt(row));
            assertEquals(17, counts.intColumn("total").getInt(row));
        }
        assertEquals(dataset.normalSets().size(), counts.intColumn("total").getInt(3));
    }

    @Test
    void summaryTablesDescribeEveryRecording() {
        Table summary = dataset.summaryTable();
        assertEquals(dataset.recordings().size(), summary.rowCount());
        assertTrue(summary.doubleColumn("acc_rate_hz").allMatch((java.util.function.DoublePredicate) v -> Math.abs(v - 12.5) < 0.01));
        Table perExercise = dataset.perExerciseSummary();
        assertEquals(6, perExercise.rowCount());
        double totalSets = perExercise.doubleColumn("Count [duration_s]").sum();
        assertEquals(dataset.normalSets().size(), totalSets, 1e-9);
    }

    @Test
    void rawFiguresHaveThreeAxesOnACommonClock() {
        ImuRecording set = dataset.firstOf(Exercise.SQUAT).orElseThrow();
        List<Figure> figures = ImuPlots.recording(set);
        assertEquals(2, figures.size());
        for (Figure figure : figures) {
            assertEquals(3, figure.getTraces().length);
        }
        String html = Html.of(figures.get(1));
        assertTrue(html.contains("gyr_x") && html.contains("deg/s") && html.contains(set.info().name()), "labelled figure");
    }
}
