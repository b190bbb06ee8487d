package formlab.imu.signal;

import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.SetInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Puts accelerometer and gyroscope samples that arrive one at a time, each at its own rate and on
 * its own schedule, onto one evenly spaced grid, using only samples already received: the one
 * alignment that training, batch scoring, live streaming, labelling, drift monitoring and the
 * benchmarks share (through {@code formlab.exercise.ExercisePipeline}), so a stream reproduces the
 * batch windows exactly.
 *
 * <p>How: a sensor faster than the grid is first low-passed by a causal Butterworth filter (order 4
 * at 0.4 x the grid rate, state kept sample by sample) so that fast movements do not alias. The
 * grid starts at the later of the two sensors' first samples (no extrapolation); grid point
 * {@code k} lies at {@code origin + k * 1000 / rate} ms and is emitted, linearly interpolated in
 * epoch time from both sensors, as soon as both have a sample at or after it. The order in which
 * the two sensors' samples interleave does not change the output.
 *
 * <p>Timestamp policy (a stream can misbehave in ways a checked file cannot):
 * <ul>
 *   <li>a gap up to {@code maxGapSeconds} (default {@value #DEFAULT_MAX_GAP_SECONDS} s, the file
 *   reader's limit) in either sensor is bridged by the straight line between the samples either
 *   side, exactly as recorded files are;</li>
 *   <li>a longer gap, or a clock that jumps back by more than {@code maxGapSeconds}, ends the
 *   segment: everything buffered is dropped, filters restart, and a new grid starts from the next
 *   samples of both sensors ({@link Output#restart} tells the consumer, which must restart its windows);</li>
 *   <li>a sample at or before the previous sample of its sensor, by less than that, is dropped
 *   and counted ({@link #droppedSamples()}): a duplicate or a small jitter backwards.</li>
 * </ul>
 * Not thread-safe: one aligner per stream.
 */
public final class CausalAligner {

    /** Names of the six channels, in output order. */
    public static final List<String> CHANNELS = List.of("acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z");
    /** Units of the six channels. */
    public static final List<String> UNITS = List.of("g", "g", "g", "deg/s", "deg/s", "deg/s");
    /** Default longest bridged gap, as {@code MetaWearCsvReader.DEFAULT_MAX_GAP_SECONDS}. */
    public static final double DEFAULT_MAX_GAP_SECONDS = 5.0;

    /** Receives the aligned grid. */
    public interface Output {
        /**
         * One grid sample.
         *
         * @param epochMillis its time
         * @param values      {@code acc_x, acc_y, acc_z, gyr_x, gyr_y, gyr_z} (a fresh array the consumer may keep)
         */
        void sample(double epochMillis, double[] values);

        /**
         * The segment ended (long gap or clock jump); the next sample starts a new grid.
         *
         * @param epochMillis time of the sample that ended it
         * @param reason      what happened, in words
         */
        default void restart(long epochMillis, String reason) {
        }
    }

    private final double rateHz;
    private final double periodMillis;
    private final long maxGapMillis;
    private final double accelerometerRateHz;
    private final double gyroscopeRateHz;
    private final Output output;
    private Lane accelerometer;
    private Lane gyroscope;
    private double originMillis = Double.NaN;
    private long next;
    private long dropped;
    private int restarts;

    /**
     * @param rateHz              grid rate
     * @param accelerometerRateHz nominal accelerometer rate (decides whether it is low-passed first)
     * @param gyroscopeRateHz     nominal gyroscope rate
     * @param maxGapSeconds       longest gap bridged by interpolation
     * @param output              receives the grid
     */
    public CausalAligner(double rateHz, double accelerometerRateHz, double gyroscopeRateHz, double maxGapSeconds, Output output) {
        if (!(rateHz > 0) || !(accelerometerRateHz > 0) || !(gyroscopeRateHz > 0) || !(maxGapSeconds > 0)) {
            throw new IllegalArgumentException("rates and the gap limit must be positive");
        }
        this.rateHz = rateHz;
        this.periodMillis = 1000.0 / rateHz;
        this.maxGapMillis = Math.round(maxGapSeconds * 1000);
        this.accelerometerRateHz = accelerometerRateHz;
        this.gyroscopeRateHz = gyroscopeRateHz;
        this.output = Objects.requireNonNull(output, "output");
        reset();
    }

    /** Grid rate, Hz. */
    public double rateHz() {
        return rateHz;
    }

    /** Samples dropped because their time was not after their sensor's previous sample. */
    public long droppedSamples() {
        return dropped;
    }

    /** Segments ended by a long gap or a clock jump. */
    public int restarts() {
        return restarts;
    }

    /** Adds one sample of {@code sensor} (acceleration in g, angular velocity in deg/s). */
    public void add(SensorKind sensor, long epochMillis, double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s sample at %d ms is not finite (%s, %s, %s); expected numbers", sensor.fileToken(), epochMillis, x, y, z));
        }
        Lane lane = sensor == SensorKind.ACCELEROMETER ? accelerometer : gyroscope;
        if (!lane.isEmpty()) {
            long step = epochMillis - lane.lastMillis();
            if (step <= 0 && -step <= maxGapMillis) {
                dropped++;
                return;
            }
            if (step > maxGapMillis || step <= 0) {
                String reason = step > 0
                        ? String.format(Locale.ROOT, "gap of %.3f s in the %s (longest bridged %.1f s)", step / 1000.0,
                                sensor.fileToken().toLowerCase(Locale.ROOT), maxGapMillis / 1000.0)
                        : String.format(Locale.ROOT, "%s clock jumped back by %.3f s", sensor.fileToken().toLowerCase(Locale.ROOT),
                                -step / 1000.0);
                reset();
                restarts++;
                output.restart(epochMillis, reason);
                lane = sensor == SensorKind.ACCELEROMETER ? accelerometer : gyroscope;
            }
        }
        lane.add(epochMillis, x, y, z);
        if (Double.isNaN(originMillis) && !accelerometer.isEmpty() && !gyroscope.isEmpty()) {
            originMillis = Math.max(accelerometer.firstMillis(), gyroscope.firstMillis());
            next = 0;
        }
        emit();
    }

    private void emit() {
        if (Double.isNaN(originMillis)) {
            return;
        }
        while (true) {
            double t = originMillis + next * periodMillis;
            if (accelerometer.lastMillis() < t || gyroscope.lastMillis() < t) {
                return;
            }
            double[] values = new double[6];
            accelerometer.interpolate(t, values, 0);
            gyroscope.interpolate(t, values, 3);
            next++;
            double following = originMillis + next * periodMillis;
            accelerometer.trimBefore(following);
            gyroscope.trimBefore(following);
            output.sample(t, values);
        }
    }

    private void reset() {
        accelerometer = new Lane(accelerometerRateHz > rateHz ? Butterworth.lowPass(4, 0.4 * rateHz, accelerometerRateHz) : null);
        gyroscope = new Lane(gyroscopeRateHz > rateHz ? Butterworth.lowPass(4, 0.4 * rateHz, gyroscopeRateHz) : null);
        originMillis = Double.NaN;
        next = 0;
    }

    /**
     * Aligns a recording by feeding its samples through an aligner in time order: the grid segments
     * (one, unless the recording holds a gap longer than {@code maxGapSeconds}), each as an
     * {@link AlignedSignal} with channels {@link #CHANNELS}.
     */
    public static List<AlignedSignal> align(ImuRecording recording, double rateHz, double maxGapSeconds) {
        return align(recording.info(), recording.accelerometer(), recording.gyroscope(), rateHz, maxGapSeconds);
    }

    /**
     * Aligns an accelerometer and a gyroscope series that belong to no barbell set (a recording read
     * through a dataset description): as {@link #align(ImuRecording, double, double)}, the segments
     * carrying {@code info} (may be null).
     */
    public static List<AlignedSignal> align(SetInfo info, SensorSeries acc, SensorSeries gyr, double rateHz,
                                            double maxGapSeconds) {
        List<AlignedSignal> segments = new ArrayList<>();
        Collector collector = new Collector(info, rateHz, segments);
        CausalAligner aligner = new CausalAligner(rateHz, acc.nominalRateHz(), gyr.nominalRateHz(), maxGapSeconds, collector);
        int i = 0;
        int j = 0;
        while (i < acc.size() || j < gyr.size()) {
            boolean takeAcc = j >= gyr.size() || (i < acc.size() && acc.epochMillis(i) <= gyr.epochMillis(j));
            if (takeAcc) {
                aligner.add(SensorKind.ACCELEROMETER, acc.epochMillis(i), acc.value(0, i), acc.value(1, i), acc.value(2, i));
                i++;
            } else {
                aligner.add(SensorKind.GYROSCOPE, gyr.epochMillis(j), gyr.value(0, j), gyr.value(1, j), gyr.value(2, j));
                j++;
            }
        }
        collector.close();
        return segments;
    }

    /** Collects grid samples into one {@link AlignedSignal} per segment. */
    private static final class Collector implements Output {
        private final SetInfo info;
        private final double rateHz;
        private final List<AlignedSignal> segments;
        private final List<double[]> samples = new ArrayList<>();
        private double start = Double.NaN;

        Collector(SetInfo info, double rateHz, List<AlignedSignal> segments) {
            this.info = info;
            this.rateHz = rateHz;
            this.segments = segments;
        }

        @Override
        public void sample(double epochMillis, double[] values) {
            if (samples.isEmpty()) {
                start = epochMillis;
            }
            samples.add(values);
        }

        @Override
        public void restart(long epochMillis, String reason) {
            close();
        }

        void close() {
            if (samples.isEmpty()) {
                return;
            }
            double[][] channels = new double[6][samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                for (int c = 0; c < 6; c++) {
                    channels[c][i] = samples.get(i)[c];
                }
            }
            segments.add(new AlignedSignal(info, rateHz, start, CHANNELS, UNITS, channels));
            samples.clear();
        }
    }

    /** The recent samples of one sensor (filtered when it is faster than the grid). */
    private static final class Lane {
        private final Butterworth.Stream[] filters;
        private long[] times = new long[16];
        private double[][] values = new double[16][];
        private int head;
        private int size;
        private long first;
        private boolean started;

        Lane(Butterworth lowPass) {
            filters = lowPass == null ? null
                    : new Butterworth.Stream[] {lowPass.stream(), lowPass.stream(), lowPass.stream()};
        }

        boolean isEmpty() {
            return !started;
        }

        long firstMillis() {
            return first;
        }

        long lastMillis() {
            return times[(head + size - 1) & (times.length - 1)];
        }

        void add(long t, double x, double y, double z) {
            double[] v = filters == null ? new double[] {x, y, z}
                    : new double[] {filters[0].next(x), filters[1].next(y), filters[2].next(z)};
            if (size == times.length) {
                grow();
            }
            if (!started) {
                started = true;
                first = t;
            }
            int at = (head + size) & (times.length - 1);
            times[at] = t;
            values[at] = v;
            size++;
        }

        private void grow() {
            long[] t = new long[times.length * 2];
            double[][] v = new double[times.length * 2][];
            for (int i = 0; i < size; i++) {
                t[i] = times[(head + i) & (times.length - 1)];
                v[i] = values[(head + i) & (times.length - 1)];
            }
            times = t;
            values = v;
            head = 0;
        }

        private long time(int i) {
            return times[(head + i) & (times.length - 1)];
        }

        private double[] value(int i) {
            return values[(head + i) & (times.length - 1)];
        }

        /** Linear interpolation at {@code t} (which is not after the last sample) into {@code out[at..at+2]}. */
        void interpolate(double t, double[] out, int at) {
            if (t <= time(0)) {
                System.arraycopy(value(0), 0, out, at, 3);
                return;
            }
            int j = 0;
            while (time(j + 1) < t) {
                j++;
            }
            double fraction = (t - time(j)) / (double) (time(j + 1) - time(j));
            double[] a = value(j);
            double[] b = value(j + 1);
            for (int c = 0; c < 3; c++) {
                out[at + c] = a[c] + fraction * (b[c] - a[c]);
            }
        }

        /** Drops samples no longer needed to interpolate at {@code t} or later (keeps the last one before it). */
        void trimBefore(double t) {
            while (size >= 2 && time(1) < t) {
                head = (head + 1) & (times.length - 1);
                size--;
            }
        }
    }
}
