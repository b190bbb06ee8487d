package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.config.FeedbackConfig;
import formlab.deploy.gpio.RecordingPin;
import formlab.deploy.sensor.ImuSample;
import formlab.deploy.session.RawSetWriter;
import formlab.deploy.session.SessionLog;
import formlab.deploy.session.SetRecord;
import formlab.imu.Intensity;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's timestamp policy and set bookkeeping, driven sample by sample (no threads, no hardware). */
class TrackerRuntimeTest {

    @TempDir
    Path dir;

    private static ImuSample sample(long t) {
        return ImuSample.both(t, Math.sin(t / 300.0), 0, 1, 0, 0, Math.cos(t / 300.0));
    }

    @Test
    void clockJumpsAndBurstsNeverReachTheWindowsAndRepsSurviveSegments() throws Exception {
        ScriptedSink sink = new ScriptedSink(10, 25, "row");
        RecordingPin rep = new RecordingPin();
        RecordingPin buzzer = new RecordingPin();
        RecordingPin status = new RecordingPin();
        Feedback feedback = new Feedback(rep, buzzer, status, new FeedbackConfig(30, 100));
        List<TimestampGuard.Verdict> jumps = new ArrayList<>();
        try (SessionLog log = SessionLog.open(dir)) {
            TrackerRuntime runtime = new TrackerRuntime(sink, feedback, log,
                    new RawSetWriter(dir.resolve("raw"), "T1", Intensity.HEAVY, "0168"), 50, 50, 1000, "test");
            runtime.listen(new TrackerListener() {
                @Override
                public void discontinuity(TimestampGuard.Verdict verdict, long atMillis) {
                    jumps.add(verdict);
                }
            });
            long t0 = 1_767_261_600_000L;
            runtime.startSet(t0);
            long t = t0;
            for (int i = 0; i < 100; i++, t += 20) {
                runtime.onSample(sample(t));
            }
            // a burst: the same sample read five times, and reads 3 ms apart
            for (int i = 0; i < 5; i++) {
                runtime.onSample(sample(t - 20));
            }
            runtime.onSample(sample(t - 17));
            runtime.onSample(sample(t - 14));
            runtime.onSample(sample(t - 40));
            // NTP sets the clock back an hour
            t -= 3_600_000;
            for (int i = 0; i < 100; i++, t += 20) {
                runtime.onSample(sample(t));
            }
            // the sensor drops out for 4 s (above the 1 s bridge limit)
            t += 4000;
            for (int i = 0; i < 60; i++, t += 20) {
                runtime.onSample(sample(t));
            }
            SetRecord record = runtime.endSet(t);

            assertEquals(List.of(TimestampGuard.Verdict.BACKWARD_JUMP, TimestampGuard.Verdict.FORWARD_GAP), jumps);
            assertEquals(3, sink.segments.size());
            for (List<ImuSample> segment : sink.segments) {
                for (int i = 1; i < segment.size(); i++) {
                    long dt = segment.get(i).epochMillis() - segment.get(i - 1).epochMillis();
                    assertTrue(dt >= 10 && dt <= 1000, "within a segment samples are spaced by half a period to the max gap: " + dt);
                }
            }
            assertEquals(List.of(100, 100, 60), sink.segments.stream().map(List::size).toList());
            assertEquals(4 + 4 + 2, record.reps(), "reps of every segment add up");
            assertEquals(3, record.segments());
            assertEquals(260, record.samples());
            assertEquals(5, record.dropped().get("duplicate"));
            assertEquals(2, record.dropped().get("too_soon"));
            assertEquals(1, record.dropped().get("out_of_order"));
            assertEquals(6, record.rawFiles().size(), "one accelerometer/gyroscope pair per segment");
            assertEquals(3, MetaWearDatasetLoader.defaults().load(dir.resolve("raw")).size());
            runtime.drain();
            assertEquals(10, rep.rises(), "one blink per repetition");
            assertEquals(1, buzzer.rises());
        }
    }

    @Test
    void aFinalCountAboveTheLiveOneAddsTheMissingBlinksAndALowerOneIsRecorded() throws Exception {
        ScriptedSink sink = new ScriptedSink(10, 20, "bench");
        RecordingPin rep = new RecordingPin();
        Feedback feedback = new Feedback(rep, new RecordingPin(), new RecordingPin(), new FeedbackConfig(30, 100));
        try (SessionLog log = SessionLog.open(dir)) {
            TrackerRuntime runtime = new TrackerRuntime(sink, feedback, log,
                    new RawSetWriter(dir.resolve("raw"), "T1", Intensity.HEAVY, "0168"), 50, 50, 1000, "test");
            runtime.startSet(0);
            for (long t = 0; t < 2000; t += 20) {
                runtime.onSample(sample(t));
            }
            sink.finalAdjustment = 2;
            SetRecord up = runtime.endSet(2000);
            runtime.drain();
            assertEquals(7, up.reps());
            assertEquals(7, up.repPulses());
            assertEquals(7, rep.rises());

            runtime.startSet(3000);
            for (long t = 3000; t < 5000; t += 20) {
                runtime.onSample(sample(t));
            }
            sink.finalAdjustment = -1;
            SetRecord down = runtime.endSet(5000);
            runtime.drain();
            assertEquals(2, down.set());
            assertEquals(4, down.reps());
            assertEquals(5, down.repPulses(), "the LED already showed 5; the record keeps both");
        }
    }
}
