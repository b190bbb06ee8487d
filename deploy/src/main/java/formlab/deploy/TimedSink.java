package formlab.deploy;

import formlab.deploy.sensor.ImuSample;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SampleSink} wrapper that measures how long the wrapped sink takes: for every sample,
 * and separately for the samples that complete a window (the expensive ones: features,
 * classification and the repetition count). Keeps the last {@value #CAPACITY} timings.
 */
public final class TimedSink implements SampleSink {

    /** Timings kept per kind. */
    public static final int CAPACITY = 1 << 16;

    private final SampleSink sink;
    private final long[] windowNanos = new long[CAPACITY];
    private final long[] sampleNanos = new long[CAPACITY];
    private int windows;
    private int samples;

    /** Wraps {@code sink}. */
    public TimedSink(SampleSink sink) {
        this.sink = sink;
    }

    @Override
    public void startSet() {
        sink.startSet();
    }

    @Override
    public List<WindowResult> accept(ImuSample sample) {
        long start = System.nanoTime();
        List<WindowResult> results = sink.accept(sample);
        long took = System.nanoTime() - start;
        sampleNanos[samples++ % CAPACITY] = took;
        if (!results.isEmpty()) {
            windowNanos[windows++ % CAPACITY] = took;
        }
        return results;
    }

    @Override
    public WindowResult finishSet() {
        return sink.finishSet();
    }

    /** Processing times of the samples that completed a window. */
    public Latency windows() {
        return Latency.of(windowNanos, windows);
    }

    /** Processing time of each sample that completed a window, in order (the last {@value #CAPACITY}), ms. */
    public double[] windowMillis() {
        int n = Math.min(windows, CAPACITY);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = windowNanos[(windows - n + i) % CAPACITY] / 1e6;
        }
        return out;
    }

    /** Processing times of all samples. */
    public Latency samples() {
        return Latency.of(sampleNanos, samples);
    }

    /**
     * A summary of processing times, in milliseconds.
     *
     * @param count  timings summarised
     * @param median 50th percentile
     * @param p99    99th percentile
     * @param max    largest
     */
    public record Latency(int count, double median, double p99, double max) {

        static Latency of(long[] nanos, int total) {
            int n = Math.min(total, nanos.length);
            if (n == 0) {
                return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Latency(n, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6, sorted[n - 1] / 1e6);
        }

        /** Nearest-rank percentile. */
        private static long rank(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d timed: median %.3f ms, p99 %.3f ms, max %.3f ms", count, median, p99, max);
        }
    }
}
