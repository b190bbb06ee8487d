package formlab.exercise;

import formlab.imu.ImuDataException;
import formlab.imu.ImuRecording;
import formlab.imu.Exercise;
import formlab.imu.reps.RepCount;
import formlab.imu.reps.RepCounter;
import formlab.imu.signal.Window;
import formlab.model.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Batch scoring of recordings with an {@link ExerciseModel}: every window's probabilities (features
 * through the {@code ImuFeatures} table path), the rest gate and the causal decisions a live
 * tracker would show ({@link WindowDecisions}), plus one verdict per recorded set: the exercise
 * with the highest mean probability over its exercise windows, and its repetitions counted with
 * that exercise's rules (median) on the whole set.
 */
public final class ExerciseScoring {

    private ExerciseScoring() {
    }

    /**
     * One scored window.
     *
     * @param index         window number in the recording
     * @param startSeconds  seconds from the recording's first aligned sample
     * @param startMillis   epoch time of the first sample
     * @param probabilities classifier probabilities (model class order)
     * @param raw           the classifier's own arg-max
     * @param gate          the rest gate's verdict
     * @param step          the causal decision shown live
     */
    public record WindowScore(int index, double startSeconds, double startMillis, double[] probabilities, Prediction raw,
                              RestGate.Decision gate, WindowDecisions.Step step) {
    }

    /**
     * One scored recording (a set).
     *
     * @param recording  what was scored
     * @param windows    its windows
     * @param label      the set's exercise ({@code rest} when every window was rest)
     * @param confidence mean probability of that exercise over the exercise windows
     * @param reps       repetitions counted with that exercise's rule (null for rest)
     */
    public record SetScore(ImuRecording recording, List<WindowScore> windows, String label, double confidence, RepCount reps) {

        /** Repetitions counted, 0 for rest. */
        public int repCount() {
            return reps == null ? 0 : reps.count();
        }

        /** Windows the gate called rest. */
        public long restWindows() {
            return windows.stream().filter(w -> w.gate().rest()).count();
        }
    }

    /** Scores one recording. */
    public static SetScore score(ExerciseModel model, ImuRecording recording) {
        List<List<Window>> segments = model.pipeline().windowsBySegment(recording);
        List<Window> all = segments.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            Path file = recording.sources().isEmpty() ? Path.of(recording.info().id())
                    : recording.sources().getFirst();
            throw new ImuDataException(ImuDataException.Problem.SET_TOO_SHORT, file, String.format(java.util.Locale.ROOT,
                    "set %s lasts %.1f s, shorter than one %.1f s window of the model; nothing to score (record at least"
                            + " one window, or leave the set out)", recording.info().id(), recording.overlapSeconds(),
                    model.pipeline().window().lengthSeconds()));
        }
        double[][] features = features(model, all);
        WindowDecisions decisions = model.decisions();
        List<WindowScore> scores = new ArrayList<>();
        double[] sum = new double[model.classes().size()];
        int exerciseWindows = 0;
        int i = 0;
        for (List<Window> segment : segments) {
            decisions.restart();
            for (Window window : segment) {
                double[] probabilities = model.probabilities(features[i]);
                RestGate.Decision gate = model.rest(features[i], probabilities);
                WindowDecisions.Step step = decisions.next(probabilities, gate.rest());
                scores.add(new WindowScore(i, window.startSeconds(), window.startMillis(), probabilities,
                        Prediction.of(model.classes(), probabilities), gate, step));
                if (!gate.rest()) {
                    exerciseWindows++;
                    for (int c = 0; c < sum.length; c++) {
                        sum[c] += probabilities[c];
                    }
                }
                i++;
            }
        }
        if (exerciseWindows == 0) {
            return new SetScore(recording, scores, WindowDecisions.REST, 1.0, null);
        }
        Prediction set = Prediction.of(model.classes(), sum);
        double confidence = set.confidence() / exerciseWindows;
        // the barbell model's rules for its exercise, or a described model's rules for its class (none: not counted)
        Exercise exercise = Exercise.fromLabel(set.label());
        List<formlab.imu.reps.RepCountParameters> rules = model.repRules() == null ? model.repRulesFor(set.label())
                : exercise == null ? List.of() : model.repRules().rulesFor(exercise);
        RepCount reps = rules.isEmpty() ? null : RepCounter.count(RepCounter.uniformAccelerometer(recording,
                model.countRateHz()), model.countRateHz(), rules);
        return new SetScore(recording, scores, set.label(), confidence, reps);
    }

    /** Pipeline features of every window, through the table path (parallel), in window order. */
    static double[][] features(ExerciseModel model, List<Window> windows) {
        Table table = model.pipeline().featureTable(windows);
        List<String> names = model.pipeline().featureNames();
        double[][] rows = new double[windows.size()][names.size()];
        for (int f = 0; f < names.size(); f++) {
            double[] column = table.numberColumn(names.get(f)).asDoubleArray();
            for (int r = 0; r < rows.length; r++) {
                rows[r][f] = column[r];
            }
        }
        return rows;
    }

    /**
     * One row per window: file, set_id, window, window_start_s, label (as shown live), confidence,
     * raw_label, raw_confidence, rest, gate_reason, set_label, set_reps.
     */
    public static Table windowTable(List<SetScore> sets) {
        ScoredWindowTable table = new ScoredWindowTable(List.of("file", "set_id"), "set", true);
        for (SetScore set : sets) {
            for (WindowScore w : set.windows()) {
                table.add(List.of(fileName(set.recording()), set.recording().info().id()), w.index(), w.startSeconds(),
                        w.step(), w.raw(), w.gate().rest(), w.gate().reason(), set.label(), set.repCount());
            }
        }
        return table.table();
    }

    /**
     * One row per set: file, set_id, windows, rest_windows, label, confidence, reps, and from the
     * file name (when known) true_exercise and protocol_reps (-1 when none).
     */
    public static Table setTable(List<SetScore> sets) {
        StringColumn file = StringColumn.create("file");
        StringColumn setId = StringColumn.create("set_id");
        IntColumn windows = IntColumn.create("windows");
        IntColumn restWindows = IntColumn.create("rest_windows");
        StringColumn label = StringColumn.create("label");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        IntColumn reps = IntColumn.create("reps");
        StringColumn truth = StringColumn.create("true_exercise");
        IntColumn protocol = IntColumn.create("protocol_reps");
        for (SetScore set : sets) {
            file.append(fileName(set.recording()));
            setId.append(set.recording().info().id());
            windows.append(set.windows().size());
            restWindows.append((int) set.restWindows());
            label.append(set.label());
            confidence.append(set.confidence());
            reps.append(set.repCount());
            truth.append(set.recording().info().exercise().label());
            protocol.append(set.recording().info().expectedReps().orElse(-1));
        }
        return Table.create("Scored sets", file, setId, windows, restWindows, label, confidence, reps, truth, protocol);
    }

    private static String fileName(ImuRecording recording) {
        return recording.sources().isEmpty() ? "" : recording.sources().getFirst().getFileName().toString();
    }
}
