package formlab.dataset;

import formlab.dataset.DatasetDescription.Channel;
import formlab.dataset.DatasetDescription.Landmarks;
import formlab.dataset.DatasetDescription.Recordings;
import formlab.dataset.DatasetDescription.Time;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one recording file as its description says and summarises it ({@link FileSummary}): every
 * column the description names must exist, every value cell must be a number (or a declared missing
 * value), timestamps must not go backwards. A violation is a {@link RecordingException} naming the
 * file, line and column and the description key that asked for it.
 */
final class RecordingScanner {

    private final DatasetDescription description;
    private final KeyLocations keys;

    RecordingScanner(DatasetDescription description, KeyLocations keys) {
        this.description = description;
        this.keys = keys;
    }

    /** Summarises {@code file}, whose part (value of the part group) is {@code part} or null. */
    FileSummary scan(Path file, String part) throws IOException {
        return switch (description.recordings().format()) {
            case "npy" -> npy(file);
            case "image" -> image(file);
            default -> delimited(file, part);
        };
    }

    private FileSummary npy(Path file) throws IOException {
        NpyHeader header = NpyHeader.read(file);
        if (header.shape().length != 2) {
            throw new RecordingException(file, 0, 0, "expected a 2-dimensional array (rows x values), got shape "
                    + Arrays.toString(header.shape()));
        }
        Integer columns = description.recordings().columns();
        if (columns != null && header.shape()[1] != columns) {
            throw new RecordingException(file, 0, 0, "the array has " + header.shape()[1] + " values per row, the description ("
                    + keys.cite("recordings.columns") + ") says " + columns);
        }
        int rows = (int) header.shape()[0];
        return new FileSummary(rows, (int) header.shape()[1], fixedRateSeconds(rows), Double.NaN, 0, Map.of(), 0, null, 0);
    }

