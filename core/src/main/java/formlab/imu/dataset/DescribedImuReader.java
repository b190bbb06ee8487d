package formlab.imu.dataset;

import formlab.dataset.DatasetCheck;
import formlab.dataset.DatasetDescription;
import formlab.dataset.DatasetDescription.Channel;
import formlab.dataset.DatasetReport;
import formlab.dataset.DescriptionException;
import formlab.dataset.LoadedDescription;
import formlab.dataset.PathPattern;
import formlab.dataset.Recording;
import formlab.dataset.Units;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reads the recordings of any IMU dataset description into {@link DescribedImuRecording}s: the files
 * {@code formlab dataset check} takes (so the same files, the same checks), each channel converted to
 * the unit the exercise pipeline expects (acceleration g, angular velocity deg/s), with subject, class,
 * repetitions and qualities from the description. A description that does not fit its files fails with
 * the first error and the count of the others; nothing is guessed.
 */
public final class DescribedImuReader {

    private static final double G = 9.80665;

    private DescribedImuReader() {
    }

    /**
     * Every recording of {@code loaded}'s dataset, in the order {@code dataset check} lists them.
     *
     * @throws DescriptionException     when the description is no IMU description, has no subject or
     *                                  class group, or matches no file
     * @throws IllegalArgumentException when data files do not fit the description (the message names them)
     * @throws IllegalStateException    when the dataset folder is unknown or missing
     */
    public static List<DescribedImuRecording> read(LoadedDescription loaded) {
        DatasetDescription description = loaded.description();
        requireUsable(loaded);
        DatasetReport report = DatasetCheck.run(loaded);
        if (!report.ok()) {
            throw new IllegalArgumentException(report.errors().size() + " data file(s) do not fit the description "
                    + loaded.file() + " (formlab dataset check lists them all); first: " + report.errors().getFirst());
        }
        Path folder = loaded.folder().orElseThrow();
        PathPattern paths = PathPattern.compile(description.labels().path());
        String partGroup = description.recordings().part();
        List<Recording> found = report.recordings();
        // the rate a file too short to measure one takes: that of its part over all files (as the check reports it)
        Map<String, Double> partRates = report.rates();
        List<DescribedImuRecording> recordings = new ArrayList<>(found.size());
        // each recording's result or error, so that the error reported is the first recording's in order, with
        // its own message, however many threads read them (a worker's exception reaches the caller rewrapped)
        List<Object> read = found.parallelStream().map(recording -> {
            try {
                return (Object) recording(description, folder, paths, partGroup, partRates, recording);
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        for (Object result : read) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            recordings.add((DescribedImuRecording) result);
        }
        return recordings;
    }

    /** One recording read from its files, one part per file. */
    private static DescribedImuRecording recording(DatasetDescription description, Path folder, PathPattern paths,
            String partGroup, Map<String, Double> partRates, Recording recording) {
        Map<String, DescribedImuRecording.Part> parts = new LinkedHashMap<>();
        for (String relative : recording.files()) {
            Map<String, String> groups = paths.match(relative).orElseThrow();
            String part = partGroup == null ? "" : groups.get(partGroup);
            double partRate = partRates.getOrDefault(partGroup == null ? "all" : part, Double.NaN);
            if (parts.containsKey(part)) { // the check reports this; a guard against keeping one file of two
                throw new IllegalArgumentException("recording " + recording.id() + " has two files of part '" + part
                        + "': " + recording.files());
            }
            parts.put(part, readPart(description, folder.resolve(relative), part, partRate));
        }
        Map<String, String> groups = recording.groups();
        String raw = groups.get(description.labels().classGroup());
        String label = description.labels().classNames().getOrDefault(raw, raw);
        return new DescribedImuRecording(recording.id(), groups, groups.get(description.labels().subject()), label,
                parts, recording.repetitions(), recording.qualities(), recording.count(),
                recording.files().stream().map(folder::resolve).toList());
    }

    /** The sensor units every recording has (for {@code --units}), in the order of the first recording. */
    public static List<String> commonUnits(List<DescribedImuRecording> recordings) {
        if (recordings.isEmpty()) {
            return List.of();
        }
        List<String> units = new ArrayList<>(recordings.getFirst().units());
        for (DescribedImuRecording recording : recordings) {
            units.retainAll(recording.units());
        }
        return units;
    }

    /**
     * {@link #commonUnits}, which must not be empty.
     *
     * @throws IllegalArgumentException when no unit is in every recording: naming, for the unit most
     *                                  recordings have, the recordings that lack it and the parts they hold
     */
    public static List<String> requireCommonUnits(Path description, List<DescribedImuRecording> recordings) {
        List<String> common = commonUnits(recordings);
        if (!common.isEmpty()) {
            return common;
        }
        Map<String, Integer> having = new LinkedHashMap<>();
        recordings.forEach(r -> r.units().forEach(u -> having.merge(u, 1, Integer::sum)));
        String what = " three acceleration and three angular-velocity channels (in one part, or across its parts)";
        if (having.isEmpty()) {
            throw new IllegalArgumentException(description + ": key 'channels': no recording has" + what);
        }
        String unit = having.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> lacking = recordings.stream().filter(r -> !r.units().contains(unit))
                .map(r -> r.id() + " (parts: " + (r.parts().isEmpty() ? "none" : String.join(", ", r.parts().keySet())) + ")")
                .toList();
        throw new IllegalArgumentException(description + ": one model reads the same sensor units in every recording, and"
                + " no unit of" + what + " is in all " + recordings.size() + ": unit '" + unit + "' is in "
                + having.get(unit) + ", " + lacking.size() + " lack it: " + String.join("; ", lacking.subList(0,
                        Math.min(10, lacking.size()))) + (lacking.size() > 10 ? "; ... and " + (lacking.size() - 10)
                        + " more" : "") + "; add their missing files or leave them out (recordings.exclude)");
    }

    private static void requireUsable(LoadedDescription loaded) {
        DatasetDescription description = loaded.description();
        if (!"imu".equals(description.modality())) {
            throw new DescriptionException(loaded.file(), 0, 0, "modality", "'" + description.modality()
                    + "' is no IMU description; expected modality 'imu'", null);
        }
        if (description.labels().subject() == null) {
            throw new DescriptionException(loaded.file(), 0, 0, "labels.subject", "training and evaluation split by"
                    + " subject: name the path group holding the subject", null);
        }
        if (description.labels().classGroup() == null) {
            throw new DescriptionException(loaded.file(), 0, 0, "labels.class", "training and evaluation need one class per"
                    + " recording from a path group (labels.class); a class per row or per annotation is not supported yet", null);
        }
        if (!Set.of("delimited", "metawear").contains(description.recordings().format())) {
            throw new DescriptionException(loaded.file(), 0, 0, "recordings.format", "IMU recordings are read from"
                    + " delimited text or MetaWear CSV, got '" + description.recordings().format() + "'", null);
        }
    }

    /**
     * Reads the channels of {@code part} from {@code file}, converted; rows whose time does not advance
     * are left out, and a missing acceleration or angular-velocity value is filled from its neighbours
     * in time (other channels read a missing value as NaN). Its rate is the description's {@code time.rate}, else the file's median time step measured
     * on the timestamps as written (not rounded), else, for a file of fewer than two rows,
     * {@code fallbackRate} (the part's rate over all files).
     */
    static DescribedImuRecording.Part readPart(DatasetDescription description, Path file, String part, double fallbackRate) {
        DatasetDescription.Recordings format = description.recordings();
        char separator = format.separatorChar();
        char decimal = format.decimalMark() == null ? '.' : format.decimalMark().charAt(0);
        Set<String> missing = Set.copyOf(format.missing());
        List<Channel> channels = description.channels().stream()
                .filter(c -> c.part() == null || c.part().equals(part)).toList();
        DatasetDescription.Time time = description.time();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first != null && first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            String[] header = format.hasHeader() && first != null ? split(first, separator) : null;
            int timeColumn = time == null || (time.column() == null && time.columnIndex() == null) ? -1
                    : column(header, time.column(), time.columnIndex());
            int[] columns = channels.stream().mapToInt(c -> column(header, c.column(), c.columnIndex())).toArray();
            double[] factors = channels.stream().mapToDouble(DescribedImuReader::factor).toArray();
            double toMillis = millisPerUnit(time);
            List<double[]> rows = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            String line = header == null ? first : reader.readLine();
            int index = 0;
            while (line != null) {
                if (!line.isBlank()) {
                    String[] cells = split(line, separator);
                    double t = timeColumn < 0 ? index * 1000.0 / time.rate() : number(cells[timeColumn], decimal, missing) * toMillis;
                    double[] values = new double[columns.length];
                    for (int c = 0; c < columns.length; c++) {
                        values[c] = number(cells[columns[c]], decimal, missing) * factors[c];
                    }
                    times.add(t);
                    rows.add(values);
                    index++;
                }
                line = reader.readLine();
            }
            fillMissing(file, channels, rows, times);
            return part(file, part, channels, rows, times, time, fallbackRate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Fills each missing acceleration or angular-velocity value (a declared missing value, or NaN) in place,
     * linearly in time between the nearest rows that hold one, or with the nearest one before the first or
     * after the last. Rows are kept, not dropped, so that annotations given as row numbers keep pointing at
     * the rows they name.
     *
     * @throws IllegalArgumentException naming the file and column when a channel holds no value at all
     */
    private static void fillMissing(Path file, List<Channel> channels, List<double[]> rows, List<Double> times) {
        for (int c = 0; c < channels.size(); c++) {
            if (!Channel.MOTION_QUANTITIES.contains(channels.get(c).quantity())) {
                continue;
            }
            int previous = -1;
            for (int i = 0; i <= rows.size(); i++) {
                if (i < rows.size() && Double.isNaN(rows.get(i)[c])) {
                    continue;
                }
                if (i == rows.size() && previous < 0) {
                    Channel channel = channels.get(c);
                    throw new IllegalArgumentException(file + ": column " + (channel.column() != null ? "'" + channel.column() + "'"
                            : channel.columnIndex()) + " (" + channel.quantity() + ") holds no value in any of its " + rows.size()
                            + " rows (recordings.missing)");
                }
                for (int gap = previous + 1; gap < i; gap++) {
                    double value;
                    if (previous < 0) {
                        value = rows.get(i)[c];
                    } else if (i == rows.size()) {
                        value = rows.get(previous)[c];
                    } else {
                        double span = times.get(i) - times.get(previous);
                        double share = span > 0 ? (times.get(gap) - times.get(previous)) / span : 0;
                        value = rows.get(previous)[c] + share * (rows.get(i)[c] - rows.get(previous)[c]);
                    }
                    rows.get(gap)[c] = value;
                }
                previous = i;
            }
        }
    }

    /** Rates above this need sub-millisecond timestamps, which {@link DescribedImuRecording.Part#millis} cannot hold. */
    static final double MAX_RATE_HZ = 1000;

    private static DescribedImuRecording.Part part(Path file, String name, List<Channel> channels, List<double[]> rows,
            List<Double> times, DatasetDescription.Time time, double fallbackRate) {
        double[] kept = new double[rows.size()];
        int n = 0;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double t = times.get(i);
            if (n == 0 || t > kept[n - 1]) {
                kept[n++] = t;
                keep.add(i);
            }
        }
        kept = Arrays.copyOf(kept, n);
        double rate = time != null && time.rate() != null ? time.rate() : n >= 2 ? medianRate(kept) : fallbackRate;
        if (!(rate > 0)) {
            throw new IllegalArgumentException(file + ": " + n + " row(s) with distinct times, too few to measure the"
                    + " sample rate, and no other file of its part has two (declare time.rate in the description)");
        }
        if (rate > MAX_RATE_HZ) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: sampled at %.0f Hz; the IMU"
                    + " pipeline keeps times in whole milliseconds and reads at most %.0f Hz: downsample the files first",
                    file, rate, MAX_RATE_HZ));
        }
        // whole milliseconds, strictly increasing: a step below 1 ms from jitter moves a row by under 1 ms
        long[] millis = new long[n];
        for (int k = 0; k < n; k++) {
            millis[k] = k == 0 ? Math.round(kept[k]) : Math.max(Math.round(kept[k]), millis[k - 1] + 1);
        }
        double[][] values = new double[channels.size()][n];
        for (int k = 0; k < n; k++) {
            double[] row = rows.get(keep.get(k));
            for (int c = 0; c < row.length; c++) {
                values[c][k] = row[c];
            }
        }
        return new DescribedImuRecording.Part(name, rate, millis, channels.stream().map(c -> c.name() != null ? c.name()
                : c.column() != null ? c.column() : "column" + c.columnIndex()).toList(),
                channels.stream().map(Channel::quantity).toList(), channels.stream().map(DescribedImuReader::unitAfter).toList(),
                values);
    }

