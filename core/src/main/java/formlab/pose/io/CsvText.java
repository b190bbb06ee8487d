package formlab.pose.io;

import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plain comma-separated text of landmark files: no quoting (landmark files hold numbers and
 * simple labels; a quoted cell shows up as a non-numeric value), optional UTF-8 byte-order mark,
 * LF or CRLF line ends, blank lines ignored. Cells are parsed strictly: Java's
 * {@code Double.parseDouble} also accepts "1f", "0x1p3" and surrounding spaces, which no landmark
 * writer produces, so those are rejected as non-numeric.
 */
final class CsvText {

    /** One non-blank line with its 1-based line number and its cells. */
    record Line(int number, String[] cells) {
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private CsvText() {
    }

    /** Reads every non-blank line of {@code file}; fails with MISSING_FILE, UNREADABLE_FILE or EMPTY_FILE. */
    static List<Line> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LandmarkFormatException(Problem.MISSING_FILE, file, 0, 0, "no such file");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    lines.add(new Line(number, text.split(",", -1)));
                }
            }
        } catch (IOException e) {
            throw new LandmarkFormatException(file, e);
        }
        if (lines.isEmpty()) {
            throw new LandmarkFormatException(Problem.EMPTY_FILE, file, 0, 0, "the file is empty");
        }
        return lines;
    }

    /**
     * Parses cell {@code index} (0-based) of {@code line} as a finite number.
     *
     * @param what description of the column for messages, e.g. {@code "left_hip_x"}
     */
    static double number(Path file, Line line, int index, String what) {
        String cell = line.cells()[index];
        String trimmed = cell.strip();
        if (NON_FINITE.matcher(trimmed).matches()) {
            throw new LandmarkFormatException(Problem.NON_FINITE_VALUE, file, line.number(), index + 1,
                    "expected a finite number for " + what + ", found '" + cell + "'");
        }
        if (trimmed.isEmpty() || !NUMBER.matcher(trimmed).matches()) {
            throw new LandmarkFormatException(Problem.NOT_A_NUMBER, file, line.number(), index + 1,
                    "expected a number for " + what + ", found '" + cell + "'");
        }
        double value = Double.parseDouble(trimmed);
        if (!Double.isFinite(value)) {
            throw new LandmarkFormatException(Problem.NON_FINITE_VALUE, file, line.number(), index + 1,
                    "expected a finite number for " + what + ", found '" + cell + "' (overflows a double)");
        }
        return value;
    }

    /** Parses a visibility cell: a finite number in 0..1. */
    static double visibility(Path file, Line line, int index, String what) {
        double value = number(file, line, index, what);
        if (value < 0 || value > 1) {
            throw new LandmarkFormatException(Problem.OUT_OF_RANGE, file, line.number(), index + 1,
                    "expected a visibility between 0 and 1 for " + what + ", found " + value);
        }
        return value;
    }

    /** Parses a label cell: non-empty after trimming. */
    static String label(Path file, Line line, int index) {
        String label = line.cells()[index].strip();
        if (label.isEmpty()) {
            throw new LandmarkFormatException(Problem.MISSING_LABEL, file, line.number(), index + 1,
                    "expected a class label, found an empty cell");
        }
        return label;
    }

    /** Fails with WRONG_COLUMN_COUNT unless {@code line} has {@code expected} cells. */
    static void requireColumns(Path file, Line line, int expected, String layout) {
        if (line.cells().length != expected) {
            throw new LandmarkFormatException(Problem.WRONG_COLUMN_COUNT, file, line.number(), 0,
                    "expected " + expected + " columns (" + layout + "), found " + line.cells().length);
        }
    }
}
