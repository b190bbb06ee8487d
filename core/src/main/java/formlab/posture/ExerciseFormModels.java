package formlab.posture;

import formlab.eval.CrossValidation;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.features.pose.CausalPooling;
import formlab.features.pose.PoseFeatureExtractor;
import formlab.features.pose.PoseFeatureSet;
import formlab.model.LabelledData;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.pose.Joint;
import formlab.pose.PoseNormalizer;
import formlab.pose.PoseSequence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Classifiers for the exercise-correction files (squat phase, curl form, plank form, lunge stage
 * and knee error). The files hold a subset of the landmarks, so the features are the standard
 * ones restricted to the joints present in every frame, plus a short causal window.
 *
 * <p>Splits: the files carry no subject or video ids. Where a separate test file exists the
 * model is trained on one file and tested on the other ({@link #holdOutByFile}). Where there is
 * one file, it is cut into takes at jumps of the body between frames
 * ({@link PoseSequence#splitAtJumps(double)}) and the takes are the groups of a k-fold
 * cross-validation ({@link #byTakes}); this keeps neighbouring frames of one video on one side,
 * as far as the cuts find the video boundaries.
 */
public final class ExerciseFormModels {

    /** Group column of hold-out tables: which file a row came from. */
    public static final String SPLIT = "split";

    /** Hip jump, in torso lengths between consecutive frames, that starts a new take. */
    public static final double TAKE_JUMP = 0.5;

    private ExerciseFormModels() {
    }

    /** Standard features restricted to the joints every frame of {@code sequences} has, plus a 5-frame causal window. */
    public static PoseFeatureExtractor extractorFor(List<PoseSequence> sequences) {
        Set<Joint> joints = EnumSet.allOf(Joint.class);
        sequences.forEach(s -> joints.retainAll(s.jointsInEveryFrame()));
        PoseFeatureSet features = PoseFeatureSet.standard().restrictTo(joints);
        return new PoseFeatureExtractor(PoseNormalizer.DEFAULT, features, List.of(CausalPooling.of(5)));
    }

    /** A seeded random forest (200 trees). */
    public static Trainer trainer(long seed) {
        return new SmileRandomForestTrainer(200, 0, 20, 200, 2, 1.0, seed);
    }

    /**
     * Trains on the {@code train} sequences and tests on the {@code test} sequences (different files).
     *
     * @return the model trained on {@code train} and its evaluation on {@code test}
     */
    public static CrossValidation.HoldOutResult holdOutByFile(List<PoseSequence> train, List<PoseSequence> test,
                                                                PoseFeatureExtractor extractor, Trainer trainer) {
        Table table = extractor.table("train", train);
        table.addColumns(constant(SPLIT, "train", table.rowCount()));
        Table testTable = extractor.table("test", test);
        testTable.addColumns(constant(SPLIT, "test", testTable.rowCount()));
        table.append(testTable);
        LabelledData data = new LabelledData(table, extractor.names(), PoseFeatureExtractor.LABEL, SPLIT);
        return CrossValidation.holdOut(trainer, data, GroupSplits.holdOut(data.groups(), List.of("test")));
    }

    /**
     * Cuts {@code file} into takes (at jumps, and at label changes when {@code labelPerRecording})
     * and cross-validates over {@code folds} groups of whole takes. The per-sequence vote is
     * reported when each take holds a single label.
     *
     * @param labelPerRecording true for form labels that stay constant within a recording (curl,
     *                          plank, lunge knee error), false for phase labels (lunge stage)
     */
    public static PoseEvaluation byTakes(PoseSequence file, boolean labelPerRecording, int folds, long seed, Trainer trainer,
                                         Progress progress) {
        List<PoseSequence> takes = file.splitIntoTakes(TAKE_JUMP, labelPerRecording);
        PoseFeatureExtractor extractor = extractorFor(List.of(file));
        Table table = extractor.table("takes", takes);
        LabelledData data = new LabelledData(table, extractor.names(), PoseFeatureExtractor.LABEL, PoseFeatureExtractor.SEQUENCE);
        return PoseEvaluation.run(trainer, data, GroupSplits.kFold(data.groups(), folds, seed), PoseFeatureExtractor.SEQUENCE,
                progress);
    }

    private static StringColumn constant(String name, String value, int rows) {
        List<String> values = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            values.add(value);
        }
        return StringColumn.create(name, values);
    }
}
