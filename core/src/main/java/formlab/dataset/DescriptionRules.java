package formlab.dataset;

import formlab.dataset.DatasetDescription.Annotation;
import formlab.dataset.DatasetDescription.Channel;
import formlab.dataset.DatasetDescription.Count;
import formlab.dataset.DatasetDescription.Labels;
import formlab.dataset.DatasetDescription.Recordings;
import formlab.dataset.DatasetDescription.Time;
import java.nio.file.FileSystems;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks a description must pass after parsing: required keys present, values among the known
 * ones (formats, quantities, units, row kinds), patterns that compile, groups that the path pattern
 * defines. Each failure names the key and its line.
 */
final class DescriptionRules {

    static final List<String> MODALITIES = List.of("imu", "pose", "image");
    static final List<String> FORMATS = List.of("delimited", "metawear", "landmark-csv", "npy", "image");
    static final List<String> TIME_UNITS = List.of("ns", "us", "ms", "s", "sample");
    static final List<String> LAYOUTS = List.of("indexed", "named", "blocks");
    static final List<String> ANNOTATION_ROWS = List.of("recording", "repetition");
    static final List<String> BOUNDARY_UNITS = List.of("sample", "frame");

    private final DatasetDescription description;
    private final KeyLocations keys;

    private DescriptionRules(DatasetDescription description, KeyLocations keys) {
        this.description = description;
        this.keys = keys;
    }

    static void check(DatasetDescription description, KeyLocations keys) {
        new DescriptionRules(description, keys).check();
    }

    private void check() {
        required("name", description.name());
        oneOf("modality", description.modality(), MODALITIES);
        if (description.recordings() == null) {
            throw keys.error("recordings", "missing: say where the recordings are (include) and their format");
        }
        List<String> groups = labels();
        recordings(description.recordings(), groups);
        time(description.time());
        channels(description.channels(), description.recordings());
        if (!description.places().isEmpty() && description.recordings().part() == null) {
            throw keys.error("places", "places name the body place of each part, but recordings.part is not set");
        }
        if (description.modality().equals("imu") && description.channels().isEmpty()) {
            throw keys.error("channels", "missing: an IMU dataset needs its channels (column, quantity, unit)");
        }
        if (description.modality().equals("imu") && description.time() == null) {
            throw keys.error("time", "missing: an IMU dataset needs a time column with its unit, or a fixed rate");
        }
    }

    private void recordings(Recordings recordings, List<String> groups) {
        if (recordings.include().isEmpty()) {
            throw keys.error("recordings.include", "missing: at least one glob pattern of recording files");
        }
        globs("recordings.include", recordings.include());
        globs("recordings.exclude", recordings.exclude());
        oneOf("recordings.format", recordings.format(), FORMATS);
        if (recordings.separator() != null && recordings.separator().length() != 1) {
            throw keys.error("recordings.separator", "must be one character, got '" + recordings.separator() + "'");
        }
        if (recordings.decimalMark() != null) {
            oneOf("recordings.decimalMark", recordings.decimalMark(), List.of(".", ","));
            if (recordings.decimalMark().charAt(0) == recordings.separatorChar()) {
                throw keys.error("recordings.decimalMark", "the decimal mark equals the separator '"
                        + recordings.separatorChar() + "'");
            }
        }
        boolean npy = recordings.format().equals("npy");
        if (recordings.format().equals("landmark-csv") || (npy && recordings.landmarks() != null)) {
            if (recordings.landmarks() == null) {
                throw keys.error("recordings.landmarks", "missing: landmark files need their layout and values");
            }
            oneOf("recordings.landmarks.layout", recordings.landmarks().layout(), LAYOUTS);
            if (npy && recordings.landmarks().layout().equals("named")) {
                throw keys.error("recordings.landmarks.layout", "an .npy array has no column names: use indexed or blocks");
            }
            if (!recordings.landmarks().layout().equals("named")
                    && (recordings.landmarks().count() == null || recordings.landmarks().count() < 1)) {
                throw keys.error("recordings.landmarks.count", "missing: the number of landmarks per frame");
            }
            if (recordings.landmarks().values() == null || recordings.landmarks().values().isEmpty()) {
                throw keys.error("recordings.landmarks.values", "missing: the values per landmark, e.g. [\"x\", \"y\", \"z\"]");
            }
            if (npy && recordings.columns() != null
                    && recordings.landmarks().count() * recordings.landmarks().values().size() > recordings.columns()) {
                throw keys.error("recordings.landmarks", recordings.landmarks().count() + " landmarks x "
                        + recordings.landmarks().values().size() + " values do not fit in " + recordings.columns()
                        + " columns (recordings.columns)");
            }
        } else if (recordings.landmarks() != null) {
            throw keys.error("recordings.landmarks", "only landmark-csv and npy recordings have landmarks");
        }
        if (recordings.columns() != null && recordings.columns() < 1) {
            throw keys.error("recordings.columns", "must be at least 1, got " + recordings.columns());
        }
        for (int i = 0; i < recordings.recording().size(); i++) {
            group("recordings.recording[" + i + "]", recordings.recording().get(i), groups);
        }
        if (recordings.part() != null) {
            group("recordings.part", recordings.part(), groups);
        }
    }

