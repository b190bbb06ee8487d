package formlab.pose.io;

import formlab.data.DataFileException;
import java.nio.file.Path;

/**
 * A landmark file that cannot be read as it stands. The message names the file, the line and
 * column (1-based, with the column's header name when there is one) and what was expected;
 * {@link #problem()} says which rule was broken so callers and tests can react without parsing
 * the message.
 */
public class LandmarkFormatException extends DataFileException {

    private static final long serialVersionUID = 1L;

    /** Which rule a file or row broke. */
    public enum Problem {
        /** The file does not exist or is not a regular file. */
        MISSING_FILE,
        /** The file could not be read (permissions, I/O error). */
        UNREADABLE_FILE,
        /** The file holds no header or no data rows. */
        EMPTY_FILE,
        /** The header is not the one the layout needs. */
        BAD_HEADER,
        /** A row has the wrong number of columns. */
        WRONG_COLUMN_COUNT,
        /** A cell that must hold a number does not. */
        NOT_A_NUMBER,
        /** A cell holds NaN or an infinity. */
        NON_FINITE_VALUE,
        /** A number is outside its allowed range (visibility outside 0..1). */
        OUT_OF_RANGE,
        /** A label cell is empty. */
        MISSING_LABEL,
        /** The label in a row disagrees with the label the file's folder gives. */
        LABEL_MISMATCH,
        /** A label is not one of the dataset's classes. */
        UNKNOWN_LABEL,
        /** JSON landmarks that are not valid JSON, or not shaped as the layout needs. */
        MALFORMED_JSON
    }

    private final Problem problem;

    /**
     * @param problem which rule was broken
     * @param file    the offending file
     * @param line    1-based line, or 0 when the problem concerns the whole file
     * @param column  1-based column, or 0 when the problem concerns a whole line or file
     * @param detail  what was found and what was expected
     */
    public LandmarkFormatException(Problem problem, Path file, int line, int column, String detail) {
        super(file, line, column, detail, null);
        this.problem = problem;
    }

    /** Wraps an I/O error while reading {@code file}. */
    public LandmarkFormatException(Path file, Throwable cause) {
        super(file, 0, 0, "cannot read file: " + cause, cause);
        this.problem = Problem.UNREADABLE_FILE;
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }
}
