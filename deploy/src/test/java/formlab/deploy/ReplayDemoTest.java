package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.sensor.RecordingSource;
import formlab.imu.Exercise;
import formlab.imu.Intensity;
import formlab.display.Html;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayDemoTest {

    @TempDir
    Path dir;

    @Test
    void theTimelineShowsOneLedPulsePerRepetitionOnTheRecordingsTimeAxis() throws Exception {
        Path file = SimulatedSets.write(dir, Exercise.ROW, Intensity.MEDIUM);
        RecordingSource replay = RecordingSource.of(file);
        ReplayDemo demo = ReplayDemo.run(replay.recording(), (config, rate) -> new ScriptedSink(12, 20, "row"),
                dir.resolve("session"));
        assertEquals(replay.size() / 20, demo.set().reps());
        double[] on = demo.repLedOnSeconds();
        assertEquals(demo.set().reps(), on.length);
        double duration = replay.recording().accelerometer().durationSeconds();
        for (int i = 0; i < on.length; i++) {
            assertTrue(on[i] >= 0 && on[i] <= duration + 2, "pulse " + i + " at " + on[i] + " s lies on the recording's time axis");
            assertTrue(i == 0 || on[i] - on[i - 1] >= 0.3 - 1e-9, "pulses are at least on+off apart");
        }
        assertEquals(replay.size() / 12, demo.windowTable().rowCount());
        assertTrue(demo.latency().count() > 0);
        assertEquals(4, demo.timelineFigure().getTraces().length);
        assertTrue(Html.of(demo.timelineFigure()).contains("rep-led"));
    }
}
