package formlab.deploy.sensor;

/**
 * A sensor that could not deliver a sample. The runtime treats every such failure as transient:
 * it logs it, reports it on the status output and retries with exponential backoff.
 */
public class SensorException extends Exception {

    /** What went wrong. */
    public enum Kind {
        /** The bus transfer failed or returned fewer bytes than asked for. */
        READ_FAILED,
        /** A configuration write failed. */
        WRITE_FAILED,
        /** The device at the address is not the expected chip. */
        WRONG_DEVICE,
        /** The readings stopped changing: the sensor is frozen, asleep or disconnected. */
        STALLED
    }

    private final Kind kind;

    /**
     * @param kind    what went wrong
     * @param message what happened, naming bus, address and register where known
     * @param cause   the underlying error, or null
     */
    public SensorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @see #SensorException(Kind, String, Throwable) */
    public SensorException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
