package formlab.eval.validation;

/** Outcome of one validation check, ordered from best to worst. */
public enum Severity {
    /** The check found nothing wrong. */
    PASS,
    /** Worth a look; training can go on. */
    WARN,
    /** The data should not be used as it is. */
    FAIL
}