    /** 1000 / the median step of {@code millis} (at least two strictly increasing times). */
    private static double medianRate(double[] millis) {
        double[] steps = new double[millis.length - 1];
        for (int i = 1; i < millis.length; i++) {
            steps[i - 1] = millis[i] - millis[i - 1];
        }
        Arrays.sort(steps);
        int mid = steps.length / 2;
        return 1000.0 / (steps.length % 2 == 1 ? steps[mid] : (steps[mid - 1] + steps[mid]) / 2);
    }

    /** The factor from the channel's unit to the unit the pipeline reads. */
    static double factor(Channel channel) {
        return switch (channel.quantity()) {
            case "acceleration" -> Units.toSi(channel.quantity(), channel.unit()).orElseThrow() / G;
            case "angular-velocity" -> Units.toSi(channel.quantity(), channel.unit()).orElseThrow() * 180 / Math.PI;
            case "magnetic-field" -> Units.toSi(channel.quantity(), channel.unit()).map(f -> f * 1e6).orElse(1.0);
            case "orientation" -> Units.toSi(channel.quantity(), channel.unit()).map(f -> f * 180 / Math.PI).orElse(1.0);
            default -> 1.0;
        };
    }

    private static String unitAfter(Channel channel) {
        return switch (channel.quantity()) {
            case "acceleration" -> "g";
            case "angular-velocity" -> "deg/s";
            case "magnetic-field" -> Units.toSi(channel.quantity(), channel.unit()).isPresent() ? "uT" : channel.unit();
            case "orientation" -> Units.toSi(channel.quantity(), channel.unit()).isPresent() ? "deg" : channel.unit();
            default -> channel.unit();
        };
    }

    private static double millisPerUnit(DatasetDescription.Time time) {
        if (time == null || time.unit() == null) {
            return Double.NaN;
        }
        return switch (time.unit()) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1.0;
            case "s" -> 1000.0;
            default -> 1000.0 / time.rate();
        };
    }

    private static int column(String[] header, String name, Integer index) {
        if (name == null) {
            return index;
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column '" + name + "' vanished after the check"); // the check found it
    }

    private static double number(String cell, char decimal, Set<String> missing) {
        String text = cell.strip();
        if (missing.contains(text)) {
            return Double.NaN;
        }
        return Double.parseDouble(decimal == '.' ? text : text.replace(decimal, '.'));
    }

    private static String[] split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(unquote(line.substring(start, i)));
                start = i + 1;
            }
        }
        cells.add(unquote(line.substring(start)));
        return cells.toArray(String[]::new);
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
