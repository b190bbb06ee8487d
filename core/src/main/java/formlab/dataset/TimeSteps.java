package formlab.dataset;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The timestamps of one file as they are read: they must not go backwards; the median step gives
 * the actual rate, repeated timestamps are counted.
 */
final class TimeSteps {

    private final Path file;
    private final int column;
    private final double unitSeconds;
    private final KeyLocations keys;
    private double[] steps = new double[1024];
    private int count;
    private double first = Double.NaN;
    private double last = Double.NaN;
    private int lastLine;
    private int repeated;

    TimeSteps(Path file, int column, double unitSeconds, KeyLocations keys) {
        this.file = file;
        this.column = column;
        this.unitSeconds = unitSeconds;
        this.keys = keys;
    }

    void add(String cell, char decimal, int line) {
        String text = decimal == '.' ? cell : cell.replace(decimal, '.');
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RecordingException(file, line, column + 1, "timestamp '" + cell + "' is not a number ("
                    + keys.cite("time") + ")");
        }
        if (!Double.isFinite(value)) {
            throw new RecordingException(file, line, column + 1, "timestamp '" + cell + "' is not finite");
        }
        if (Double.isNaN(first)) {
            first = value;
        } else {
            if (value < last) {
                throw new RecordingException(file, line, column + 1, "timestamp " + cell + " is earlier than "
                        + format(last) + " on line " + lastLine + ": the time column is not monotonic (" + keys.cite("time") + ")");
            }
            if (value == last) {
                repeated++;
            }
            if (count == steps.length) {
                steps = Arrays.copyOf(steps, count * 2);
            }
            steps[count++] = value - last;
        }
        last = value;
        lastLine = line;
    }

    /** The median step in seconds, NaN with fewer than two timestamps. */
    double medianStep() {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(steps, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        return median * unitSeconds;
    }

    /** Last minus first timestamp plus one median step, in seconds. */
    double seconds() {
        if (Double.isNaN(first)) {
            return Double.NaN;
        }
        double step = medianStep();
        return (last - first) * unitSeconds + (Double.isNaN(step) ? 0 : step);
    }

    int repeated() {
        return repeated;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
