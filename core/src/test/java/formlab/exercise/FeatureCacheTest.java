package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import formlab.eval.Progress;
import formlab.faults.BadInputs;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.signal.WindowSettings;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The feature cache is keyed on the recordings' content: edited values never meet a stale table. */
class FeatureCacheTest {

    @TempDir
    Path dir;

    @Test
    void changedValuesWithTheSameSampleCountsAndStartTimesRebuildTheTable() throws Exception {
        Path data = dir.resolve("recordings");
        new BarbellSimulator(new SimulationSettings(5, 2, 1, 0, false, 0)).writeTo(data);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        List<WindowSettings> windows = ExerciseEvaluation.SearchSpace.quick().windows();
        WindowSettings window = windows.getFirst();
        Table before = ExerciseData.build(ImuDatasets.folder(data), ExercisePipeline.defaults(), windows, cache, Progress.none())
                .table(window);

        try (Stream<Path> files = Files.list(data)) {
            for (Path acc : files.filter(p -> p.toString().contains("Accelerometer")).toList()) {
                BadInputs.flattenAxes(acc);
            }
        }
        Table after = ExerciseData.build(ImuDatasets.folder(data), ExercisePipeline.defaults(), windows, cache, Progress.none())
                .table(window);
        try (Stream<Path> cached = Files.list(cache)) {
            assertEquals(2, cached.count(), "the flattened recordings get a table of their own");
        }
        assertEquals(before.rowCount(), after.rowCount());
        assertNotEquals(before.doubleColumn("acc_x__mean").sum(), after.doubleColumn("acc_x__mean").sum());
        assertEquals(0.0, after.doubleColumn("acc_x__mean").sum(), 1e-9, "features come from the flattened values");
    }
}
