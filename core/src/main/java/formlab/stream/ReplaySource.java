package formlab.stream;

import formlab.exercise.WindowUpdate;
import formlab.imu.ImuRecording;
import formlab.imu.TimeOrderedSamples;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Plays a recording into a {@link LiveExerciseTracker} as if it were arriving from the sensor:
 * both sensors' samples in time order (an accelerometer sample before a gyroscope sample with the
 * same timestamp), paced at real speed, faster, or as fast as possible.
 */
public final class ReplaySource {

    /** Waits until a moment of the replay; replaceable so tests need not sleep. */
    @FunctionalInterface
    public interface Pacer {
        /** Blocks until {@code nanos} after the replay started. */
        void waitUntil(long nanos);
    }

    private final ImuRecording recording;
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
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, got " + speed);
        }
        this.recording = recording;
        this.speed = speed;
        this.pacer = pacer;
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

    /** Plays every sample into {@code tracker}, handing each completed window to {@code updates}; returns the windows seen. */
    public int play(LiveExerciseTracker tracker, Consumer<WindowUpdate> updates) {
        long first = Math.min(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
        int[] windows = {0};
        TimeOrderedSamples.forEach(recording, (sensor, t, x, y, z) -> {
            if (speed > 0) {
                pacer.waitUntil(Math.round((t - first) * 1e6 / speed));
            }
            for (WindowUpdate update : tracker.add(sensor, t, x, y, z)) {
                updates.accept(update);
                windows[0]++;
            }
        });
        return windows[0];
    }
}
