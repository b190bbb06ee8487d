package formlab.stream;

import formlab.exercise.WindowUpdate;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.TimeOrderedSamples;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one replay of a recording as if it were arriving from the sensor: both sensors' samples in
 * time order ({@link TimeOrderedSamples}: an accelerometer sample before a gyroscope sample with the
 * same timestamp). Either {@link #play} pushes them into a {@link LiveExerciseTracker}, paced at real
 * speed, faster, or as fast as possible; or a caller that paces by itself (the Pi runtime's
 * {@code deploy.sensor.RecordingSource}) pulls them one at a time with {@link #next}.
 */
public final class ReplaySource {

    /** Waits until a moment of the replay; replaceable so tests need not sleep. */
    @FunctionalInterface
    public interface Pacer {
        /** Blocks until {@code nanos} after the replay started. */
        void waitUntil(long nanos);
    }

    private final ImuRecording recording;
    private final SensorSeries accelerometer;
    private final SensorSeries gyroscope;
    private final TimeOrderedSamples samples;
    private final double speed;
    private final Pacer pacer;

    /**
     * @param recording what to play
     * @param speed     1 = real time, 10 = ten times faster, 0 = as fast as possible
     */
    public ReplaySource(ImuRecording recording, double speed) {
        this(recording, speed, wallClock());
    }

    /** As above with a custom pacer. */
    public ReplaySource(ImuRecording recording, double speed, Pacer pacer) {
        this(recording, recording.accelerometer(), recording.gyroscope(), speed, pacer);
    }

    /**
     * A replay of one sensor unit's accelerometer (g) and gyroscope (deg/s) series, such as a unit of
     * a recording read through a dataset description; {@link #recording()} is then null.
     *
     * @param speed as for {@link #ReplaySource(ImuRecording, double)}
     */
    public ReplaySource(SensorSeries accelerometer, SensorSeries gyroscope, double speed) {
        this(null, accelerometer, gyroscope, speed, wallClock());
    }

    private ReplaySource(ImuRecording recording, SensorSeries accelerometer, SensorSeries gyroscope, double speed, Pacer pacer) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, got " + speed);
        }
        this.recording = recording;
        this.accelerometer = accelerometer;
        this.gyroscope = gyroscope;
        this.samples = new TimeOrderedSamples(accelerometer, gyroscope);
        this.speed = speed;
        this.pacer = pacer;
    }

    /**
     * A replay of the MetaWear set that {@code file} belongs to: {@code file} is either of its two
     * exports (accelerometer or gyroscope); the other is looked up beside it.
     *
     * @param speed as for {@link #ReplaySource(ImuRecording, double)}
     * @throws formlab.imu.ImuDataException when the file or its partner is missing or malformed
     */
    public static ReplaySource ofFile(Path file, double speed) {
        return new ReplaySource(MetaWearDatasetLoader.defaults().loadSetOf(file), speed);
    }

    /** The recording being replayed (null for a replay of two series). */
    public ImuRecording recording() {
        return recording;
    }

    /** True while samples remain. */
    public boolean hasNext() {
        return samples.hasNext();
    }

    /** Recorded time of the next sample, empty at the end. */
    public OptionalLong nextMillis() {
        return samples.nextMillis();
    }

    /**
     * Hands the next sample to {@code consumer} at once (no pacing) and moves past it.
     *
     * @throws IllegalStateException at the end
     */
    public void next(TimeOrderedSamples.Consumer consumer) {
        samples.next(consumer);
    }

    /** Number of samples in the replay (accelerometer plus gyroscope). */
    public int size() {
        return samples.size();
    }

    /** A pacer that sleeps on the system's monotonic clock, starting now. */
    public static Pacer wallClock() {
        long start = System.nanoTime();
        return nanos -> {
            long remaining;
            while ((remaining = start + nanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
            }
        };
    }

    /**
     * Plays every remaining sample into {@code tracker}, paced from the recording's first sample,
     * handing each completed window to {@code updates}; returns the windows seen.
     */
    public int play(LiveExerciseTracker tracker, Consumer<WindowUpdate> updates) {
        long first = Math.min(accelerometer.startMillis(), gyroscope.startMillis());
        int[] windows = {0};
        while (samples.hasNext()) {
            samples.next((sensor, t, x, y, z) -> {
                if (speed > 0) {
                    pacer.waitUntil(Math.round((t - first) * 1e6 / speed));
                }
                for (WindowUpdate update : tracker.add(sensor, t, x, y, z)) {
                    updates.accept(update);
                    windows[0]++;
                }
            });
        }
        return windows[0];
    }
}
