package formlab.posture;

import formlab.data.KnownDataset;
import formlab.eval.CrossValidation;
import formlab.eval.Progress;
import formlab.features.pose.PoseFeatureExtractor;
import formlab.model.LabelledData;
import formlab.pose.MovementOnset;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseDatasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the measured results of the pose classifiers on the real datasets (a benchmark command,
 * not a test): PosePilot leave-one-participant-out per frame and per video, squat phase trained
 * on the train file and tested on the test file, plank tested on the Kaggle file, and curl and
 * lunge cross-validated over takes. Needs {@code FORMLAB_DATA_DIR}.
 *
 * <pre>java -cp lib/target/classes:lib/target/dependency/* formlab.posture.PoseModelResults [yoga|yoga-per-frame|exercise|all] [trees]</pre>
 *
 * {@code yoga-per-frame} runs the yoga evaluation without the causal mean (current frame only), for comparison.
 */
public final class PoseModelResults {

    private PoseModelResults() {
    }

    /** Runs the evaluations named by the first argument (default all). */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int trees = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        long start = System.nanoTime();
        if (which.equals("yoga") || which.equals("all")) {
            yoga(trees, YogaPoseModel.extractor());
        }
        if (which.equals("yoga-per-frame")) {
            yoga(trees, PoseFeatureExtractor.perFrame());
        }
        if (which.equals("exercise") || which.equals("all")) {
            exercise();
        }
        System.out.printf(Locale.ROOT, "done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void yoga(int trees, PoseFeatureExtractor extractor) {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path()
                .orElseThrow(() -> new IllegalStateException("set FORMLAB_DATA_DIR to the folder holding pose-yoga-posepilot"));
        List<PoseSequence> sequences = PoseDatasets.posePilot(root, false).sequences();
        LabelledData data = YogaPoseModel.data(sequences, extractor);
        System.out.println("PosePilot: " + data.size() + " frames, " + sequences.size() + " videos, "
                + data.features().size() + " features, random forest of " + trees + " trees");
        PoseEvaluation evaluation = YogaPoseModel.leaveOneParticipantOut(data, YogaPoseModel.trainer(trees, 42), Progress.stdout());
        System.out.println("PosePilot leave-one-participant-out " + evaluation.summary());
        System.out.println("per participant (frames): " + evaluation.frames().groupAccuracies());
        System.out.println(evaluation.accuracyByProgress(10).print());
        evaluation.wrongSequences().forEach(s -> System.out.println("  wrong video " + s.sequence() + " -> " + s.label() + " " + s.votes()));
        PoseLabelAudit audit = PoseLabelAudit.of(evaluation, sequences, MovementOnset.DEFAULT, AUDIT_MIN_RUN);
        System.out.println(audit.summary().print());
        audit.outvotedVideos().forEach(v -> System.out.println("  outvoted: " + v.sequence() + " has " + v.largestOther()
                + " frames called " + v.largestOtherPose() + " in long runs, " + v.labelFrames() + " called " + v.fileLabel()));
    }

    /** Shortest run of another pose the audit reports, in frames. */
    static final int AUDIT_MIN_RUN = 15;

    private static void exercise() {
        Path root = KnownDataset.POSE_EXERCISE_CORRECTION.path()
                .orElseThrow(() -> new IllegalStateException("set FORMLAB_DATA_DIR to the folder holding pose-exercise-correction"));
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader();
        PoseSequence squatTrain = reader.read(DatasetFile.SQUAT_TRAIN.in(root)).sequence();
        PoseSequence squatTest = reader.read(DatasetFile.SQUAT_TEST.in(root)).sequence();
        CrossValidation.HoldOutResult squat = ExerciseFormModels.holdOutByFile(List.of(squatTrain), List.of(squatTest),
                ExerciseFormModels.extractorFor(List.of(squatTrain, squatTest)), ExerciseFormModels.trainer(42));
        System.out.printf(Locale.ROOT, "squat phase (train file -> test file): accuracy %.4f, balanced %.4f (%d test frames)%n",
                squat.evaluation().accuracy(), squat.evaluation().balancedAccuracy(), squat.evaluation().size());

        PoseSequence plank = reader.read(DatasetFile.PLANK_TEST.in(root)).sequence();
        PoseSequence kaggle = reader.read(DatasetFile.PLANK_KAGGLE.in(root)).sequence();
        CrossValidation.HoldOutResult plankOnKaggle = ExerciseFormModels.holdOutByFile(List.of(plank), List.of(kaggle),
                ExerciseFormModels.extractorFor(List.of(plank, kaggle)), ExerciseFormModels.trainer(42));
        System.out.printf(Locale.ROOT, "plank form (test.csv -> kaggle.csv, all 'C'): accuracy %.4f (%d images)%n",
                plankOnKaggle.evaluation().accuracy(), plankOnKaggle.evaluation().size());

        for (DatasetFile file : List.of(DatasetFile.PLANK_TEST, DatasetFile.CURL_TEST, DatasetFile.LUNGE_STAGE_TEST,
                DatasetFile.LUNGE_ERROR_TEST)) {
            PoseSequence sequence = reader.read(file.in(root)).sequence();
            boolean labelPerRecording = file != DatasetFile.LUNGE_STAGE_TEST;
            int takes = sequence.splitIntoTakes(ExerciseFormModels.TAKE_JUMP, labelPerRecording).size();
            PoseEvaluation evaluation = ExerciseFormModels.byTakes(sequence, labelPerRecording, 5, 42,
                    ExerciseFormModels.trainer(42), Progress.none());
            System.out.println(file + " (" + takes + " takes, 5-fold by take): " + evaluation.summary());
        }
    }
}
