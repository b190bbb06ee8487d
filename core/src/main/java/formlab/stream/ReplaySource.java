package formlab.stream;

import formlab.exercise.WindowUpdate;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.TimeOrderedSamples;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one replay of a recording as if it were arriving from the sensor: both sensors' samples in
 * time order ({@link TimeOrderedSamples}: an accelerometer sample before a gyroscope sample with the
 * same timestamp). Either {@link #play} pushes them into a {@link LiveExerciseTracker}, paced at real
 * speed, faster, or as fast as possible; or a caller that paces by itself (the Pi runtime's
 * {@code deploy.sensor.RecordingSource}) pulls them one at a time with {@link #next}.
 *
 * <p>Several sensor units ({@link #ofUnits}): every unit's samples merged in time order (a unit listed
 * earlier first at the same timestamp), each given to the tracker with its unit, as synchronised
 * streams of the units would arrive.
 */
public final class ReplaySource {

    /** Waits until a moment of the replay; replaceable so tests need not sleep. */
    @FunctionalInterface
    public interface Pacer {
        /** Blocks until {@code nanos} after the replay started. */
        void waitUntil(long nanos);
    }

    /**
     * One sensor unit's series.
     *
     * @param unit          the unit's name, as the model names it ({@code ExerciseModel#units()})
     * @param accelerometer its accelerometer (g)
     * @param gyroscope     its gyroscope (deg/s)
     */
    public record UnitSeries(String unit, SensorSeries accelerometer, SensorSeries gyroscope) {

        public UnitSeries {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(accelerometer, "accelerometer");
            Objects.requireNonNull(gyroscope, "gyroscope");
        }
    }

    private final ImuRecording recording;
    private final List<UnitSeries> units;
    private final TimeOrderedSamples[] cursors;
    private final boolean named;
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
        this(recording, List.of(new UnitSeries("", accelerometer, gyroscope)), false, speed, pacer);
    }

    private ReplaySource(ImuRecording recording, List<UnitSeries> units, boolean named, double speed, Pacer pacer) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, got " + speed);
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one sensor unit");
        }
        this.recording = recording;
        this.units = List.copyOf(units);
        this.named = named;
        this.cursors = units.stream().map(u -> new TimeOrderedSamples(u.accelerometer(), u.gyroscope()))
                .toArray(TimeOrderedSamples[]::new);
        this.speed = speed;
        this.pacer = pacer;
    }

    /**
     * A replay of several sensor units' series together (a recording read through a dataset
     * description, every unit a model reads), each sample given to the tracker with its unit.
     *
     * @param speed as for {@link #ReplaySource(ImuRecording, double)}
     */
    public static ReplaySource ofUnits(List<UnitSeries> units, double speed) {
        return ofUnits(units, speed, wallClock());
    }

    /** As above with a custom pacer. */
    public static ReplaySource ofUnits(List<UnitSeries> units, double speed, Pacer pacer) {
        return new ReplaySource(null, units, true, speed, pacer);
    }

    /** The cursor whose next sample comes first (the earlier unit at the same time); -1 at the end. */
    private int nextUnit() {
        int best = -1;
        long bestMillis = Long.MAX_VALUE;
        for (int u = 0; u < cursors.length; u++) {
            OptionalLong t = cursors[u].nextMillis();
            if (t.isPresent() && (best < 0 || t.getAsLong() < bestMillis)) {
                best = u;
                bestMillis = t.getAsLong();
            }
        }
        return best;
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

    /** The replayed units (one unnamed unit for a replay of one recording or of two series). */
    public List<UnitSeries> units() {
        return units;
    }

    /** True while samples remain. */
    public boolean hasNext() {
        return nextUnit() >= 0;
    }

    /** Recorded time of the next sample, empty at the end. */
    public OptionalLong nextMillis() {
        int u = nextUnit();
        return u < 0 ? OptionalLong.empty() : cursors[u].nextMillis();
    }

    /**
     * Hands the next sample to {@code consumer} at once (no pacing) and moves past it.
     *
     * @throws IllegalStateException at the end
     */
    public void next(TimeOrderedSamples.Consumer consumer) {
        int u = nextUnit();
        if (u < 0) {
            throw new IllegalStateException("no samples left");
        }
        cursors[u].next(consumer);
    }

    /** Number of samples in the replay (accelerometer plus gyroscope, every unit). */
    public int size() {
        int n = 0;
        for (TimeOrderedSamples cursor : cursors) {
            n += cursor.size();
        }
        return n;
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
        long first = units.stream().mapToLong(u -> Math.min(u.accelerometer().startMillis(), u.gyroscope().startMillis()))
                .min().orElseThrow();
        int[] windows = {0};
        for (int u = nextUnit(); u >= 0; u = nextUnit()) {
            String unit = units.get(u).unit();
            cursors[u].next((sensor, t, x, y, z) -> {
                if (speed > 0) {
                    pacer.waitUntil(Math.round((t - first) * 1e6 / speed));
                }
                for (WindowUpdate update : named ? tracker.add(unit, sensor, t, x, y, z) : tracker.add(sensor, t, x, y, z)) {
                    updates.accept(update);
                    windows[0]++;
                }
            });
        }
        return windows[0];
    }
}