    private List<String> labels() {
        Labels labels = description.labels();
        if (labels == null) {
            throw keys.error("labels", "missing: say where the labels come from (labels.path and class, classColumn or an annotation)");
        }
        required("labels.path", labels.path());
        List<String> groups = pattern("labels.path", labels.path()).groups();
        if (labels.classGroup() != null) {
            group("labels.class", labels.classGroup(), groups);
        }
        if (labels.subject() != null) {
            group("labels.subject", labels.subject(), groups);
        }
        if (labels.classColumn() != null && labels.classColumnIndex() != null) {
            throw keys.error("labels.classColumnIndex", "give classColumn or classColumnIndex, not both");
        }
        boolean annotatedClass = labels.annotations().stream().anyMatch(a -> a.labelColumn() != null);
        int sources = (labels.classGroup() != null ? 1 : 0)
                + (labels.classColumn() != null || labels.classColumnIndex() != null ? 1 : 0) + (annotatedClass ? 1 : 0);
        if (sources == 0) {
            throw keys.error("labels", "no class: give labels.class (a path group), labels.classColumn(Index)"
                    + " or an annotation with labelColumn");
        }
        if (sources > 1) {
            throw keys.error("labels", "the class comes from more than one place (class, classColumn, annotation labelColumn): keep one");
        }
        for (int i = 0; i < labels.counts().size(); i++) {
            Count count = labels.counts().get(i);
            String key = "labels.counts[" + i + "]";
            where(key + ".where", count.where(), groups);
            if (count.count() == null || count.count() < 1) {
                throw keys.error(key + ".count", "missing or below 1: the repetitions of each matching recording");
            }
        }
        for (int i = 0; i < labels.annotations().size(); i++) {
            annotation("labels.annotations[" + i + "]", labels.annotations().get(i), groups);
        }
        return groups;
    }

    private void annotation(String key, Annotation annotation, List<String> groups) {
        required(key + ".file", annotation.file());
        pattern(key + ".file", annotation.file());
        where(key + ".where", annotation.where(), groups);
        oneOf(key + ".rows", annotation.rows(), ANNOTATION_ROWS);
        if (annotation.separator() != null && annotation.separator().length() != 1) {
            throw keys.error(key + ".separator", "must be one character, got '" + annotation.separator() + "'");
        }
        if (annotation.boundaryUnit() != null) {
            oneOf(key + ".boundaryUnit", annotation.boundaryUnit(), BOUNDARY_UNITS);
        }
        if (annotation.rows().equals("recording")) {
            required(key + ".recordingColumn", annotation.recordingColumn());
            required(key + ".recordingPattern", annotation.recordingPattern());
            pattern(key + ".recordingPattern", annotation.recordingPattern());
            if (annotation.startColumn() != null || annotation.endColumn() != null || annotation.qualityColumn() != null) {
                throw keys.error(key + ".rows", "rows = recording takes labelColumn, countColumn and boundaryPrefix;"
                        + " startColumn, endColumn and qualityColumn belong to rows = repetition");
            }
        } else {
            required(key + ".startColumn", annotation.startColumn());
            required(key + ".endColumn", annotation.endColumn());
            if (annotation.labelColumn() != null || annotation.countColumn() != null || annotation.boundaryPrefix() != null) {
                throw keys.error(key + ".rows", "rows = repetition takes startColumn, endColumn and qualityColumn;"
                        + " labelColumn, countColumn and boundaryPrefix belong to rows = recording");
            }
        }
    }

