package formlab.data;

import java.nio.file.Path;

/**
 * A data file that cannot be used as it stands. The message names the file, the line and column
 * (1-based; 0 when the problem concerns a whole line or file) and what was expected, so a person
 * can open the file and find the spot. Each data format has its own subclass with the list of
 * rules it checks.
 */
public abstract class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /**
     * @param file   the offending file
     * @param line   1-based line, or 0 when the problem concerns the whole file
     * @param column 1-based column, or 0 when the problem concerns a whole line or file
     * @param detail what was found and what was expected
     * @param cause  the underlying error, or {@code null}
     */
    protected DataFileException(Path file, int line, int column, String detail, Throwable cause) {
        super(location(file, line, column) + ": " + detail, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** "file, line L, column C", leaving out the parts that are 0. */
    public static String location(Path file, int line, int column) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        return where.toString();
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when it concerns a whole line or file. */
    public int column() {
        return column;
    }
}
