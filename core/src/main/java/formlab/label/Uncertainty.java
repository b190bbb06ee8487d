package formlab.label;

/**
 * How unsure a model is about one item, from its class probabilities; higher means more unsure,
 * each measure lies in [0, 1].
 */
public enum Uncertainty {
    /** 1 minus the top probability. */
    LEAST_CONFIDENCE,
    /** 1 minus (top probability minus second probability): a near tie between two classes. */
    MARGIN,
    /** Shannon entropy of the probabilities divided by ln(number of classes). */
    ENTROPY;

    /** The uncertainty of probabilities {@code p} (any order, summing to about 1). */
    public double score(double[] p) {
        if (p.length == 0) {
            throw new IllegalArgumentException("No probabilities");
        }
        double first = 0;
        double second = 0;
        double entropy = 0;
        for (double v : p) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
            if (v > 0) {
                entropy -= v * Math.log(v);
            }
        }
        return switch (this) {
            case LEAST_CONFIDENCE -> 1 - first;
            case MARGIN -> 1 - (first - second);
            case ENTROPY -> p.length < 2 ? 0 : entropy / Math.log(p.length);
        };
    }

    /** Lower-case name with dashes, e.g. {@code least-confidence}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
