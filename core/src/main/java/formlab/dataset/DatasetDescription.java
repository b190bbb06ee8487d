package formlab.dataset;

import java.util.List;
import java.util.Map;

/**
 * A dataset as its description file states it. Every field mirrors a key of the JSON schema in
 * docs/dataset-descriptions.md; optional keys are {@code null} when absent. Instances come from
 * {@link DatasetDescriptions}, which checks the values; class, subject and exercise names are data
 * taken from the files, never constants of the code.
 *
 * @param name       short name of the dataset (also the folder name under the data root for built-ins)
 * @param title      one line saying what the dataset holds
 * @param source     where the data comes from and its license
 * @param folder     the dataset folder, relative to the description file; {@code null} = the file's folder
 * @param modality   {@code imu}, {@code pose} or {@code image}
 * @param recordings where the recording files are and their format
 * @param time       the time base; {@code null} when the files have none (frames, images)
 * @param channels   the signal columns and their units (IMU); empty for landmark and image data
 * @param places     body place of each sensor unit (value of the part group), when there are several
 * @param labels     where the labels come from
 */
public record DatasetDescription(String name, String title, String source, String folder, String modality,
        Recordings recordings, Time time, List<Channel> channels, Map<String, String> places, Labels labels) {

    /** Compact constructor: absent lists and maps become empty. */
    public DatasetDescription {
        channels = channels == null ? List.of() : List.copyOf(channels);
        places = places == null ? Map.of() : Map.copyOf(places);
    }

    /**
     * Where the recordings are and how they are stored.
     *
     * @param include     glob patterns, relative to the dataset folder, of the recording files
     * @param exclude     glob patterns of files to leave out although an include pattern matches them
     * @param format      {@code delimited}, {@code metawear}, {@code landmark-csv}, {@code npy} or {@code image}
     * @param separator   the cell separator of delimited text (one character; default {@code ,})
     * @param decimalMark {@code .} (default) or {@code ,}
     * @param header      whether the first line names the columns (default true)
     * @param missing     cell values that mean "no value" (e.g. {@code 9999}, {@code NaN})
     * @param columns     the number of values per row the files must have (npy: the second dimension)
     * @param landmarks   the landmark layout of landmark files
     * @param recording   path groups that identify one recording (files sharing them are its parts)
     * @param part        the path group naming the part a file holds (sensor unit, MetaWear sensor)
     */
    public record Recordings(List<String> include, List<String> exclude, String format, String separator,
            String decimalMark, Boolean header, List<String> missing, Integer columns, Landmarks landmarks,
            List<String> recording, String part) {

        /** Compact constructor: absent lists become empty. */
        public Recordings {
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
            missing = missing == null ? List.of() : List.copyOf(missing);
            recording = recording == null ? List.of() : List.copyOf(recording);
        }

        /** The separator as a character ({@code ,} when not given). */
        public char separatorChar() {
            return separator == null ? ',' : separator.charAt(0);
        }

        /** Whether the first line is a header (true when not given). */
        public boolean hasHeader() {
            return header == null || header;
        }
    }

    /**
     * The landmarks of a landmark file.
     *
     * @param layout {@code indexed} (numbered columns, landmark-major), {@code named}
     *               ({@code <joint>_<value>} columns) or {@code blocks} (all x, then all y, ...)
     * @param count  landmarks per frame ({@code null} for {@code named}: read from the header)
     * @param values the values per landmark, e.g. {@code [x, y, z, visibility]}
     */
    public record Landmarks(String layout, Integer count, List<String> values) {
    }

    /**
     * The time base: a timestamp column with its unit, or a fixed rate, or both (a sample-index column).
     *
     * @param column      the timestamp column's header name
     * @param columnIndex the timestamp column's 0-based index (files without header)
     * @param unit        {@code ns}, {@code us}, {@code ms}, {@code s} or {@code sample}
     * @param rate        samples per second, when fixed
     */
    public record Time(String column, Integer columnIndex, String unit, Double rate) {
    }

    /**
     * One signal column.
     *
     * @param name        the channel's name (default: the column)
     * @param column      the column's header name
     * @param columnIndex the column's 0-based index (files without header)
     * @param quantity    {@code acceleration}, {@code angular-velocity}, {@code magnetic-field}, {@code orientation} or {@code other}
     * @param unit        the unit, one of {@link Units} for the quantity
     * @param part        only files of this part carry the column (e.g. MetaWear {@code Gyroscope}); {@code null} = all
     */
    public record Channel(String name, String column, Integer columnIndex, String quantity, String unit, String part) {

        /** The quantities the IMU exercise pipeline reads from every row. */
        public static final java.util.Set<String> MOTION_QUANTITIES = java.util.Set.of("acceleration", "angular-velocity");
    }

    /**
     * Where the labels come from.
     *
     * @param path             pattern of the recordings' relative paths with named groups, e.g.
     *                         {@code s{subject}/e{exercise}/u{unit}/{session}.txt}
     * @param classGroup       the path group holding the class (key {@code class})
     * @param classColumn      the label column of each row (segments are runs of one label)
     * @param classColumnIndex the label column's 0-based index (files without header)
     * @param subject          the path group holding the subject
     * @param classNames       display names of raw class values
     * @param noExercise       the classes that mean "no exercise" (rest, break)
     * @param counts           fixed repetition counts for recordings whose groups match
     * @param annotations      annotation files
     */
    public record Labels(String path, @com.fasterxml.jackson.annotation.JsonProperty("class") String classGroup,
            String classColumn, Integer classColumnIndex, String subject, Map<String, String> classNames,
            List<String> noExercise, List<Count> counts, List<Annotation> annotations) {

        /** Compact constructor: absent lists and maps become empty. */
        public Labels {
            classNames = classNames == null ? Map.of() : Map.copyOf(classNames);
            noExercise = noExercise == null ? List.of() : List.copyOf(noExercise);
            counts = counts == null ? List.of() : List.copyOf(counts);
            annotations = annotations == null ? List.of() : List.copyOf(annotations);
        }
    }

    /**
     * A fixed repetition count for the recordings whose path groups match {@code where}.
     *
     * @param where group name -> regular expression the group's value must match entirely
     * @param count repetitions in each such recording
     */
    public record Count(Map<String, String> where, Integer count) {

        /** Compact constructor: an absent map becomes empty. */
        public Count {
            where = where == null ? Map.of() : Map.copyOf(where);
        }
    }

    /**
     * An annotation file: one row per recording (label, count, repetition boundaries) or one row per
     * repetition (start, end, quality).
     *
     * @param file             pattern of the annotation files' relative paths; its groups join recordings' groups
     * @param where            group name -> regular expression: the recordings the file applies to
     * @param separator        cell separator (default {@code ,})
     * @param rows             {@code recording} or {@code repetition}
     * @param recordingColumn  rows = recording: the column naming the recording
     * @param recordingPattern rows = recording: pattern of that column's values, groups join the recording's
     * @param labelColumn      rows = recording: the class of the recording
     * @param countColumn      rows = recording: its repetition count
     * @param boundaryPrefix   rows = recording: prefix of the boundary columns (start, end, start, end, ...)
     * @param startColumn      rows = repetition: the first sample or frame of the repetition
     * @param endColumn        rows = repetition: its last sample or frame
     * @param qualityColumn    rows = repetition: its execution quality
     * @param qualities        display names of raw quality values
     * @param boundaryUnit     {@code sample} or {@code frame} (positions in the recording's rows)
     */
    public record Annotation(String file, Map<String, String> where, String separator, String rows,
            String recordingColumn, String recordingPattern, String labelColumn, String countColumn,
            String boundaryPrefix, String startColumn, String endColumn, String qualityColumn,
            Map<String, String> qualities, String boundaryUnit) {

        /** Compact constructor: absent maps become empty. */
        public Annotation {
            where = where == null ? Map.of() : Map.copyOf(where);
            qualities = qualities == null ? Map.of() : Map.copyOf(qualities);
        }

        /** The separator as a character ({@code ,} when not given). */
        public char separatorChar() {
            return separator == null ? ',' : separator.charAt(0);
        }
    }
}
