package formlab.dataset;

import formlab.dataset.DatasetDescription.Annotation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Attaches annotation files to recordings: a row per recording (label, count, boundary pairs) or a
 * row per repetition (start, end, quality). An annotation's groups (from its file pattern and, for
 * rows per recording, from the recording column's pattern) must equal the recording's groups of the
 * same name; {@code where} narrows the recordings further. Rows that find no recording become notes.
 */
final class AnnotationReader {

    private final KeyLocations keys;
    private final List<String> notes;

    AnnotationReader(KeyLocations keys, List<String> notes) {
        this.keys = keys;
        this.notes = notes;
    }

    /** Reads annotation {@code file} (matched by annotation {@code index} with {@code fileGroups}) onto {@code recordings}. */
    void read(int index, Annotation annotation, Path file, Map<String, String> fileGroups, List<Recording> recordings)
            throws IOException {
        String key = "labels.annotations[" + index + "]";
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new RecordingException(file, 0, 0, "the annotation file is empty (" + keys.cite(key + ".file") + ")");
        }
        char separator = annotation.separatorChar();
        String[] header = DelimitedText.split(DelimitedText.stripBom(lines.get(0)), separator);
        List<Recording> candidates = recordings.stream()
                .filter(r -> joins(r.groups, fileGroups) && matches(r.groups, annotation.where())).toList();
        if (annotation.rows().equals("recording")) {
            perRecording(key, annotation, file, lines, header, fileGroups, candidates);
        } else {
            perRepetition(key, annotation, file, lines, header, candidates);
        }
    }

    private void perRecording(String key, Annotation annotation, Path file, List<String> lines, String[] header,
            Map<String, String> fileGroups, List<Recording> candidates) {
        int recordingColumn = column(file, header, annotation.recordingColumn(), key + ".recordingColumn");
        int labelColumn = annotation.labelColumn() == null ? -1 : column(file, header, annotation.labelColumn(), key + ".labelColumn");
        int countColumn = annotation.countColumn() == null ? -1 : column(file, header, annotation.countColumn(), key + ".countColumn");
        List<Integer> boundaries = new ArrayList<>();
        if (annotation.boundaryPrefix() != null) {
            Pattern numbered = Pattern.compile(Pattern.quote(annotation.boundaryPrefix()) + "\\d+");
            for (int i = 0; i < header.length; i++) {
                if (numbered.matcher(header[i].strip()).matches()) {
                    boundaries.add(i);
                }
            }
            if (boundaries.isEmpty()) {
                throw new RecordingException(file, 1, 0, "no column named " + annotation.boundaryPrefix() + "1, "
                        + annotation.boundaryPrefix() + "2, ... (" + keys.cite(key + ".boundaryPrefix") + ")");
            }
        }
        PathPattern pattern = PathPattern.compile(annotation.recordingPattern());
        List<String> unmatched = new ArrayList<>();
        for (int lineIndex = 1; lineIndex < lines.size(); lineIndex++) {
            if (lines.get(lineIndex).isBlank()) {
                continue;
            }
            int lineNumber = lineIndex + 1;
            String[] cells = cells(file, lines.get(lineIndex), annotation.separatorChar(), header.length, lineNumber);
            String name = cells[recordingColumn].strip();
            Optional<Map<String, String>> rowGroups = pattern.match(name);
            if (rowGroups.isEmpty()) {
                throw new RecordingException(file, lineNumber, recordingColumn + 1, "'" + name + "' does not match the pattern "
                        + annotation.recordingPattern() + " (" + keys.cite(key + ".recordingPattern") + ")");
            }
            Map<String, String> groups = new LinkedHashMap<>(fileGroups);
            groups.putAll(rowGroups.get());
            List<Recording> targets = candidates.stream().filter(r -> joins(r.groups, groups)).toList();
            if (targets.isEmpty()) {
                unmatched.add(name);
                continue;
            }
            for (Recording recording : targets) {
                if (labelColumn >= 0) {
                    recording.annotatedLabel = cells[labelColumn].strip();
                }
                if (countColumn >= 0) {
                    recording.count = integer(file, lineNumber, countColumn, cells[countColumn]);
                }
                List<Double> values = new ArrayList<>();
                for (int column : boundaries) {
                    if (!cells[column].isBlank()) {
                        values.add(number(file, lineNumber, column, cells[column]));
                    }
                }
                if (values.size() % 2 != 0) {
                    throw new RecordingException(file, lineNumber, 0, values.size() + " boundary values are no list of"
                            + " start, end pairs (" + keys.cite(key + ".boundaryPrefix") + ")");
                }
                for (int i = 0; i < values.size(); i += 2) {
                    recording.repetitions.add(new double[] {values.get(i), values.get(i + 1)});
                }
            }
        }
        if (!unmatched.isEmpty()) {
            notes.add(file + ": " + unmatched.size() + " rows name no recording found (e.g. " + unmatched.get(0) + ")");
        }
    }

    private void perRepetition(String key, Annotation annotation, Path file, List<String> lines, String[] header,
            List<Recording> candidates) {
        int start = column(file, header, annotation.startColumn(), key + ".startColumn");
        int end = column(file, header, annotation.endColumn(), key + ".endColumn");
        int quality = annotation.qualityColumn() == null ? -1 : column(file, header, annotation.qualityColumn(), key + ".qualityColumn");
        if (candidates.isEmpty()) {
            notes.add(file + ": applies to no recording found");
            return;
        }
        for (int lineIndex = 1; lineIndex < lines.size(); lineIndex++) {
            if (lines.get(lineIndex).isBlank()) {
                continue;
            }
            int lineNumber = lineIndex + 1;
            String[] cells = cells(file, lines.get(lineIndex), annotation.separatorChar(), header.length, lineNumber);
            double from = number(file, lineNumber, start, cells[start]);
            double to = number(file, lineNumber, end, cells[end]);
            if (to < from) {
                throw new RecordingException(file, lineNumber, end + 1, "the repetition ends (" + cells[end].strip()
                        + ") before it starts (" + cells[start].strip() + ")");
            }
            String qualityName = null;
            if (quality >= 0) {
                String raw = cells[quality].strip();
                qualityName = annotation.qualities().isEmpty() ? raw : annotation.qualities().get(raw);
                if (qualityName == null) {
                    throw new RecordingException(file, lineNumber, quality + 1, "quality '" + raw + "' is not among "
                            + annotation.qualities().keySet() + " (" + keys.cite(key + ".qualities") + ")");
                }
            }
            for (Recording recording : candidates) {
                recording.repetitions.add(new double[] {from, to});
                if (qualityName != null) {
                    recording.qualities.add(qualityName);
                }
            }
        }
    }

    private String[] cells(Path file, String line, char separator, int width, int lineNumber) {
        String[] cells = DelimitedText.split(line, separator);
        if (cells.length < width) {
            throw new RecordingException(file, lineNumber, 0, "expected " + width + " cells as in the header, found " + cells.length);
        }
        return cells;
    }

    private int column(Path file, String[] header, String name, String key) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        String shown = String.join(", ", header);
        throw new RecordingException(file, 1, 0, "no column '" + name + "' (" + keys.cite(key) + "); the header has: "
                + (shown.length() > 200 ? shown.substring(0, 200) + " ..." : shown));
    }

    private static double number(Path file, int line, int column, String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new RecordingException(file, line, column + 1, "'" + cell + "' is not a number");
        }
    }

    private static int integer(Path file, int line, int column, String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new RecordingException(file, line, column + 1, "'" + cell + "' is not a whole number");
        }
    }

    /** True when every group of {@code other} that the recording also has holds the same value. */
    static boolean joins(Map<String, String> recording, Map<String, String> other) {
        return other.entrySet().stream().allMatch(e -> !recording.containsKey(e.getKey())
                || recording.get(e.getKey()).equals(e.getValue()));
    }

    /** True when every condition's group value matches its regular expression entirely. */
    static boolean matches(Map<String, String> groups, Map<String, String> where) {
        return where.entrySet().stream().allMatch(e -> groups.containsKey(e.getKey())
                && groups.get(e.getKey()).matches(e.getValue()));
    }
}
