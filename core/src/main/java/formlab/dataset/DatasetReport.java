package formlab.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@link DatasetCheck} found: files seen and taken (and why the others were not), the
 * recordings with their subjects, classes, lengths, rates and annotations, the errors of single
 * files and notes worth a look. {@link #text()} is the summary {@code formlab dataset check} prints.
 */
public final class DatasetReport {

    private final LoadedDescription loaded;
    private final Path folder;
    private final int filesSeen;
    private final int filesTaken;
    private final int annotationFiles;
    private final Map<String, List<String>> notTaken;
    private final List<Recording> recordings;
    private final List<String> errors;
    private final List<String> notes;
    private final double seconds;

    DatasetReport(LoadedDescription loaded, Path folder, int filesSeen, int filesTaken, int annotationFiles,
            Map<String, List<String>> notTaken, List<Recording> recordings, List<String> errors, List<String> notes,
            double seconds) {
        this.loaded = loaded;
        this.folder = folder;
        this.filesSeen = filesSeen;
        this.filesTaken = filesTaken;
        this.annotationFiles = annotationFiles;
        this.notTaken = notTaken;
        this.recordings = recordings;
        this.errors = errors;
        this.notes = new ArrayList<>(notes);
        this.notes.addAll(derivedNotes());
        this.seconds = seconds;
    }

    /** The recordings found. */
    public List<Recording> recordings() {
        return List.copyOf(recordings);
    }

    /** Files that do not fit the description (one message each, naming file, line and column). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Findings that are not errors: missing parts, repeated timestamps, rates off the declared one, ... */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** True when every taken file fits the description. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** Files not taken, by reason. */
    public Map<String, List<String>> notTaken() {
        return Map.copyOf(notTaken);
    }

    /** The subjects (values of the subject group), sorted; empty when the description names none. */
    public List<String> subjects() {
        return recordings.stream().map(this::subject).filter(s -> s != null).distinct().sorted(NATURAL).toList();
    }

    /** The subject of {@code recording} (value of the {@code labels.subject} group), or null when none is stated. */
    public String subjectOf(Recording recording) {
        return subject(recording);
    }

    /**
     * The class of {@code recording} (from its class path group or its annotation, with
     * {@code labels.classNames} applied), or null when it has none (for example labels per row).
     */
    public String classOf(Recording recording) {
        return label(recording);
    }

    /**
     * The classes a recording's label column ({@code classColumn}) holds, with their rows, in natural order;
     * empty without a label column.
     */
    public Map<String, Integer> columnClassesOf(Recording recording) {
        Map<String, Integer> classes = new TreeMap<>(NATURAL);
        if (columnLabels()) {
            recording.summaries.values().forEach(s -> s.classRows().forEach((c, n) -> classes.merge(className(c), n, Integer::sum)));
        }
        return classes;
    }

    /** Recordings per class (for a label column: rows per class), in natural order of the class names. */
    public Map<String, Integer> classes() {
        Map<String, Integer> classes = new TreeMap<>(NATURAL);
        for (Recording recording : recordings) {
            if (columnLabels()) {
                columnClassesOf(recording).forEach((c, n) -> classes.merge(c, n, Integer::sum));
            } else {
                String label = label(recording);
                if (label != null) {
                    classes.merge(label, 1, Integer::sum);
                }
            }
        }
        return classes;
    }

    /** The median actual rate (rows per second) of each part ("all" without parts); empty without a time base. */
    public Map<String, Double> rates() {
        Map<String, List<Double>> byPart = new TreeMap<>(NATURAL);
        for (Recording recording : recordings) {
            for (FoundFile file : recording.files) {
                FileSummary summary = recording.summaries.get(file.relative());
                if (summary == null) {
                    continue;
                }
                double rate = !Double.isNaN(summary.medianStep()) && summary.medianStep() > 0 ? 1 / summary.medianStep()
                        : declaredRate();
                if (!Double.isNaN(rate)) {
                    byPart.computeIfAbsent(file.part() == null ? "all" : file.part(), k -> new ArrayList<>()).add(rate);
                }
            }
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        byPart.forEach((part, values) -> rates.put(part, median(values)));
        return rates;
    }

    /** Seconds the check took. */
    public double seconds() {
        return seconds;
    }

    /** The summary printed by {@code formlab dataset check}. */
    public String text() {
        DatasetDescription description = loaded.description();
        StringBuilder out = new StringBuilder();
        line(out, "dataset %s%s", description.name(), description.title() == null ? "" : ": " + description.title());
        line(out, "description: %s%s", loaded.file(), loaded.builtIn() ? " (built-in)" : "");
        line(out, "folder: %s", folder);
        line(out, "files: %d seen; %d recording files, %d annotation files, %d not taken%s", filesSeen, filesTaken,
                annotationFiles, notTaken.values().stream().mapToInt(List::size).sum(), notTakenSummary());
        List<String> parts = parts();
        line(out, "recordings: %d%s", recordings.size(), parts.isEmpty() ? "" : " (parts per recording, "
                + description.recordings().part() + ": " + String.join(", ", parts.stream().map(this::placed).toList()) + ")");
        List<String> subjects = subjects();
        line(out, "subjects: %s", subjects.isEmpty() ? "not stated (labels.subject)" : subjects.size() + ": "
                + counted(recordings.stream().map(this::subject).filter(s -> s != null).toList()));
        Map<String, Integer> classes = classes();
        line(out, "classes: %d: %s", classes.size(), classes.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + (columnLabels() ? " rows" : "") + ")")
                .collect(Collectors.joining(", ")));
        if (columnLabels()) {
            line(out, "segments (runs of one label): %d", recordings.stream()
                    .flatMap(r -> r.summaries.values().stream()).mapToInt(FileSummary::segments).sum());
        }
        List<String> noExercise = description.labels().noExercise();
        if (!noExercise.isEmpty()) {
            line(out, "no exercise: %s (%s)", String.join(", ", noExercise), noExercise.stream()
                    .map(c -> c + " " + classes.getOrDefault(c, 0)).collect(Collectors.joining(", ")));
        }
        line(out, "%s", durations());
        Map<String, Double> rates = rates();
        if (!rates.isEmpty()) {
            line(out, "rates (median of the files' median time step): %s%s", rates.entrySet().stream()
                    .map(e -> (e.getKey().equals("all") ? "" : e.getKey() + " ") + format(e.getValue()) + " Hz")
                    .collect(Collectors.joining(", ")), declaredRate() > 0 ? "; declared " + format(declaredRate()) + " Hz" : "");
        }
        if (!description.channels().isEmpty()) {
            line(out, "channels: %s", description.channels().stream().map(c -> (c.name() != null ? c.name()
                    : c.column() != null ? c.column() : "#" + c.columnIndex()) + " [" + c.unit() + (c.part() == null ? "" : ", " + c.part()) + "]")
                    .collect(Collectors.joining(", ")));
        }
        repetitions(out);
        if (description.recordings().format().equals("image")) {
            line(out, "image content: %s", counted(recordings.stream().flatMap(r -> r.summaries.values().stream())
                    .map(FileSummary::content).toList()));
        }
        line(out, "checked in %.2f s", seconds);
        if (!notes.isEmpty()) {
            line(out, "notes (%d):", notes.size());
            notes.stream().limit(20).forEach(n -> line(out, "  %s", n));
            if (notes.size() > 20) {
                line(out, "  ... and %d more", notes.size() - 20);
            }
        }
        if (!errors.isEmpty()) {
            line(out, "errors (%d files do not fit the description):", errors.size());
            errors.stream().limit(20).forEach(e -> line(out, "  %s", e));
            if (errors.size() > 20) {
                line(out, "  ... and %d more", errors.size() - 20);
            }
        }
        return out.toString();
    }

    private String notTakenSummary() {
        if (notTaken.isEmpty()) {
            return "";
        }
        return " (" + notTaken.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + ", e.g. "
                + e.getValue().getFirst()).collect(Collectors.joining("; ")) + ")";
    }

    private void repetitions(StringBuilder out) {
        List<Recording> counted = recordings.stream().filter(r -> r.count != null).toList();
        List<Recording> bounded = recordings.stream().filter(r -> !r.repetitions.isEmpty()).toList();
        if (counted.isEmpty() && bounded.isEmpty()) {
            line(out, "repetitions: none stated");
            return;
        }
        if (!counted.isEmpty()) {
            line(out, "repetition counts: %d recordings, %d repetitions; counts %s", counted.size(),
                    counted.stream().mapToInt(r -> r.count).sum(), counted(counted.stream().map(r -> String.valueOf(r.count)).toList()));
        }
        if (!bounded.isEmpty()) {
            line(out, "repetition boundaries: %d recordings, %d repetitions", bounded.size(),
                    bounded.stream().mapToInt(r -> r.repetitions.size()).sum());
        }
        List<String> qualities = recordings.stream().flatMap(r -> r.qualities.stream()).toList();
        if (!qualities.isEmpty()) {
            line(out, "repetition qualities: %s", counted(qualities));
        }
    }

    private String durations() {
        double[] values = recordings.stream().mapToDouble(Recording::seconds).filter(s -> !Double.isNaN(s)).sorted().toArray();
        int[] rows = recordings.stream().mapToInt(Recording::rows).sorted().toArray();
        String unit = description().modality().equals("image") ? "images" : description().modality().equals("pose") ? "frames" : "rows";
        String rowText = rows.length == 0 ? "" : String.format(Locale.ROOT, "%s: %d in all, per recording min %d, median %d, max %d",
                unit, Arrays.stream(rows).asLongStream().sum(), rows[0], rows[rows.length / 2], rows[rows.length - 1]);
        if (values.length == 0) {
            return rowText + (description().modality().equals("image") ? "" : "; durations: no time base stated (rows only)");
        }
        return String.format(Locale.ROOT, "durations: %s in all; per recording min %s, median %s, max %s; %s",
                duration(Arrays.stream(values).sum()), duration(values[0]), duration(values[values.length / 2]),
                duration(values[values.length - 1]), rowText);
    }

    private List<String> derivedNotes() {
        List<String> derived = new ArrayList<>();
        List<String> parts = parts();
        for (Recording recording : recordings) {
            if (!parts.isEmpty() && recording.files.size() < parts.size()) {
                List<String> have = recording.files.stream().map(FoundFile::part).toList();
                derived.add("recording " + recording.id + " lacks part " + parts.stream().filter(p -> !have.contains(p)).toList());
            }
            recording.summaries.forEach((file, summary) -> {
                if (summary.missingRows() > 0) {
                    derived.add(file + ": " + summary.missingRows() + " of " + summary.rows() + " rows hold a missing value"
                            + " (recordings.missing) in an acceleration or angular-velocity channel; the IMU pipeline fills"
                            + " them from the neighbouring rows");
                }
            });
            int repeated = recording.summaries.values().stream().mapToInt(FileSummary::repeatedTimes).sum();
            if (repeated > 0) {
                derived.add("recording " + recording.id + ": " + repeated + " rows repeat the previous timestamp");
            }
            if (recording.count != null && !recording.repetitions.isEmpty() && recording.count != recording.repetitions.size()) {
                derived.add("recording " + recording.id + ": count " + recording.count + " but "
                        + recording.repetitions.size() + " annotated repetitions");
            }
            int rows = recording.rows();
            long outside = recording.repetitions.stream().filter(r -> r[1] > rows + 1).count();
            if (rows > 0 && outside > 0) {
                derived.add("recording " + recording.id + ": " + outside + " repetitions end after its last row (" + rows + ")");
            }
            for (FoundFile file : recording.files) {
                FileSummary summary = recording.summaries.get(file.relative());
                if (summary != null && summary.content() != null
                        && !summary.content().equals(ImageContent.claimed(file.relative()))) {
                    derived.add(file.relative() + ": its extension says " + ImageContent.claimed(file.relative()) + " but it holds " + summary.content());
                }
            }
        }
        double declared = declaredRate();
        if (declared > 0) {
            rates().forEach((part, rate) -> {
                if (Math.abs(rate - declared) > 0.05 * declared) {
                    derived.add("measured rate " + format(rate) + " Hz" + (part.equals("all") ? "" : " (" + part + ")")
                            + " differs from the declared " + format(declared) + " Hz (time.rate)");
                }
            });
        }
        return derived;
    }

    private DatasetDescription description() {
        return loaded.description();
    }

    private List<String> parts() {
        return recordings.stream().flatMap(r -> r.files.stream()).map(FoundFile::part).filter(p -> p != null)
                .collect(Collectors.toCollection(() -> new TreeSet<>(NATURAL))).stream().toList();
    }

    private String placed(String part) {
        String place = description().places().get(part);
        return place == null ? part : part + " = " + place;
    }

    private boolean columnLabels() {
        DatasetDescription.Labels labels = description().labels();
        return labels.classColumn() != null || labels.classColumnIndex() != null;
    }

    private String subject(Recording recording) {
        String group = description().labels().subject();
        return group == null ? null : recording.files.getFirst().groups().get(group);
    }

    private String label(Recording recording) {
        String group = description().labels().classGroup();
        String raw = group != null ? recording.files.getFirst().groups().get(group) : recording.annotatedLabel;
        return raw == null ? null : className(raw);
    }

    private String className(String raw) {
        return description().labels().classNames().getOrDefault(raw, raw);
    }

    private double declaredRate() {
        DatasetDescription.Time time = description().time();
        return time != null && time.rate() != null ? time.rate() : Double.NaN;
    }

    private static String counted(List<String> values) {
        Map<String, Integer> counts = new TreeMap<>(NATURAL);
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append(System.lineSeparator());
    }

    /** Orders names with numbers by their numbers: s2 before s10. */
    static final java.util.Comparator<String> NATURAL = (a, b) -> {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean digits = !x[i].isEmpty() && !y[i].isEmpty() && Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0));
            int c = digits && x[i].length() < 10 && y[i].length() < 10
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };
}
