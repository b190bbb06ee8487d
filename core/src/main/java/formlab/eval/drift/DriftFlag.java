package formlab.eval.drift;

/** How much a distribution moved, from none to significant. */
public enum DriftFlag {
    /** Same distribution as far as the tests can tell. */
    OK,
    /** A moderate or statistically significant but small change. */
    WARN,
    /** A substantial change: retrain or investigate. */
    DRIFT
}
