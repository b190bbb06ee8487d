package formlab.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read: wrong format, corrupt, truncated, or holding classes that are not allowed. */
public class ModelFileException extends IOException {

    private final transient Path file;

    /** {@code file}: the model file; {@code message}: what was wrong and what was expected. */
    public ModelFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** Same, with the underlying cause. */
    public ModelFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
