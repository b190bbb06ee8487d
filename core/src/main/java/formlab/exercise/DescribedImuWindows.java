package formlab.exercise;

import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.signal.AlignedSignal;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import formlab.model.LabelledData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Feature rows of recordings read through a dataset description, computed by the deployed
 * {@link ExercisePipeline} for each sensor unit: either its sliding windows ({@link #windows}, the
 * exercise task) or one row per annotated repetition ({@link #repetitions}, the execution-quality
 * task). Features of every unit are kept apart, so any subset of units ({@link #data}) is a column
 * selection, not a recomputation: the unit chosen inside a training fold costs no second pass.
 *
 * <p>With several units, row {@code i} of every unit covers the same time span (windows start on one
 * grid from each recording's start; a recording contributes as many windows as its shortest unit).
 */
public final class DescribedImuWindows {

    /** What the rows are labelled with. */
    public enum Task {
        /** The class of the recording (the exercise), one row per window. */
        EXERCISE,
        /** The execution quality of the repetition, one row per annotated repetition. */
        QUALITY
    }

    private final ExercisePipeline pipeline;
    private final Task task;
    private final List<String> units;
    private final List<String> featureNames;
    private final double[][][] features;
    private final String[] recordings;
    private final String[] subjects;
    private final String[] labels;
    private final String[] classes;
    private final double[] starts;
    private final FeatureSet featureSet;
    private final boolean pausesAsRest;

    private DescribedImuWindows(ExercisePipeline pipeline, Task task, List<String> units, List<String> featureNames,
            double[][][] features, List<Row> rows, boolean pausesAsRest) {
        this.featureSet = FeatureSet.ALL;
        this.pausesAsRest = pausesAsRest;
        this.pipeline = pipeline;
        this.task = task;
        this.units = List.copyOf(units);
        this.featureNames = List.copyOf(featureNames);
        this.features = features;
        this.recordings = rows.stream().map(Row::recording).toArray(String[]::new);
        this.subjects = rows.stream().map(Row::subject).toArray(String[]::new);
        this.labels = rows.stream().map(Row::label).toArray(String[]::new);
        this.classes = rows.stream().map(Row::recordingClass).toArray(String[]::new);
        this.starts = rows.stream().mapToDouble(Row::startSeconds).toArray();
    }

    private DescribedImuWindows(DescribedImuWindows other, FeatureSet featureSet) {
        this.pipeline = other.pipeline;
        this.task = other.task;
        this.units = other.units;
        this.featureNames = other.featureNames;
        this.features = other.features;
        this.recordings = other.recordings;
        this.subjects = other.subjects;
        this.labels = other.labels;
        this.classes = other.classes;
        this.starts = other.starts;
        this.featureSet = featureSet;
        this.pausesAsRest = other.pausesAsRest;
    }

    /** Whether windows in the pauses between annotated repetitions are labelled rest ({@link #windows(List, List, ExercisePipeline, boolean)}). */
    public boolean pausesAsRest() {
        return pausesAsRest;
    }

    /**
     * The same rows over the features of {@code set} only ({@link FeatureSet#ROBUST}: the channels
     * that do not depend on how a unit sits on the body; the repetition duration always stays).
     */
    public DescribedImuWindows withFeatures(FeatureSet set) {
        return new DescribedImuWindows(this, set);
    }

    /** The feature set {@link #data} keeps. */
    public FeatureSet featureSet() {
        return featureSet;
    }

    private record Row(String recording, String subject, String label, String recordingClass, double startSeconds) {
    }

    /**
     * The pipeline for recordings sampled at {@code rateHz}: the deployed defaults (channels, features,
     * gap limit) on a grid at that rate, with {@code window}.
     */
    public static ExercisePipeline pipeline(double rateHz, WindowSettings window) {
        ExercisePipeline defaults = ExercisePipeline.defaults();
        return new ExercisePipeline(defaults.signal().withRate(rateHz), window, defaults.features(), defaults.maxGapSeconds());
    }

    /** Recordings whose rates differ by more than this share of the median are not read on one grid. */
    static final double RATE_TOLERANCE = 0.05;

    /**
     * The grid rate for {@code recordings}: the median over the recordings of the slowest sensor of
     * {@code units}' first unit (as {@code dataset check} reports the median over the files).
     *
     * @throws IllegalArgumentException naming the recordings and files when a recording's rate is more
     *                                  than {@value #RATE_TOLERANCE} of the median away from it
     */
    public static double rateOf(List<DescribedImuRecording> recordings, List<String> units) {
        double[] rates = recordings.stream().mapToDouble(r -> {
            DescribedImuRecording.Sensors sensors = r.sensors(units.getFirst());
            return Math.min(sensors.accelerometer().nominalRateHz(), sensors.gyroscope().nominalRateHz());
        }).toArray();
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        List<String> off = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            if (Math.abs(rates[i] - median) > RATE_TOLERANCE * median) {
                off.add(String.format(java.util.Locale.ROOT, "%s at %s Hz (%s)", recordings.get(i).id(), hz(rates[i]),
                        recordings.get(i).sources().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "))));
            }
        }
        if (!off.isEmpty()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the recordings disagree on the sample"
                    + " rate: the median is %s Hz, but %d of %d differ from it by more than %.0f%%: %s%s; one model reads"
                    + " one rate: describe them as separate datasets or resample them", hz(median), off.size(), rates.length,
                    RATE_TOLERANCE * 100, String.join("; ", off.subList(0, Math.min(10, off.size()))),
                    off.size() > 10 ? "; ... and " + (off.size() - 10) + " more" : ""));
        }
        return median;
    }

    private static String hz(double rate) {
        return ExerciseEvaluation.number(Math.round(rate * 100) / 100.0);
    }

    /** Sliding windows of every recording for each of {@code units}, labelled with the recording's class. */
    public static DescribedImuWindows windows(List<DescribedImuRecording> recordings, List<String> units,
            ExercisePipeline pipeline) {
        return windows(recordings, units, pipeline, false);
    }

    /**
     * Sliding windows labelled with the recording's class or, with {@code pausesAsRest}, with
     * {@value WindowDecisions#REST} when the window lies wholly between annotated repetitions of a
     * recording whose every repetition is annotated (as many annotated as its count): the dataset's own
     * pauses are its rest data.
     */
    public static DescribedImuWindows windows(List<DescribedImuRecording> recordings, List<String> units,
            ExercisePipeline pipeline, boolean pausesAsRest) {
        List<List<double[][]>> perRecording = recordings.parallelStream().map(recording -> {
            List<double[][]> byUnit = new ArrayList<>();
            List<Window> firstUnit = null;
            for (String unit : units) {
                DescribedImuRecording.Sensors s = recording.sensors(unit);
                List<Window> cut = pipeline.windows(s.accelerometer(), s.gyroscope());
                if (firstUnit == null) {
                    firstUnit = cut;
                } else {
                    requireSynchronised(recording, units.getFirst(), firstUnit, unit, cut, pipeline);
                }
                byUnit.add(cut.stream().map(pipeline::features).toArray(double[][]::new));
                if (byUnit.size() == 1) {
                    // each window's own start (gaps and the grid's origin included): seconds from the first
                    // window's signal, and seconds from the accelerometer's first sample (the annotations' clock)
                    double origin = s.accelerometer().startMillis();
                    byUnit.add(new double[][] {cut.stream().mapToDouble(Window::startSeconds).toArray(),
                        cut.stream().mapToDouble(w -> (w.startMillis() - origin) / 1000.0).toArray()});
                }
            }
            return byUnit;
        }).toList();
        List<Row> rows = new ArrayList<>();
        List<List<double[]>> columns = new ArrayList<>();
        units.forEach(u -> columns.add(new ArrayList<>()));
        for (int r = 0; r < recordings.size(); r++) {
            DescribedImuRecording recording = recordings.get(r);
            List<double[][]> byUnit = new ArrayList<>(perRecording.get(r));
            double[][] starts = byUnit.remove(1);
            int n = byUnit.stream().mapToInt(a -> a.length).min().orElse(0);
            long[] rowMillis = recording.sensors(units.getFirst()).accelerometer().epochMillis();
            for (int i = 0; i < n; i++) {
                double from = starts[1][i];
                boolean pause = pausesAsRest && inPause(recording, rowMillis, from, from + pipeline.window().lengthSeconds());
                rows.add(new Row(recording.id(), recording.subject(), pause ? WindowDecisions.REST : recording.label(),
                        recording.label(), starts[0][i]));
                for (int u = 0; u < units.size(); u++) {
                    columns.get(u).add(byUnit.get(u)[i]);
                }
            }
        }
        return new DescribedImuWindows(pipeline, Task.EXERCISE, units, pipeline.featureNames(), toArrays(columns), rows,
                pausesAsRest);
    }

    /**
     * Window {@code k} of every unit is classified together, so the units' windows must start within
     * one grid period of each other, as the live tracker requires ({@code stream.LiveExerciseTracker}).
     *
     * @throws IllegalArgumentException naming the recording, the units and the times when they do not
     */
    private static void requireSynchronised(DescribedImuRecording recording, String firstName, List<Window> first,
            String name, List<Window> cut, ExercisePipeline pipeline) {
        double periodMillis = 1000.0 / pipeline.rateHz();
        for (int i = 0; i < Math.min(first.size(), cut.size()); i++) {
            double apart = cut.get(i).startMillis() - first.get(i).startMillis();
            if (Math.abs(apart) > periodMillis) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "recording %s: window %d of unit %s"
                        + " starts %.0f ms from that of unit %s: the units' samples are not on one clock, or one unit has a gap"
                        + " the others lack (windows of several units must start within one grid period, %.0f ms)",
                        recording.id(), i, name, apart, firstName, periodMillis));
            }
        }
    }

    /**
     * Whether [from, to) seconds from the first accelerometer row lies wholly outside the repetitions
     * of a recording whose every repetition is annotated; a repetition's rows are put at their own
     * times ({@code rowMillis}), so gaps between rows count.
     */
    static boolean inPause(DescribedImuRecording recording, long[] rowMillis, double from, double to) {
        if (recording.count() == null || recording.count() == 0 || recording.repetitions().size() != recording.count()) {
            return false;
        }
        for (double[] repetition : recording.repetitions()) {
            if (to > secondsOf(rowMillis, repetition[0]) && from < secondsOf(rowMillis, repetition[1])) {
                return false;
            }
        }
        return true;
    }

    /** Seconds from the first row to (fractional) row {@code row}, clamped to the rows. */
    private static double secondsOf(long[] rowMillis, double row) {
        int at = (int) Math.max(0, Math.min(rowMillis.length - 1, Math.floor(row)));
        int next = Math.min(rowMillis.length - 1, at + 1);
        double fraction = Math.max(0, Math.min(1, row - at));
        return (rowMillis[at] + fraction * (rowMillis[next] - rowMillis[at]) - rowMillis[0]) / 1000.0;
    }

    /** Name of the feature a repetition row adds: its length in seconds. */
    public static final String DURATION = "repetition_s";
    /** Prefix of the features relative to the recording: (value - recording mean) / recording standard deviation. */
    public static final String RELATIVE = "rel_";

    /**
     * One row per annotated repetition that has a quality: the pipeline's alignment, derived channels
     * and features over exactly the repetition's samples, plus its duration ({@value #DURATION}), and
     * every feature again relative to the other repetitions of the same recording ({@value #RELATIVE}:
     * standardised within the recording, from its signal alone, no label), labelled with the quality.
     */
    public static DescribedImuWindows repetitions(List<DescribedImuRecording> recordings, List<String> units,
            ExercisePipeline pipeline) {
        List<DescribedImuRecording> annotated = recordings.stream()
                .filter(r -> !r.qualities().isEmpty() && r.qualities().size() == r.repetitions().size()).toList();
        if (annotated.isEmpty()) {
            throw new IllegalArgumentException("no recording has repetitions with an execution quality (labels.annotations"
                    + " with a qualityColumn): the quality task has nothing to learn");
        }
        List<List<double[][]>> perRecording = annotated.parallelStream().map(recording -> {
            List<double[][]> byUnit = new ArrayList<>();
            for (String unit : units) {
                DescribedImuRecording.Sensors s = recording.sensors(unit);
                List<AlignedSignal> segments = pipeline.align(s.accelerometer(), s.gyroscope());
                double originMillis = s.accelerometer().startMillis();
                double[][] rows = new double[recording.repetitions().size()][];
                for (int k = 0; k < rows.length; k++) {
                    double[] bounds = recording.repetitions().get(k);
                    double fromMillis = originMillis + bounds[0] * 1000.0 / s.accelerometer().nominalRateHz();
                    double toMillis = originMillis + bounds[1] * 1000.0 / s.accelerometer().nominalRateHz();
                    rows[k] = repetitionFeatures(pipeline, segments, fromMillis, toMillis);
                }
                byUnit.add(relative(rows));
            }
            return byUnit;
        }).toList();
        List<String> names = new ArrayList<>(pipeline.featureNames());
        names.add(DURATION);
        names.addAll(names.stream().map(n -> RELATIVE + n).toList());
        List<Row> rows = new ArrayList<>();
        List<List<double[]>> columns = new ArrayList<>();
        units.forEach(u -> columns.add(new ArrayList<>()));
        for (int r = 0; r < annotated.size(); r++) {
            DescribedImuRecording recording = annotated.get(r);
            for (int k = 0; k < recording.repetitions().size(); k++) {
                rows.add(new Row(recording.id(), recording.subject(), recording.qualities().get(k), recording.label(),
                        recording.repetitions().get(k)[0] / pipeline.rateHz()));
                for (int u = 0; u < units.size(); u++) {
                    columns.get(u).add(perRecording.get(r).get(u)[k]);
                }
            }
        }
        return new DescribedImuWindows(pipeline, Task.QUALITY, units, names, toArrays(columns), rows, false);
    }

    /** Features of the grid samples between two times (the segment holding the start; at least 2 samples). */
    private static double[] repetitionFeatures(ExercisePipeline pipeline, List<AlignedSignal> segments, double fromMillis,
            double toMillis) {
        AlignedSignal segment = segments.getFirst();
        for (AlignedSignal candidate : segments) {
            if (candidate.startMillis() <= fromMillis) {
                segment = candidate;
            }
        }
        double step = 1000.0 / segment.rateHz();
        int from = (int) Math.max(0, Math.min(segment.length() - 2, Math.round((fromMillis - segment.startMillis()) / step)));
        int to = (int) Math.max(from + 2, Math.min(segment.length(), Math.round((toMillis - segment.startMillis()) / step) + 1));
        Window window = pipeline.window(segment.slice(from, to), segment.startMillis());
        double[] features = pipeline.features(window);
        double[] out = Arrays.copyOf(features, features.length + 1);
        out[features.length] = (to - from) / segment.rateHz();
        return out;
    }

    /** Each row followed by its values standardised over the rows (the repetitions of one recording). */
    private static double[][] relative(double[][] rows) {
        int p = rows[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.length;
            }
        }
        double[][] out = new double[rows.length][2 * p];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out[i], 0, p);
            for (int j = 0; j < p; j++) {
                double s = Math.sqrt(sd[j]);
                out[i][p + j] = s > 1e-12 && Double.isFinite(s) ? (rows[i][j] - mean[j]) / s : 0;
            }
        }
        return out;
    }

    private static double[][][] toArrays(List<List<double[]>> columns) {
        return columns.stream().map(c -> c.toArray(double[][]::new)).toArray(double[][][]::new);
    }

    /** The rows over the features of {@code chosen} units (columns named {@code <unit>:<feature>}). */
    public LabelledData data(List<String> chosen) {
        return data(chosen, IntStream.range(0, size()).toArray());
    }

    /** The rows {@code selected} (indices, in that order) over the features of {@code chosen} units. */
    public LabelledData data(List<String> chosen, int[] selected) {
        int[] index = chosen.stream().mapToInt(u -> {
            int i = units.indexOf(u);
            if (i < 0) {
                throw new IllegalArgumentException("no sensor unit '" + u + "'; units: " + String.join(", ", units));
            }
            return i;
        }).toArray();
        int[] kept = IntStream.range(0, featureNames.size()).filter(f -> featureSet == FeatureSet.ALL
                || featureSet.matches(featureNames.get(f).replaceFirst("^" + RELATIVE, ""))
                || featureNames.get(f).endsWith(DURATION)).toArray();
        List<String> names = new ArrayList<>();
        for (int u : index) {
            for (int f : kept) {
                names.add(ExerciseModel.unitFeatureName(units.get(u), featureNames.get(f)));
            }
        }
        int p = kept.length;
        double[][] x = java.util.Arrays.stream(selected).mapToObj(r -> {
            double[] row = new double[index.length * p];
            for (int k = 0; k < index.length; k++) {
                double[] source = features[index[k]][r];
                for (int f = 0; f < p; f++) {
                    row[k * p + f] = source[kept[f]];
                }
            }
            return row;
        }).toArray(double[][]::new);
        String[] rowLabels = java.util.Arrays.stream(selected).mapToObj(r -> labels[r]).toArray(String[]::new);
        String[] rowSubjects = java.util.Arrays.stream(selected).mapToObj(r -> subjects[r]).toArray(String[]::new);
        return LabelledData.of(task == Task.EXERCISE ? "exercise windows" : "repetitions", names, x, rowLabels, rowSubjects);
    }

    /** The pipeline that computed the features. */
    public ExercisePipeline pipeline() {
        return pipeline;
    }

    /** Whether the rows are windows (exercise) or repetitions (quality). */
    public Task task() {
        return task;
    }

    /** The sensor units, in order. */
    public List<String> units() {
        return units;
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
    }

    /** The recording of each row. */
    public String[] recordings() {
        return recordings.clone();
    }

    /** The subject of each row. */
    public String[] subjects() {
        return subjects.clone();
    }

    /** The label of each row (class or quality). */
    public String[] labels() {
        return labels.clone();
    }

    /** The class (exercise) of the recording of each row. */
    public String[] recordingClasses() {
        return classes.clone();
    }

    /** Start of each row, seconds from its recording's start. */
    public double[] starts() {
        return starts.clone();
    }

    /** Rows per label, in first-seen order. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }
}
