package formlab.exercise;

import formlab.imu.dataset.DescribedImuRecording;
import formlab.model.LabelledData;
import formlab.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Batch scoring of recordings read through a dataset description with a {@link DescribedImuModel}:
 * the windows of training ({@link DescribedImuWindows#windows}, every unit the model reads), each
 * window's probabilities, its rest decision (the most probable class is a rest class) and the causal
 * decision a live tracker would show ({@link WindowDecisions}); per recording the class with the
 * highest mean probability over its exercise windows (as the evaluation decides a recording) and its
 * repetitions counted with that class's rule.
 */
public final class DescribedImuScoring {

    private DescribedImuScoring() {
    }

    /**
     * One scored window.
     *
     * @param index        window number in its recording
     * @param startSeconds seconds from the recording's start
     * @param raw          the classifier's most probable class
     * @param rest         whether the window is rest
     * @param step         the causal decision shown live
     */
    public record Window(int index, double startSeconds, Prediction raw, boolean rest, WindowDecisions.Step step) {
    }

    /**
     * One scored recording.
     *
     * @param recording  what was scored
     * @param windows    its windows
     * @param label      the class with the highest mean probability over the exercise windows ({@code rest} when
     *                   every window is rest, {@code -} when the recording is shorter than one window)
     * @param confidence that mean probability
     * @param reps       repetitions counted with the class's rule, -1 when the model has no rule for it
     */
    public record Scored(DescribedImuRecording recording, List<Window> windows, String label, double confidence, int reps) {

        /** Windows decided rest. */
        public long restWindows() {
            return windows.stream().filter(Window::rest).count();
        }
    }

    /** Scores every recording (each must have the model's units: {@link DescribedImuModel#check}). */
    public static List<Scored> score(DescribedImuModel model, List<DescribedImuRecording> recordings) {
        DescribedImuWindows rows = DescribedImuWindows.windows(recordings, model.units(), model.pipeline());
        LabelledData data = rows.data(model.units());
        List<String> names = model.classifier().featureNames();
        int[] index = names.stream().mapToInt(name -> {
            int at = data.features().indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException("model " + model.card().id() + " needs feature '" + name
                        + "', which the pipeline does not compute");
            }
            return at;
        }).toArray();
        double[][] all = data.x();
        double[][] x = new double[all.length][];
        for (int r = 0; r < all.length; r++) {
            x[r] = new double[index.length];
            for (int f = 0; f < index.length; f++) {
                x[r][f] = all[r][index[f]];
            }
        }
        double[][] probabilities = model.classifier().probabilities(x);
        String[] ids = rows.recordings();
        double[] starts = rows.starts();
        List<String> classes = model.classifier().classes();
        List<Scored> scored = new ArrayList<>();
        int r = 0;
        for (DescribedImuRecording recording : recordings) {
            WindowDecisions decisions = new WindowDecisions(classes, DescribedImuModel.SMOOTHING_WINDOWS,
                    ExerciseTraining.REST_WINDOWS_TO_END_SET);
            List<Window> windows = new ArrayList<>();
            double[] sum = new double[classes.size()];
            int exercise = 0;
            for (int i = 0; r < ids.length && ids[r].equals(recording.id()); r++, i++) {
                boolean rest = ExerciseModel.restByClass(model.restClasses(), classes, probabilities[r]).rest();
                windows.add(new Window(i, starts[r], Prediction.of(classes, probabilities[r]), rest,
                        decisions.next(probabilities[r], rest)));
                if (!rest) {
                    exercise++;
                    for (int c = 0; c < sum.length; c++) {
                        sum[c] += probabilities[r][c];
                    }
                }
            }
            if (windows.isEmpty()) { // shorter than one window
                scored.add(new Scored(recording, windows, "-", Double.NaN, -1));
                continue;
            }
            if (exercise == 0) {
                scored.add(new Scored(recording, windows, WindowDecisions.REST, 1.0, -1));
                continue;
            }
            Prediction verdict = Prediction.of(classes, sum);
            DescribedImuRepetitions.Rule rule = model.repRules().get(verdict.label());
            int reps = rule == null ? -1 : DescribedImuRepetitions.count(recording, rule);
            scored.add(new Scored(recording, windows, verdict.label(), verdict.confidence() / exercise, reps));
        }
        return scored;
    }

    /**
     * The repetition counts of the scored recordings whose count the description gives and whose class
     * has rules in {@code model}, as {@link DescribedImuRepetitions} rows (so the same exact, within-one
     * and MAE summary); the rules were chosen on these recordings at training, so this is no held-out
     * measure ({@link DescribedImuRepetitions#leaveOneSubjectOut} is).
     */
    public static DescribedImuRepetitions counts(List<Scored> scored, DescribedImuModel model) {
        List<DescribedImuRepetitions.Row> rows = new ArrayList<>();
        for (Scored s : scored) {
            DescribedImuRepetitions.Rule rule = model.repRules().get(s.label());
            if (s.reps() >= 0 && s.recording().count() != null && rule != null) {
                rows.add(new DescribedImuRepetitions.Row(s.recording().id(), s.recording().subject(), s.recording().label(),
                        s.recording().count(), s.reps(), rule.unit(), rule.parameters().getFirst().toString(),
                        rule.parameters().size()));
            }
        }
        return new DescribedImuRepetitions(rows);
    }

    /**
     * One row per window: recording, subject, window, window_start_s, label (as shown live), confidence,
     * raw_label, raw_confidence, rest, recording_label, recording_reps.
     */
    public static Table windowTable(List<Scored> scored) {
        ScoredWindowTable table = new ScoredWindowTable(List.of("recording", "subject"), "recording", false);
        for (Scored s : scored) {
            for (Window w : s.windows()) {
                table.add(java.util.Arrays.asList(s.recording().id(), s.recording().subject()), w.index(), w.startSeconds(), w.step(),
                        w.raw(), w.rest(), null, s.label(), s.reps());
            }
        }
        return table.table();
    }

    /**
     * One row per recording: recording, subject, windows, rest_windows, label, confidence, reps (-1: not
     * counted), and what the description says: true_label and true_reps (-1 when unknown).
     */
    public static Table recordingTable(List<Scored> scored) {
        StringColumn recording = StringColumn.create("recording");
        StringColumn subject = StringColumn.create("subject");
        IntColumn windows = IntColumn.create("windows");
        IntColumn restWindows = IntColumn.create("rest_windows");
        StringColumn label = StringColumn.create("label");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        IntColumn reps = IntColumn.create("reps");
        StringColumn truth = StringColumn.create("true_label");
        IntColumn trueReps = IntColumn.create("true_reps");
        for (Scored s : scored) {
            recording.append(s.recording().id());
            subject.append(s.recording().subject());
            windows.append(s.windows().size());
            restWindows.append((int) s.restWindows());
            label.append(s.label());
            confidence.append(s.confidence());
            reps.append(s.reps());
            truth.append(s.recording().label());
            trueReps.append(s.recording().count() == null ? -1 : s.recording().count());
        }
        return Table.create("Scored recordings", recording, subject, windows, restWindows, label, confidence, reps, truth,
                trueReps);
    }
}
