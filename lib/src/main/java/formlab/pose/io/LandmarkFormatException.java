package formlab.pose.io;

import java.nio.file.Path;

/**
 * A landmark file that cannot be read as it stands. The message names the file, the line and
 * column (1-based, with the column's header name when there is one) and what was expected;
 * {@link #problem()} says which rule was broken so callers and tests can react without parsing
 * the message.
 */
public class LandmarkFormatException extends RuntimeException {

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
        LABEL_MISMATCH
    }

    private final Problem problem;
    private final Path file;
    private final int line;
    private final int column;

    /**
     * @param problem which rule was broken
     * @param file    the offending file
     * @param line    1-based line, or 0 when the problem concerns the whole file
     * @param column  1-based column, or 0 when the problem concerns a whole line or file
     * @param detail  what was found and what was expected
     */
    public LandmarkFormatException(Problem problem, Path file, int line, int column, String detail) {
        super(format(file, line, column, detail));
        this.problem = problem;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** Wraps an I/O error while reading {@code file}. */
    public LandmarkFormatException(Path file, Throwable cause) {
        super(format(file, 0, 0, "cannot read file: " + cause), cause);
        this.problem = Problem.UNREADABLE_FILE;
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    private static String format(Path file, int line, int column, String detail) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        return where + ": " + detail;
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** 1-based line, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when the problem concerns a whole line or file. */
    public int column() {
        return column;
    }
}
