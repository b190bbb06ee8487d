package formlab.eval.drift;

/**
 * When a distribution change is flagged. PSI bands follow common practice (below 0.1 stable,
 * 0.1 to 0.25 moderate, above 0.25 significant). The Kolmogorov-Smirnov test alone flags tiny,
 * harmless shifts once samples are large, so it only raises DRIFT together with an effect size
 * (KS distance at least {@code ksMinDistance}).
 *
 * @param psiWarn       PSI at which to warn
 * @param psiDrift      PSI at which to flag drift
 * @param ksAlpha       KS p-value below which the difference is significant
 * @param ksMinDistance KS distance D needed, with significance, to flag drift
 */
public record DriftThresholds(double psiWarn, double psiDrift, double ksAlpha, double ksMinDistance) {

    /** PSI 0.1 / 0.25, KS p &lt; 0.001 with D &ge; 0.15. */
    public static DriftThresholds defaults() {
        return new DriftThresholds(0.1, 0.25, 0.001, 0.15);
    }

    /**
     * For windows of a stream (tens of rows, strongly correlated because consecutive feature
     * windows overlap): PSI 0.5 / 1.0, KS p &lt; 1e-6 with D &ge; 0.4. The large-sample rules of
     * {@link #defaults()} alarm on such windows even without any drift. Measured in notebook 4.3
     * (six time-domain features, 5 quantile bins, windows of 90 rows, shuffled replay): windows of
     * held-out sets of the reference participants reach a largest PSI of 0.27-0.47 on the real
     * barbell recordings (0.12-0.38 on the simulated ones), windows of a participant outside the
     * reference 5.1 (real) and 0.63-1.84 (simulated).
     */
    public static DriftThresholds forStreamWindows() {
        return new DriftThresholds(0.5, 1.0, 1e-6, 0.4);
    }

    /** The flag for a PSI and (possibly NaN) KS distance and p-value. */
    public DriftFlag flag(double psi, double ksDistance, double ksPValue) {
        boolean significant = !Double.isNaN(ksPValue) && ksPValue < ksAlpha;
        if (psi >= psiDrift || (significant && ksDistance >= ksMinDistance)) {
            return DriftFlag.DRIFT;
        }
        if (psi >= psiWarn || significant) {
            return DriftFlag.WARN;
        }
        return DriftFlag.OK;
    }
}
