package formlab.eval.drift;

/**
 * Drift of one feature (numeric) or one label/prediction distribution (categorical).
 *
 * @param name       feature or distribution name
 * @param kind       {@code numeric} or {@code categorical}
 * @param referenceN reference sample size
 * @param currentN   current sample size
 * @param reference  reference summary (mean for numeric, class shares for categorical)
 * @param current    current summary
 * @param psi        population stability index
 * @param ksDistance two-sample Kolmogorov-Smirnov distance D (NaN for categorical)
 * @param ksPValue   its p-value (NaN for categorical)
 * @param flag       verdict under the thresholds used
 */
public record FeatureDrift(String name, String kind, int referenceN, int currentN, String reference, String current,
                           double psi, double ksDistance, double ksPValue, DriftFlag flag) {
}
