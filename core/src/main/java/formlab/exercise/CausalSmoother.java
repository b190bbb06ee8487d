package formlab.exercise;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Smooths window probabilities over time using only the past: the mean of the last {@code size}
 * probability vectors. What a live tracker shows, and what batch scoring reproduces window by
 * window. {@link #reset()} forgets the past (after rest or a gap in the stream).
 */
public final class CausalSmoother {

    private final int size;
    private final Deque<double[]> recent = new ArrayDeque<>();

    /** @param size number of recent windows averaged (1 = no smoothing) */
    public CausalSmoother(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("smoothing needs at least one window, got " + size);
        }
        this.size = size;
    }

    /** Adds a window's probabilities and returns the mean over the recent windows (a new array). */
    public double[] add(double[] probabilities) {
        recent.addLast(probabilities.clone());
        if (recent.size() > size) {
            recent.removeFirst();
        }
        return current();
    }

    /** Mean of the recent windows; empty array when there are none. */
    public double[] current() {
        if (recent.isEmpty()) {
            return new double[0];
        }
        double[] mean = new double[recent.peekFirst().length];
        for (double[] p : recent) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += p[c];
            }
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= recent.size();
        }
        return mean;
    }

    /** Forgets every window. */
    public void reset() {
        recent.clear();
    }

    /** Windows averaged. */
    public int size() {
        return size;
    }
}