    private FileSummary image(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        }
        return new FileSummary(1, 0, Double.NaN, Double.NaN, 0, Map.of(), 0, ImageContent.sniff(head), 0);
    }

    private double fixedRateSeconds(int rows) {
        Time time = description.time();
        return time != null && time.rate() != null ? rows / time.rate() : Double.NaN;
    }

    private FileSummary delimited(Path file, String part) throws IOException {
        Recordings recordings = description.recordings();
        char separator = recordings.separatorChar();
        char decimal = recordings.decimalMark() == null ? '.' : recordings.decimalMark().charAt(0);
        Set<String> missing = Set.copyOf(recordings.missing());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new RecordingException(file, 0, 0, "the file is empty");
            }
            first = DelimitedText.stripBom(first);
            String[] header = recordings.hasHeader() ? DelimitedText.split(first, separator) : null;
            Columns columns = columns(file, header, part);
            int width = header != null ? header.length : recordings.columns() != null ? recordings.columns() : -1;
            TimeSteps time = new TimeSteps(file, columns.time, timeUnitSeconds(), keys);
            Map<String, Integer> classRows = new LinkedHashMap<>();
            String previousClass = null;
            int segments = 0;
            int rows = 0;
            int missingRows = 0;
            int[] bounds = new int[64];
            int lineNumber = header == null ? 0 : 1;
            String line = header == null ? first : reader.readLine();
            while (line != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    CellBounds cells = CellBounds.of(line, separator, bounds);
                    bounds = cells.ends;
                    if (width < 0) {
                        width = cells.count;
                    }
                    if (cells.count != width) {
                        throw new RecordingException(file, lineNumber, 0, "expected " + width + " cells ("
                                + (header != null ? "as in the header" : keys.cite("recordings.columns")) + "), found " + cells.count);
                    }
                    for (int column : columns.numeric) {
                        if (!cells.isNumber(line, column, decimal) && !missing.contains(cells.cell(line, column))) {
                            String cell = cells.cell(line, column);
                            throw new RecordingException(file, lineNumber, column + 1, "'" + cell + "' is not a number"
                                    + (header != null ? " (column '" + header[column] + "')" : "")
                                    + (missing.isEmpty() ? "" : "; missing values are " + missing));
                        }
                    }
                    for (int column : columns.motion) {
                        String cell = cells.cell(line, column);
                        if (missing.contains(cell) || cell.strip().equalsIgnoreCase("nan")) {
                            missingRows++;
                            break;
                        }
                    }
                    if (columns.time >= 0) {
                        time.add(cells.cell(line, columns.time), decimal, lineNumber);
                    }
                    if (columns.label >= 0) {
                        String label = cells.cell(line, columns.label).strip();
                        classRows.merge(label, 1, Integer::sum);
                        if (!label.equals(previousClass)) {
                            segments++;
                            previousClass = label;
                        }
                    }
                    rows++;
                }
                line = reader.readLine();
            }
            if (rows == 0) {
                throw new RecordingException(file, lineNumber, 0, "the file holds no rows after its header");
            }
            double seconds = columns.time >= 0 ? time.seconds() : fixedRateSeconds(rows);
            return new FileSummary(rows, width, seconds, time.medianStep(), time.repeated(), classRows, segments, null, missingRows);
        }
    }

    /**
     * The column positions a file must have: time, channels, label, and the numeric ones; {@code motion}:
     * the acceleration and angular-velocity channels.
     */
    private record Columns(int time, int label, int[] numeric, int[] motion) {
    }

    private Columns columns(Path file, String[] header, String part) {
        List<Integer> numeric = new ArrayList<>();
        List<Integer> motion = new ArrayList<>();
        Time time = description.time();
        int timeColumn = -1;
        if (time != null && (time.column() != null || time.columnIndex() != null)) {
            timeColumn = column(file, header, time.column(), time.columnIndex(), time.column() != null ? "time.column" : "time.columnIndex");
        }
        for (int i = 0; i < description.channels().size(); i++) {
            Channel channel = description.channels().get(i);
            if (channel.part() == null || channel.part().equals(part)) {
                String key = "channels[" + i + "]." + (channel.column() != null ? "column" : "columnIndex");
                numeric.add(column(file, header, channel.column(), channel.columnIndex(), key));
                if (Channel.MOTION_QUANTITIES.contains(channel.quantity())) {
                    motion.add(numeric.getLast());
                }
            }
        }
        DatasetDescription.Labels labels = description.labels();
        int label = -1;
        if (labels.classColumn() != null || labels.classColumnIndex() != null) {
            label = column(file, header, labels.classColumn(), labels.classColumnIndex(),
                    labels.classColumn() != null ? "labels.classColumn" : "labels.classColumnIndex");
        }
        Landmarks landmarks = description.recordings().landmarks();
        if (landmarks != null) {
            numeric.addAll(LandmarkColumns.check(file, header, label, timeColumn, landmarks, description.recordings().columns(), keys));
        }
        return new Columns(timeColumn, label, numeric.stream().mapToInt(Integer::intValue).distinct().toArray(),
                motion.stream().mapToInt(Integer::intValue).toArray());
    }

    private int column(Path file, String[] header, String name, Integer index, String key) {
        if (name != null) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].strip().equals(name)) {
                    return i;
                }
            }
            throw new RecordingException(file, 1, 0, "no column '" + name + "' (" + keys.cite(key) + "); the header has: "
                    + shorten(String.join(", ", header)));
        }
        if (header != null && index >= header.length) {
            throw new RecordingException(file, 1, 0, "no column " + index + " (0-based, " + keys.cite(key)
                    + "); the header has " + header.length + " columns");
        }
        return index;
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + " ...";
    }

    private double timeUnitSeconds() {
        Time time = description.time();
        if (time == null || time.unit() == null) {
            return Double.NaN;
        }
        return switch (time.unit()) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            default -> 1.0 / time.rate();
        };
    }

    static boolean isNumber(String cell, char decimal) {
        String text = decimal == '.' ? cell : cell.replace(decimal, '.');
        if (text.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
