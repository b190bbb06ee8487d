package formlab.eval.validation;

/**
 * One result of a validation check.
 *
 * @param check    which check, e.g. "missing values"
 * @param subject  what it looked at: a column, a file, a group, a class
 * @param severity pass, warn or fail
 * @param message  what was found, with the numbers
 */
public record Finding(String check, String subject, Severity severity, String message) {

    /** A passing finding. */
    public static Finding pass(String check, String subject, String message) {
        return new Finding(check, subject, Severity.PASS, message);
    }

    /** A warning. */
    public static Finding warn(String check, String subject, String message) {
        return new Finding(check, subject, Severity.WARN, message);
    }

    /** A failure. */
    public static Finding fail(String check, String subject, String message) {
        return new Finding(check, subject, Severity.FAIL, message);
    }
}
