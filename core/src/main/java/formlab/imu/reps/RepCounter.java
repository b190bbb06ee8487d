package formlab.imu.reps;

import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.metawear.MetaWearRates;
import formlab.imu.signal.Autocorrelation;
import formlab.imu.signal.Butterworth;
import formlab.imu.signal.Channels;
import formlab.imu.signal.Resampler;
import java.util.Arrays;

/**
 * Counts repetitions in accelerometer samples: build the chosen orientation-independent channel,
 * low-pass it (zero phase), and count the extremes whose prominence exceeds a fraction of the
 * filtered signal's robust range.
 *
 * <p>Nothing here is tuned per file or person: the parameters come from {@link RepCountModel},
 * which learns them per exercise from other people's sets. The method is a pure function of the
 * samples it is given, so a live stream calls {@link #count(double[][], double, RepCountParameters)}
 * on its buffer so far (see {@link StreamingRepCounter}) and gets the same answer the batch
 * evaluation would give on the same samples.
 */
public final class RepCounter {

    /** Order of the low-pass (per pass). */
    public static final int FILTER_ORDER = 4;
    /** Cut-off of the gravity estimate for {@link RepChannel#ACC_VERTICAL}. */
    public static final double GRAVITY_CUTOFF_HZ = 0.3;

    private RepCounter() {
    }

    /**
     * Rate at which recorded sets are counted: the accelerometer's own rate, so a live stream needs
     * no upsampling (counting on the set upsampled to 25 Hz was tried and did worse: LOPO MAE 0.56).
     */
    public static final double COUNT_RATE_HZ = MetaWearRates.ACCELEROMETER_HZ;

    /** Counts the reps of a recorded set from its accelerometer, put on a uniform grid at {@link #COUNT_RATE_HZ}. */
    public static RepCount count(ImuRecording recording, RepCountParameters parameters) {
        return count(uniformAccelerometer(recording, COUNT_RATE_HZ), COUNT_RATE_HZ, parameters);
    }

    /** Counts a recorded set with several rules and takes the median ({@link #count(double[][], double, List)}). */
    public static RepCount count(ImuRecording recording, java.util.List<RepCountParameters> rules) {
        return count(uniformAccelerometer(recording, COUNT_RATE_HZ), COUNT_RATE_HZ, rules);
    }

