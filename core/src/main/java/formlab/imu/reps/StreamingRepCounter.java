package formlab.imu.reps;

import java.util.Arrays;

/**
 * Counts repetitions while a set is being recorded: accelerometer samples arrive one at a time
 * and {@link #current()} runs the very same {@link RepCounter#count(double[][], double, RepCountParameters)}
 * on everything received so far. Timestamped samples are put on the same even grid as
 * {@link RepCounter#uniformAccelerometer} does for files (first sample at time 0, linear
 * interpolation), so once a set is complete the streaming count equals the batch count.
 *
 * <p>Counts near the end of the buffer can still change as samples arrive (the zero-phase filter
 * looks ahead); a live display should show {@link #current()} and treat the last repetition as
 * provisional. Call {@link #reset()} between sets. Not thread-safe: one stream, one counter.
 */
public final class StreamingRepCounter {

    private final java.util.List<RepCountParameters> rules;
    private final double rateHz;
    private double[][] buffer = new double[3][256];
    private int size;
    private long firstMillis;
    private long lastMillis;
    private final double[] last = new double[3];
    private boolean started;

    /**
     * @param parameters the counting rule (e.g. {@link RepCountModel#parametersFor} of the recognised exercise)
     * @param rateHz     rate of the even grid, normally {@link RepCounter#COUNT_RATE_HZ}
     */
    public StreamingRepCounter(RepCountParameters parameters, double rateHz) {
        this(java.util.List.of(parameters), rateHz);
    }

    /**
     * A counter that takes the median of several rules, as {@link RepCountModel#count} does.
     *
     * @param rules  the rules (e.g. {@link RepCountModel#rulesFor} of the recognised exercise), best first
     * @param rateHz rate of the even grid, normally {@link RepCounter#COUNT_RATE_HZ}
     */
    public StreamingRepCounter(java.util.List<RepCountParameters> rules, double rateHz) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("need at least one counting rule");
        }
        this.rules = java.util.List.copyOf(rules);
        this.rateHz = rateHz;
    }

    /** Adds one accelerometer sample (g) with its timestamp; timestamps must increase. */
    public void add(long epochMillis, double x, double y, double z) {
        if (!started) {
            started = true;
            firstMillis = epochMillis;
            append(x, y, z);
        } else {
            if (epochMillis <= lastMillis) {
                throw new IllegalArgumentException("timestamp " + epochMillis + " ms is not after " + lastMillis + " ms");
            }
            double step = 1000.0 / rateHz;
            // Grid points in (lastMillis, epochMillis], interpolated between the previous sample and this one.
            for (double t = firstMillis + size * step; t <= epochMillis + 1e-9; t = firstMillis + size * step) {
                double fraction = (t - lastMillis) / (double) (epochMillis - lastMillis);
                append(last[0] + fraction * (x - last[0]), last[1] + fraction * (y - last[1]), last[2] + fraction * (z - last[2]));
            }
        }
        lastMillis = epochMillis;
        last[0] = x;
        last[1] = y;
        last[2] = z;
    }

    private void append(double x, double y, double z) {
        if (size == buffer[0].length) {
            for (int a = 0; a < 3; a++) {
                buffer[a] = Arrays.copyOf(buffer[a], 2 * size);
            }
        }
        buffer[0][size] = x;
        buffer[1][size] = y;
        buffer[2][size] = z;
        size++;
    }

    /** Repetitions in the samples so far, with their times (seconds since the first sample). */
    public RepCount current() {
        double[][] acc = {Arrays.copyOf(buffer[0], size), Arrays.copyOf(buffer[1], size), Arrays.copyOf(buffer[2], size)};
        return RepCounter.count(acc, rateHz, rules);
    }

    /** Seconds of signal received so far. */
    public double seconds() {
        return size / rateHz;
    }

    /** Forgets all samples (start of a new set). */
    public void reset() {
        size = 0;
        started = false;
    }
}
