package formlab.dataset;

import formlab.data.DataFileException;
import java.nio.file.Path;

/**
 * A dataset description that cannot be used: bad JSON, an unknown or missing key, an unknown unit
 * or format, a pattern that does not compile or matches nothing, a column the recordings lack. The
 * message names the description file, the line and column of the key, and the key itself
 * (e.g. {@code channels[2].unit}).
 */
public final class DescriptionException extends DataFileException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param file   the description file (or resource)
     * @param line   1-based line of the key, 0 when unknown
     * @param column 1-based column of the key, 0 when unknown
     * @param key    the key in dotted form, e.g. {@code labels.path}; empty for the whole file
     * @param detail what was found and what was expected
     * @param cause  the underlying error, or {@code null}
     */
    public DescriptionException(Path file, int line, int column, String key, String detail, Throwable cause) {
        super(file, line, column, (key.isEmpty() ? "" : "key '" + key + "': ") + detail, cause);
        this.key = key;
    }

    /** The offending key in dotted form ({@code channels[2].unit}); empty when the problem is the whole file. */
    public String key() {
        return key;
    }
}
