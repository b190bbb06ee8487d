package formlab.options;

/** The command line was not understood; the message says what was wrong. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the arguments */
    public UsageException(String message) {
        super(message);
    }
}
