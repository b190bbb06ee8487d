package formlab.dataset;

import formlab.dataset.DatasetDescription.Landmarks;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The landmarks of a described recording as frames x landmarks x coordinates, in any layout a
 * description declares ({@code recordings.landmarks}: {@code indexed}, {@code blocks} or {@code named};
 * in {@code .npy} arrays or landmark CSV files). The coordinates are the declared values named
 * {@code x}, {@code y} and {@code z}, in that order, as far as declared; other values (visibility,
 * presence) are left out. Missing cells become NaN.
 */
public final class LandmarkRows {

    private static final List<String> COORDINATES = List.of("x", "y", "z");

    private LandmarkRows() {
    }

    /** The coordinate names each landmark has in {@link #read}: the declared x, y, z, in that order. */
    public static List<String> coordinates(LoadedDescription loaded) {
        Landmarks landmarks = landmarks(loaded);
        return COORDINATES.stream().filter(landmarks.values()::contains).toList();
    }

    /**
     * Reads the landmarks of {@code recording} (its one file).
     *
     * @throws RecordingException   when the file does not fit the description (naming file, line and column)
     * @throws IllegalStateException when the description declares no landmarks or no x and y, or the
     *                               recording has several files
     * @throws IOException          when the file cannot be read
     */
    public static double[][][] read(LoadedDescription loaded, Recording recording) throws IOException {
        Landmarks landmarks = landmarks(loaded);
        if (recording.files.size() > 1) {
            throw new IllegalStateException("recording " + recording.id + " has " + recording.files.size() + " files, a"
                    + " landmark recording is read from one: " + recording.files() + " (" + loaded.keys().cite("recordings.recording")
                    + " or recordings.part do not tell them apart)");
        }
        Path file = recording.files.getFirst().path();
        return switch (loaded.description().recordings().format()) {
            case "npy" -> fromNpy(loaded, file, landmarks);
            case "landmark-csv", "delimited" -> fromCsv(loaded, file, landmarks);
            default -> throw new IllegalStateException("description " + loaded.file() + ": format '"
                    + loaded.description().recordings().format() + "' holds no landmarks");
        };
    }

    private static Landmarks landmarks(LoadedDescription loaded) {
        Landmarks landmarks = loaded.description().recordings().landmarks();
        if (landmarks == null) {
            throw new IllegalStateException("description " + loaded.file() + " declares no landmarks ("
                    + loaded.keys().cite("recordings") + "): add recordings.landmarks with layout, count and values");
        }
        if (!landmarks.values().contains("x") || !landmarks.values().contains("y")) {
            throw new IllegalStateException("description " + loaded.file() + ": the landmark values "
                    + landmarks.values() + " lack x or y (" + loaded.keys().cite("recordings.landmarks.values") + ")");
        }
        return landmarks;
    }

    private static double[][][] fromNpy(LoadedDescription loaded, Path file, Landmarks landmarks) throws IOException {
        double[][] matrix = NpyMatrix.read(file);
        int needed = landmarks.count() * landmarks.values().size();
        if (matrix.length > 0 && matrix[0].length < needed) {
            throw new RecordingException(file, 0, 0, "the array has " + matrix[0].length + " values per row, "
                    + landmarks.count() + " landmarks x " + landmarks.values().size() + " values need " + needed
                    + " (" + loaded.keys().cite("recordings.landmarks") + ")");
        }
        double[][][] frames = new double[matrix.length][][];
        for (int i = 0; i < matrix.length; i++) {
            frames[i] = frame(matrix[i], 0, needed, landmarks.count(), landmarks);
        }
        return frames;
    }

    private static double[][][] fromCsv(LoadedDescription loaded, Path file, Landmarks landmarks) throws IOException {
        DatasetDescription description = loaded.description();
        char separator = description.recordings().separatorChar();
        Set<String> missing = Set.copyOf(description.recordings().missing());
        List<double[][]> frames = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new RecordingException(file, 0, 0, "the file is empty");
            }
            first = DelimitedText.stripBom(first);
            String[] header = description.recordings().hasHeader() ? DelimitedText.split(first, separator) : null;
            int label = header == null ? -1 : indexOf(header, description.labels().classColumn());
            if (label < 0 && description.labels().classColumnIndex() != null) {
                label = description.labels().classColumnIndex();
            }
            DatasetDescription.Time time = description.time();
            int timeColumn = time == null ? -1 : header != null && time.column() != null ? indexOf(header, time.column())
                    : time.columnIndex() != null ? time.columnIndex() : -1;
            List<Integer> columns = LandmarkColumns.check(file, header, label, timeColumn, landmarks,
                    description.recordings().columns(), loaded.keys());
            int count = columns.size() / landmarks.values().size();
            int lineNumber = header == null ? 0 : 1;
            String line = header == null ? first : reader.readLine();
            double[] values = new double[columns.size()];
            while (line != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    String[] cells = DelimitedText.split(line, separator);
                    for (int j = 0; j < columns.size(); j++) {
                        int column = columns.get(j);
                        if (column >= cells.length) {
                            throw new RecordingException(file, lineNumber, column + 1, "expected at least " + (column + 1)
                                    + " cells, found " + cells.length);
                        }
                        values[j] = number(file, lineNumber, column, cells[column].strip(), missing,
                                description.recordings().decimalMark());
                    }
                    frames.add(frame(values, 0, values.length, count, landmarks));
                }
                line = reader.readLine();
            }
        }
        return frames.toArray(double[][][]::new);
    }

    private static double number(Path file, int line, int column, String cell, Set<String> missing, String decimalMark) {
        if (cell.isEmpty() || missing.contains(cell)) {
            return Double.NaN;
        }
        String text = decimalMark == null || decimalMark.equals(".") ? cell : cell.replace(decimalMark.charAt(0), '.');
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RecordingException(file, line, column + 1, "'" + cell + "' is not a number"
                    + (missing.isEmpty() ? "" : "; missing values are " + missing));
        }
    }

    /** One frame: {@code count} landmarks from {@code row[from, to)} in the declared layout. */
    private static double[][] frame(double[] row, int from, int to, int count, Landmarks landmarks) {
        List<String> values = landmarks.values();
        int per = values.size();
        int[] wanted = COORDINATES.stream().filter(values::contains).mapToInt(values::indexOf).toArray();
        boolean blocks = landmarks.layout().equals("blocks");
        double[][] frame = new double[count][wanted.length];
        for (int landmark = 0; landmark < count; landmark++) {
            for (int c = 0; c < wanted.length; c++) {
                int offset = blocks ? wanted[c] * count + landmark : landmark * per + wanted[c];
                frame[landmark][c] = row[from + offset];
            }
        }
        return frame;
    }

    private static int indexOf(String[] header, String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
