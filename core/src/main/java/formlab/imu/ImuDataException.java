package formlab.imu;

import formlab.data.DataFileException;
import java.nio.file.Path;

/**
 * A recording that cannot be read as it stands. The message names the file, the line and column
 * (1-based, when the problem is inside the file) and what was expected; {@link #problem()} says
 * which rule was broken so that callers and tests can react without parsing the message.
 */
public class ImuDataException extends DataFileException {

    private static final long serialVersionUID = 1L;

    /** Which rule a file broke. */
    public enum Problem {
        /** The file (or dataset folder) does not exist. */
        MISSING_FILE,
        /** The file could not be read (permissions, I/O error). */
        UNREADABLE_FILE,
        /** The file name does not follow the MetaWear naming scheme. */
        BAD_FILE_NAME,
        /** The file has no header or no data rows. */
        EMPTY_FILE,
        /** The header differs from the one expected for the sensor. */
        BAD_HEADER,
        /** A row has the wrong number of columns. */
        WRONG_COLUMN_COUNT,
        /** A cell that must hold a number does not. */
        NOT_A_NUMBER,
        /** A cell holds NaN or an infinity. */
        NON_FINITE_VALUE,
        /** The set is shorter than one window, so nothing can be classified. */
        SET_TOO_SHORT,
        /** A sensor value beyond what the sensor can measure (its full-scale range). */
        OUT_OF_RANGE,
        /** A timestamp is not later than the one before it. */
        TIME_NOT_INCREASING,
        /** Two samples are further apart than the reader accepts. */
        GAP_TOO_LONG,
        /** The measured sample rate is far from the rate in the file name. */
        RATE_MISMATCH,
        /** An accelerometer file without gyroscope file or the other way round. */
        UNPAIRED_SENSOR,
        /** Two files given as a pair belong to different sets or are the same sensor. */
        MISMATCHED_PAIR,
        /** Two files of the same sensor claim the same set. */
        DUPLICATE_FILE
    }

    private final Problem problem;

    /**
     * @param problem which rule was broken
     * @param file    the offending file
     * @param line    1-based line, or 0 when not about one line
     * @param column  1-based column, or 0 when not about one column
     * @param detail  what was found and what was expected
     */
    public ImuDataException(Problem problem, Path file, int line, int column, String detail) {
        super(file, line, column, detail, null);
        this.problem = problem;
    }

    /** A problem about a whole file. */
    public ImuDataException(Problem problem, Path file, String detail) {
        this(problem, file, 0, 0, detail);
    }

    /** Wraps an I/O error while reading {@code file}. */
    public ImuDataException(Path file, Throwable cause) {
        super(file, 0, 0, "cannot read file: " + cause, cause);
        this.problem = Problem.UNREADABLE_FILE;
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }
}
