package formlab.features.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Summaries of each feature over a window of frames that ends at the current frame, so that the
 * value at frame t uses frames t-window+1 .. t only, never a later one: what a live camera feed
 * could compute. Early frames use the frames there are. NaN values (missing joints) are left
 * out of the statistics; a window with no finite value gives NaN. The standard deviation is the
 * population one (divided by n), so a single frame gives 0.
 *
 * <p>The batch path ({@link #apply(double[][])}) runs the streaming path ({@link Window}) frame
 * by frame, so both give identical numbers.
 *
 * @param window number of frames (>= 1), or {@link #EXPANDING} for all frames since the start
 * @param stats  the statistics, output in {@link Stat} order
 */
public record CausalPooling(int window, Set<CausalPooling.Stat> stats) {

    /** Window size meaning "every frame since the start of the sequence". */
    public static final int EXPANDING = Integer.MAX_VALUE;

    /** A window statistic. */
    public enum Stat { MEAN, STD, MIN, MAX }

    public CausalPooling {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 frame, got " + window);
        }
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("at least one statistic is needed");
        }
        stats = Set.copyOf(EnumSet.copyOf(stats));
    }

    /** Mean, std, min and max over {@code window} frames. */
    public static CausalPooling of(int window) {
        return new CausalPooling(window, EnumSet.allOf(Stat.class));
    }

    /** The statistics in output order. */
    public List<Stat> orderedStats() {
        return List.copyOf(EnumSet.copyOf(stats));
    }

    /** Suffix naming the window: {@code w15}, or {@code all} for an expanding window. */
    public String windowName() {
        return window == EXPANDING ? "all" : "w" + window;
    }

    /** Output names: for each base feature, each statistic: {@code <feature>_<stat>_<window>}. */
    public List<String> names(List<String> features) {
        List<String> names = new ArrayList<>(features.size() * stats.size());
        for (String feature : features) {
            for (Stat stat : orderedStats()) {
                names.add(feature + "_" + stat.name().toLowerCase(Locale.ROOT) + "_" + windowName());
            }
        }
        return names;
    }

    /** Pools a whole sequence: row t of the result summarises rows up to t of {@code frames}. */
    public double[][] apply(double[][] frames) {
        if (frames.length == 0) {
            return new double[0][];
        }
        Window state = start(frames[0].length);
        double[][] out = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            out[t] = state.push(frames[t]);
        }
        return out;
    }

    /** A fresh streaming state for feature vectors of length {@code dimension}. */
    public Window start(int dimension) {
        return new Window(this, dimension);
    }

    /** Streaming state: push each frame's features, get the pooled features of the window ending there. */
    public static final class Window {

        private final CausalPooling pooling;
        private final List<Stat> order;
        private final int dimension;
        private final double[][] ring;
        private int pushed;
        // expanding windows keep running sums instead of a ring
        private final double[] count;
        private final double[] sum;
        private final double[] sumSquares;
        private final double[] min;
        private final double[] max;

        private Window(CausalPooling pooling, int dimension) {
            this.pooling = pooling;
            this.order = pooling.orderedStats();
            this.dimension = dimension;
            boolean expanding = pooling.window == EXPANDING;
            this.ring = expanding ? null : new double[pooling.window][];
            this.count = new double[dimension];
            this.sum = new double[dimension];
            this.sumSquares = new double[dimension];
            this.min = new double[dimension];
            this.max = new double[dimension];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        /** Adds the next frame and returns the pooled vector (length = dimension x statistics). */
        public double[] push(double[] frame) {
            if (frame.length != dimension) {
                throw new IllegalArgumentException("Expected " + dimension + " features, got " + frame.length);
            }
            if (ring == null) {
                accumulate(frame);
            } else {
                ring[pushed % ring.length] = frame.clone();
                resetSums();
                int filled = Math.min(pushed + 1, ring.length);
                for (int i = 0; i < filled; i++) {
                    accumulate(ring[i]);
                }
            }
            pushed++;
            return summary();
        }

        /** Forgets every frame (start of a new sequence). */
        public void reset() {
            pushed = 0;
            resetSums();
        }

        private void resetSums() {
            Arrays.fill(count, 0);
            Arrays.fill(sum, 0);
            Arrays.fill(sumSquares, 0);
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        private void accumulate(double[] frame) {
            for (int j = 0; j < dimension; j++) {
                double v = frame[j];
                if (Double.isFinite(v)) {
                    count[j]++;
                    sum[j] += v;
                    sumSquares[j] += v * v;
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
        }

        private double[] summary() {
            double[] out = new double[dimension * order.size()];
            int k = 0;
            for (int j = 0; j < dimension; j++) {
                double n = count[j];
                double mean = n > 0 ? sum[j] / n : Double.NaN;
                for (Stat stat : order) {
                    out[k++] = n == 0 ? Double.NaN : switch (stat) {
                        case MEAN -> mean;
                        case STD -> Math.sqrt(Math.max(0, sumSquares[j] / n - mean * mean));
                        case MIN -> min[j];
                        case MAX -> max[j];
                    };
                }
            }
            return out;
        }

        /** The pooling this window computes. */
        public CausalPooling pooling() {
            return pooling;
        }
    }
}
