package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.data.DataOrigin;
import formlab.eval.Progress;
import formlab.features.ImuFeatures;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.signal.ChannelGroup;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ExercisePipelineTest {

    @TempDir
    Path dir;

    static ImuDataset dataset() {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(3, 2, 1, 0, true, 0.0));
        List<ImuRecording> sets = simulator.plan().stream().map(simulator::simulate).toList();
        return new ImuDataset(sets, new DataOrigin("simulated", false, "memory", sets.size() + " sets"));
    }

    @Test
    void windowsFollowTheWindowSettingsAndDeriveChannelsInsideEachWindow() {
        ImuRecording set = dataset().recordings().getFirst();
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        List<Window> windows = pipeline.windows(set);
        int length = pipeline.windowSamples();
        assertEquals(50, length);
        int samples = pipeline.align(set).getFirst().length();
        assertEquals(pipeline.window().count(samples, 12.5), windows.size());
        for (int k = 0; k < windows.size(); k++) {
            assertEquals(pipeline.window().start(k, 12.5) / 12.5, windows.get(k).startSeconds(), 1e-9);
            assertEquals(pipeline.channelNames(), windows.get(k).names());
        }
        // derived channels depend on the window's own samples only: the same samples give the same window
        var segment = pipeline.align(set).getFirst();
        int from = pipeline.window().start(1, 12.5);
        Window again = pipeline.window(segment.slice(from, from + length), segment.startMillis());
        assertArrayEquals(windows.get(1).channel("acc_vertical"), again.channel("acc_vertical"), 0.0);
        assertEquals(pipeline.featureNames().size(), pipeline.features(again).length);
    }

    @Test
    void windowsOfManyRecordingsKeepTheirSetInRecordingOrder() {
        List<ImuRecording> sets = dataset().recordings().subList(0, 3);
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        List<Window> windows = pipeline.windows(sets);
        int at = 0;
        for (ImuRecording set : sets) {
            List<Window> own = pipeline.windows(set);
            assertTrue(own.size() > 5, set.info().id());
            for (Window w : own) {
                Window listed = windows.get(at++);
                assertEquals(set.info(), listed.info().orElseThrow());
                assertEquals(set.info().exercise().label(), listed.label());
                assertEquals(w.startSeconds(), listed.startSeconds());
                assertEquals(4.0, listed.seconds(), 1e-12);
                assertEquals(12.5, listed.rateHz());
            }
        }
        assertEquals(at, windows.size());
    }

    @Test
    void tableRowsEqualTheSingleWindowPath() {
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        List<Window> windows = pipeline.windows(dataset().recordings());
        Table table = pipeline.featureTable(windows);
        assertEquals(windows.size(), table.rowCount());
        List<String> names = pipeline.featureNames();
        assertEquals(ImuFeatures.METADATA_COLUMNS, table.columnNames().subList(0, 5));
        assertEquals(names, table.columnNames().subList(5, table.columnCount()));
        for (int row = 0; row < windows.size(); row += 7) {
            Window w = windows.get(row);
            double[] single = pipeline.features(w);
            double[] fromTable = new double[names.size()];
            for (int f = 0; f < names.size(); f++) {
                fromTable[f] = table.doubleColumn(5 + f).getDouble(row);
            }
            assertArrayEquals(single, fromTable, 0.0, "row " + row);
            assertEquals(w.info().orElseThrow().participant(), table.stringColumn("participant").get(row));
            assertEquals(w.label(), table.stringColumn("exercise").get(row));
            assertEquals(w.info().orElseThrow().id(), table.stringColumn("set_id").get(row));
            assertEquals(w.startSeconds(), table.doubleColumn("window_start_s").getDouble(row));
        }
        for (int f = 5; f < table.columnCount(); f++) {
            tech.tablesaw.api.DoubleColumn column = table.doubleColumn(f);
            assertTrue(java.util.Arrays.stream(column.asDoubleArray()).allMatch(Double::isFinite), "finite values in " + column.name());
        }
    }

    @Test
    void settingsSurviveAJsonRoundTrip() throws Exception {
        ExercisePipeline pipeline = ExercisePipeline.defaults().withWindow(new WindowSettings(5, 0.5));
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(json.writeValueAsString(pipeline.toMap()), Map.class);
        ExercisePipeline restored = ExercisePipeline.fromMap(back);
        assertEquals(pipeline.featureNames(), restored.featureNames());
        assertEquals(pipeline.window(), restored.window());
        assertEquals(pipeline.signal(), restored.signal());
        assertThrows(IllegalArgumentException.class, () -> new ExercisePipeline(pipeline.signal().withChannels(
                EnumSet.of(ChannelGroup.MAGNITUDES)), pipeline.window(), pipeline.features(), 5));
    }

    @Test
    void cachedTablesReadBackWithTheSameValues() {
        ImuDataset dataset = dataset();
        List<WindowSettings> windows = List.of(new WindowSettings(4, 1));
        Table fresh = ExerciseData.build(dataset, ExercisePipeline.defaults(), windows, dir, Progress.none()).table(windows.getFirst());
        Table cached = ExerciseData.build(dataset, ExercisePipeline.defaults(), windows, dir, Progress.none()).table(windows.getFirst());
        assertEquals(fresh.columnNames(), cached.columnNames());
        assertEquals(fresh.rowCount(), cached.rowCount());
        for (String feature : ExercisePipeline.defaults().featureNames()) {
            assertArrayEquals(fresh.numberColumn(feature).asDoubleArray(), cached.numberColumn(feature).asDoubleArray(), 0.0, feature);
        }
        assertEquals(fresh.stringColumn("set_id").asList(), cached.stringColumn("set_id").asList());
        assertTrue(fresh.stringColumn("exercise").asList().contains("rest"), "rest windows are kept in the table");
    }
}