    /**
     * The median count of several rules on the same samples: the result of the best-ranked rule
     * (first in {@code rules}) whose count is the median (the lower median for an even number).
     */
    public static RepCount count(double[][] acc, double rateHz, java.util.List<RepCountParameters> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("need at least one counting rule");
        }
        java.util.List<RepCount> counts = rules.stream().map(rule -> count(acc, rateHz, rule)).toList();
        int median = median(counts.stream().mapToInt(RepCount::count).toArray());
        return counts.stream().filter(c -> c.count() == median).findFirst().orElseThrow();
    }

    /**
     * The median of several rules' counts, the lower of the two middle ones for an even number (how
     * {@link #count(double[][], double, java.util.List)} combines its rules).
     *
     * @throws IllegalArgumentException for no counts
     */
    public static int median(int[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("the median of no counts");
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /**
     * Counts the reps in {@code acc} ({@code [3][n]}, in g, evenly sampled at {@code rateHz}).
     * Signals shorter than a second count 0.
     */
    public static RepCount count(double[][] acc, double rateHz, RepCountParameters parameters) {
        int n = acc[0].length;
        if (n < rateHz) {
            return new RepCount(0, new double[0], parameters);
        }
        double[] signal = channel(acc, rateHz, parameters.channel());
        double cutoff = parameters.cutoffHz();
        if (parameters.tempoRelative()) {
            cutoff *= 1 / repetitionPeriod(signal, rateHz);
        }
        return Extremes.of(smooth(signal, cutoff, rateHz), rateHz).count(parameters);
    }

    /**
     * Counts of every candidate rule on the same samples, sharing the channel and filter work
     * between candidates that differ only in polarity or prominence (what {@link RepCountModel#fit} needs).
     */
    static int[] countAll(double[][] acc, double rateHz, java.util.List<RepCountParameters> candidates) {
        int[] counts = new int[candidates.size()];
        if (acc[0].length < rateHz) {
            return counts;
        }
        java.util.Map<RepChannel, double[]> signals = new java.util.EnumMap<>(RepChannel.class);
        java.util.Map<java.util.List<Object>, Extremes> extremes = new java.util.HashMap<>();
        for (int c = 0; c < candidates.size(); c++) {
            RepCountParameters p = candidates.get(c);
            double[] signal = signals.computeIfAbsent(p.channel(), channel -> channel(acc, rateHz, channel));
            Extremes e = extremes.computeIfAbsent(java.util.List.of(p.channel(), p.cutoffHz(), p.tempoRelative()), key -> {
                double cutoff = p.tempoRelative() ? p.cutoffHz() / repetitionPeriod(signal, rateHz) : p.cutoffHz();
                return Extremes.of(smooth(signal, cutoff, rateHz), rateHz);
            });
            counts[c] = e.count(p).count();
        }
        return counts;
    }

    /** {@code signal} low-passed (zero phase, order {@value #FILTER_ORDER}) at {@code cutoffHz}, capped below Nyquist. */
    static double[] smooth(double[] signal, double cutoffHz, double rateHz) {
        return Butterworth.lowPass(FILTER_ORDER, Math.min(cutoffHz, 0.45 * rateHz), rateHz).filtfilt(signal);
    }

    /** Maxima and minima of a smoothed signal with their prominences, relative to its robust range. */
    record Extremes(int[] maxima, double[] maximaProminence, int[] minima, double[] minimaProminence, double range,
                    double rateHz) {

        static Extremes of(double[] smooth, double rateHz) {
            double[] sorted = smooth.clone();
            Arrays.sort(sorted);
            double range = percentile(sorted, 95) - percentile(sorted, 5);
            double[] negated = Arrays.stream(smooth).map(v -> -v).toArray();
            int[] maxima = Peaks.localMaxima(smooth);
            int[] minima = Peaks.localMaxima(negated);
            return new Extremes(maxima, Arrays.stream(maxima).mapToDouble(i -> Peaks.prominence(smooth, i)).toArray(),
                    minima, Arrays.stream(minima).mapToDouble(i -> Peaks.prominence(negated, i)).toArray(), range, rateHz);
        }

        /** Counts with the polarity and prominence of {@code parameters}. */
        RepCount count(RepCountParameters parameters) {
            double threshold = parameters.relativeProminence() * range;
            int[] peaks = kept(maxima, maximaProminence, threshold);
            int[] troughs = kept(minima, minimaProminence, threshold);
            int count;
            int[] marks;
            switch (parameters.polarity()) {
                case PEAKS -> {
                    count = peaks.length;
                    marks = peaks;
                }
                case TROUGHS -> {
                    count = troughs.length;
                    marks = troughs;
                }
                default -> {
                    count = (int) Math.floor((peaks.length + troughs.length) / 2.0 + 0.5);
                    marks = Math.abs(peaks.length - count) <= Math.abs(troughs.length - count) ? peaks : troughs;
                }
            }
            return new RepCount(count, Arrays.stream(marks).mapToDouble(i -> i / rateHz).toArray(), parameters);
        }

        private static int[] kept(int[] indices, double[] prominence, double threshold) {
            return java.util.stream.IntStream.range(0, indices.length).filter(k -> prominence[k] >= threshold)
                    .map(k -> indices[k]).toArray();
        }
    }

    /** Typical repetition period when a signal is too short or too irregular to estimate one. */
    public static final double DEFAULT_PERIOD_SECONDS = 2.5;

    /**
     * The repetition period of {@code signal} (seconds): the autocorrelation peak between 1 and 6 s
     * of the signal low-passed at 1.2 Hz; {@link #DEFAULT_PERIOD_SECONDS} if the signal is too short.
     */
    public static double repetitionPeriod(double[] signal, double rateHz) {
        double maxSeconds = Math.min(6.0, signal.length / rateHz / 2);
        if (maxSeconds <= 1.0 || 1.2 >= rateHz / 2) {
            return DEFAULT_PERIOD_SECONDS;
        }
        double[] smooth = Butterworth.lowPass(FILTER_ORDER, 1.2, rateHz).filtfilt(signal);
        double period = Autocorrelation.periodSeconds(smooth, rateHz, 1.0, maxSeconds);
        return period > 0 ? period : DEFAULT_PERIOD_SECONDS;
    }

    /** The counting channel of {@code acc} at {@code rateHz}. */
    public static double[] channel(double[][] acc, double rateHz, RepChannel channel) {
        return switch (channel) {
            case ACC_MAGNITUDE -> Channels.magnitude(acc);
            case ACC_VERTICAL -> {
                Butterworth gravityFilter = Butterworth.lowPass(2, GRAVITY_CUTOFF_HZ, rateHz);
                double[][] gravity = {gravityFilter.filtfilt(acc[0]), gravityFilter.filtfilt(acc[1]), gravityFilter.filtfilt(acc[2])};
                yield Channels.alongAndAcross(Channels.subtract(acc, gravity), gravity)[0];
            }
            case ACC_PRINCIPAL -> principal(acc);
        };
    }

    /** Projection on the first principal axis of the (mean-removed) samples, signed along the mean. */
    static double[] principal(double[][] acc) {
        formlab.imu.signal.PrincipalAxis axis = formlab.imu.signal.PrincipalAxis.of(acc);
        return axis.signedAlong(axis.mean()).project(acc);
    }

    /** The accelerometer of {@code recording} linearly interpolated onto an even grid at {@code rateHz}. */
    public static double[][] uniformAccelerometer(ImuRecording recording, double rateHz) {
        SensorSeries acc = recording.accelerometer();
        double step = 1000.0 / rateHz;
        int n = (int) Math.floor((acc.endMillis() - acc.startMillis()) / step + 1e-9) + 1;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = acc.startMillis() + i * step;
        }
        long[] times = acc.epochMillis();
        return new double[][] {Resampler.interpolate(times, acc.x(), grid), Resampler.interpolate(times, acc.y(), grid),
                Resampler.interpolate(times, acc.z(), grid)};
    }

    static double percentile(double[] sorted, double p) {
        double position = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