    private void time(Time time) {
        if (time == null) {
            return;
        }
        if (time.column() != null && time.columnIndex() != null) {
            throw keys.error("time.columnIndex", "give column or columnIndex, not both");
        }
        boolean hasColumn = time.column() != null || time.columnIndex() != null;
        if (hasColumn) {
            oneOf("time.unit", time.unit(), TIME_UNITS);
        } else if (time.unit() != null) {
            throw keys.error("time.unit", "a unit needs a time column (time.column or time.columnIndex)");
        }
        if (time.rate() != null && !(time.rate() > 0 && Double.isFinite(time.rate()))) {
            throw keys.error("time.rate", "must be a positive number of samples per second, got " + time.rate());
        }
        if (!hasColumn && time.rate() == null) {
            throw keys.error("time", "give a time column with its unit, or a fixed rate");
        }
        if ("sample".equals(time.unit()) && time.rate() == null) {
            throw keys.error("time.rate", "missing: a sample-index time column needs the rate (samples per second)");
        }
        if (time.columnIndex() != null && time.columnIndex() < 0) {
            throw keys.error("time.columnIndex", "must be 0 or more, got " + time.columnIndex());
        }
    }

    private void channels(List<Channel> channels, Recordings recordings) {
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            String key = "channels[" + i + "]";
            if (channel.column() == null && channel.columnIndex() == null) {
                throw keys.error(key + ".column", "missing: the channel's column (or columnIndex)");
            }
            if (channel.column() != null && channel.columnIndex() != null) {
                throw keys.error(key + ".columnIndex", "give column or columnIndex, not both");
            }
            if (channel.column() != null && !recordings.hasHeader()) {
                throw keys.error(key + ".column", "the files have no header (recordings.header is false): use columnIndex");
            }
            oneOf(key + ".quantity", channel.quantity(), Units.quantities());
            if (channel.unit() == null) {
                throw keys.error(key + ".unit", "missing: expected one of " + String.join(", ", Units.units(channel.quantity())));
            }
            if (!Units.units(channel.quantity()).contains(channel.unit())) {
                throw keys.error(key + ".unit", "unknown unit '" + channel.unit() + "' for " + channel.quantity()
                        + "; expected one of " + String.join(", ", Units.units(channel.quantity())));
            }
            if (channel.part() != null && recordings.part() == null) {
                throw keys.error(key + ".part", "the channel names a part, but recordings.part is not set");
            }
        }
    }

    private void where(String key, Map<String, String> where, List<String> groups) {
        for (Map.Entry<String, String> condition : where.entrySet()) {
            group(key + "." + condition.getKey(), condition.getKey(), groups);
            try {
                Pattern.compile(condition.getValue());
            } catch (PatternSyntaxException e) {
                throw keys.error(key + "." + condition.getKey(), "not a regular expression: " + e.getDescription());
            }
        }
    }

    private void group(String key, String group, List<String> groups) {
        if (!groups.contains(group)) {
            throw keys.error(key, "'" + group + "' is no group of labels.path (" + description.labels().path()
                    + "); its groups: " + String.join(", ", groups));
        }
    }

    private PathPattern pattern(String key, String text) {
        try {
            return PathPattern.compile(text);
        } catch (IllegalArgumentException e) {
            throw keys.error(key, e.getMessage());
        }
    }

    private void globs(String key, List<String> globs) {
        for (int i = 0; i < globs.size(); i++) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + globs.get(i));
            } catch (IllegalArgumentException e) {
                throw keys.error(key + "[" + i + "]", "not a glob pattern: " + e.getMessage());
            }
        }
    }

    private void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw keys.error(key, "missing");
        }
    }

    private void oneOf(String key, String value, Collection<String> allowed) {
        if (value == null) {
            throw keys.error(key, "missing: expected one of " + String.join(", ", allowed));
        }
        if (!allowed.contains(value)) {
            throw keys.error(key, "unknown value '" + value + "'; expected one of " + String.join(", ", allowed));
        }
    }
}
