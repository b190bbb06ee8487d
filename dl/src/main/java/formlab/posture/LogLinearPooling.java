package formlab.posture;

import java.util.List;
import java.util.Locale;

/**
 * Two classifiers' class probabilities combined by weighted log-linear pooling ("calibrated
 * averaging" in log space): {@code p(c) ~ pA(c)^a * pB(c)^b}, renormalised. Each weight is a
 * temperature of its model and the pair its share of the vote, so a sure but badly calibrated model
 * (a random forest's vote shares are too flat, a CNN's softmax often too sharp) is tempered before
 * the two are multiplied. Two learned numbers, fitted by {@link #fit} on held-out probabilities.
 *
 * <p>Probabilities below {@value #FLOOR} are raised to it first: a forest gives 0 to classes no tree
 * voted for, and one such zero would veto a class outright, however sure the other model is.
 *
 * @param weightA exponent of the first model's probabilities, {@code >= 0}
 * @param weightB exponent of the second model's probabilities, {@code >= 0}
 */
public record LogLinearPooling(double weightA, double weightB) {

    /** The smallest probability taken from either model. */
    public static final double FLOOR = 1e-3;

    /** Weights tried by {@link #fit}, for each model: 0 to 3 in steps of 0.1. */
    public static final double[] GRID = java.util.stream.IntStream.rangeClosed(0, 30).mapToDouble(i -> i / 10.0).toArray();

    /** Both models with weight 1: the plain product of their probabilities, nothing learned. */
    public static final LogLinearPooling PRODUCT = new LogLinearPooling(1, 1);

    public LogLinearPooling {
        if (!(weightA >= 0) || !(weightB >= 0) || weightA + weightB == 0) {
            throw new IllegalArgumentException("weights must be >= 0 and not both 0, got " + weightA + ", " + weightB);
        }
    }

    /** The pooled probabilities of one example; both arrays are over the same classes in the same order. */
    public double[] combine(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " probabilities from the first model, " + b.length + " from the second");
        }
        double[] log = new double[a.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < a.length; c++) {
            log[c] = weightA * Math.log(Math.max(FLOOR, a[c])) + weightB * Math.log(Math.max(FLOOR, b[c]));
            max = Math.max(max, log[c]);
        }
        double sum = 0;
        for (int c = 0; c < log.length; c++) {
            log[c] = Math.exp(log[c] - max);
            sum += log[c];
        }
        for (int c = 0; c < log.length; c++) {
            log[c] /= sum;
        }
        return log;
    }

    /**
     * The weights of {@link #GRID} x {@link #GRID} with the lowest mean log-loss (cross-entropy) of
     * the pooled probabilities on the given examples; ties go to the smaller weights (fewer, softer
     * votes). Meant for a validation split: the test split must never be used here.
     *
     * @param a     first model's probabilities, one row per example
     * @param b     second model's probabilities, same examples and class order
     * @param truth index of the true class of each example
     */
    public static LogLinearPooling fit(double[][] a, double[][] b, int[] truth) {
        if (a.length != b.length || a.length != truth.length) {
            throw new IllegalArgumentException("need the same examples from both models: " + a.length + ", " + b.length + ", "
                    + truth.length + " rows");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no examples to fit the pooling weights on");
        }
        LogLinearPooling best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double wa : GRID) {
            for (double wb : GRID) {
                if (wa + wb == 0) {
                    continue;
                }
                LogLinearPooling candidate = new LogLinearPooling(wa, wb);
                double loss = candidate.logLoss(a, b, truth);
                if (loss < bestLoss - 1e-12) {
                    bestLoss = loss;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Mean negative log-probability of the true classes under this pooling. */
    public double logLoss(double[][] a, double[][] b, int[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(1e-15, combine(a[i], b[i])[truth[i]]));
        }
        return sum / truth.length;
    }

    /** Rows of {@code probabilities} (over {@code from}) re-ordered to the classes {@code to}. */
    static double[] reorder(double[] probabilities, List<String> from, List<String> to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("the models know different classes: " + from + " vs " + to);
        }
        double[] out = new double[to.size()];
        for (int c = 0; c < to.size(); c++) {
            int at = from.indexOf(to.get(c));
            if (at < 0) {
                throw new IllegalArgumentException("class '" + to.get(c) + "' is not among " + from);
            }
            out[c] = probabilities[at];
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p ~ pA^%.1f x pB^%.1f", weightA, weightB);
    }
}
