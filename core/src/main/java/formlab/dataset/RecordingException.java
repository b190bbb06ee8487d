package formlab.dataset;

import formlab.data.DataFileException;
import java.nio.file.Path;

/**
 * A recording or annotation file that does not fit its dataset description: a column the description
 * names is missing, a cell is not a number, the timestamps go backwards, a boundary lies outside the
 * recording. The message names the data file, line and column, and the description key involved.
 */
public final class RecordingException extends DataFileException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file   the recording or annotation file
     * @param line   1-based line, 0 for the whole file
     * @param column 1-based column, 0 for a whole line
     * @param detail what was found, what was expected, and the description key that asked for it
     */
    public RecordingException(Path file, int line, int column, String detail) {
        super(file, line, column, detail, null);
    }
}
