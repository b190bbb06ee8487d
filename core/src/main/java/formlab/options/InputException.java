package formlab.options;

/**
 * The command line was understood but the data it names cannot be used (a description that does not
 * fit its files, a file that cannot be read as its format says); the message says what and where.
 * Exits like a usage error, without the usage text, which would bury the message.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the data
     * @param cause   the underlying error, or {@code null}
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
