package formlab.posture;

import formlab.pose.reps.HysteresisRepCounter;
import formlab.pose.reps.PhaseRepCounter;
import formlab.pose.reps.RepSignals;
import formlab.pose.reps.Repetition;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import formlab.data.Settings;
import formlab.eval.CrossValidation;
import formlab.eval.Evaluation;
import formlab.model.Prediction;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseDatasets;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Squat phase and repetitions of any landmark sequence (a recording, or landmarks estimated from a
 * video or frame folder), two ways side by side:
 * <ul>
 *   <li>the exercise-correction squat-phase classifier ({@link ExerciseFormModels}, trained on the
 *       training file, measured on the test file) labels each frame {@code up} or {@code down},
 *       and {@link PhaseRepCounter} counts the down runs;</li>
 *   <li>{@link RepSignals#hipHeight} with {@link HysteresisRepCounter}, thresholds learnt from the
 *       labelled training file (5th percentile of the {@code up} frames, 0.4 torso lengths below).</li>
 * </ul>
 * This is what notebook 3.2 does step by step, as one object that can be applied to new files.
 * The sequence needs the joints of the squat files (the 33-landmark files from
 * {@code formlab.pose.estimate} have all of them).
 *
 * @param phases        the squat-phase classifier with its features
 * @param test          its evaluation on the test file
 * @param hipThresholds {enter below, exit above} in torso lengths
 */
public record SquatReps(PoseClassifier phases, Evaluation test, double[] hipThresholds) {

    /** Label of the bottom phase. */
    public static final String DOWN = "down";

    /** Label of the standing phase. */
    public static final String UP = "up";

    /** Shortest phase run that counts, in frames (shorter runs are flicker). */
    public static final int MIN_RUN = 3;

    /** Shortest active hip-height phase that counts, in frames. */
    public static final int MIN_ACTIVE = 5;

    /**
     * The squat counts of one sequence.
     *
     * @param phases        predicted phase per frame
     * @param fromPhases    repetitions counted from the predicted phases
     * @param hipHeight     hip height per frame (torso lengths; NaN where a joint is missing)
     * @param fromHipHeight repetitions counted from the hip height
     */
    public record Count(List<String> phases, List<Repetition> fromPhases, double[] hipHeight, List<Repetition> fromHipHeight) {
        /** One line: frames, frames down, both counts. */
        public String summary() {
            return String.format(Locale.ROOT, "%d frames, %d predicted down; repetitions: %d from phases, %d from hip height",
                    phases.size(), phases.stream().filter(DOWN::equals).count(), fromPhases.size(), fromHipHeight.size());
        }

        /** One row per frame: frame index, hip height, predicted phase (for plots). */
        public Table table() {
            return Table.create("Squat phases and hip height per frame",
                    IntColumn.create("frame", IntStream.range(0, phases.size()).toArray()),
                    DoubleColumn.create("hip height (torso lengths)", hipHeight),
                    StringColumn.create("phase", phases));
        }
    }

    /** Trains the phase classifier on {@code train} (seed 42) and tests it on {@code test}; learns the hip thresholds from {@code train}. */
    public static SquatReps train(PoseSequence train, PoseSequence test) {
        CrossValidation.HoldOutResult holdOut = ExerciseFormModels.holdOutByFile(List.of(train), List.of(test),
                ExerciseFormModels.extractorFor(List.of(train, test)), ExerciseFormModels.trainer(42));
        boolean[] down = new boolean[train.size()];
        for (int i = 0; i < down.length; i++) {
            down[i] = DOWN.equals(train.frames().get(i).label());
        }
        double[] thresholds = HysteresisRepCounter.thresholds(RepSignals.of(train, RepSignals::hipHeight), down, 5, 0.4);
        return new SquatReps(PoseClassifier.of(holdOut.model()), holdOut.evaluation(), thresholds);
    }

    /** Training frames kept in smoke mode ({@link Settings#smoke()}). */
    public static final int SMOKE_TRAIN_FRAMES = 1000;

    /**
     * Trained on the exercise-correction squat files ({@link PoseDatasets#exerciseCorrection}: the
     * real files under {@code FORMLAB_DATA_DIR}, else the MIT sample in {@code data/external});
     * in smoke mode on the first {@value #SMOKE_TRAIN_FRAMES} training frames only.
     */
    public static SquatReps standard() {
        PoseSequence train = PoseDatasets.exerciseCorrection(DatasetFile.SQUAT_TRAIN).sequences().getFirst();
        PoseSequence test = PoseDatasets.exerciseCorrection(DatasetFile.SQUAT_TEST).sequences().getFirst();
        return train(Settings.smoke() ? train.head(SMOKE_TRAIN_FRAMES) : train, test);
    }

    /** Phases and repetitions of {@code sequence} (frame labels are ignored). */
    public Count count(PoseSequence sequence) {
        List<String> predicted = phases.predictFrames(sequence).stream().map(Prediction::label).toList();
        double[] height = RepSignals.of(sequence, RepSignals::hipHeight);
        return new Count(predicted, new PhaseRepCounter(DOWN, UP, MIN_RUN).count(predicted), height,
                new HysteresisRepCounter(hipThresholds[0], hipThresholds[1], MIN_ACTIVE).count(height));
    }

    /** Repetitions in the labelled phases of {@code sequence} (for files that carry up/down labels). */
    public static List<Repetition> fromLabels(PoseSequence sequence) {
        return new PhaseRepCounter(DOWN, UP, MIN_RUN).count(sequence.frames().stream().map(PoseFrame::label).toList());
    }
}
