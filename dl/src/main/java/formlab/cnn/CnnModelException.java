package formlab.cnn;

import java.nio.file.Path;

/**
 * A saved CNN that cannot be loaded: missing or damaged card or parameters, or parameters that
 * do not match the card. The message names the folder or file and what was expected.
 */
public class CnnModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path location;

    /**
     * @param location the model folder or file concerned
     * @param detail   what was found and what was expected
     */
    public CnnModelException(Path location, String detail) {
        this(location, detail, null);
    }

    /** As {@link #CnnModelException(Path, String)}, keeping the underlying error. */
    public CnnModelException(Path location, String detail, Throwable cause) {
        super(location + ": " + detail, cause);
        this.location = location;
    }

    /** The model folder or file concerned. */
    public Path location() {
        return location;
    }
}
