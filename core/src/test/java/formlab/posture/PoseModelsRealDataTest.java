package formlab.posture;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.eval.CrossValidation;
import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.pose.MovementOnset;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseData;
import formlab.pose.io.PoseDatasets;
import formlab.registry.ModelRegistry;
import formlab.registry.TrainingRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pose models on the real datasets, at reduced size (skipped without FORMLAB_DATA_DIR). */
class PoseModelsRealDataTest {

    @TempDir
    Path dir;

    @Test
    void yogaPosesOfUnseenParticipantsAreRecognisedAndTheModelScoresFiles() throws Exception {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available");
        PoseData data = PoseDatasets.posePilot(root, true); // camera 0 only
        LabelledData table = YogaPoseModel.data(data.sequences(), YogaPoseModel.extractor());
        var trainer = YogaPoseModel.trainer(30, 42);
        PoseEvaluation evaluation = YogaPoseModel.leaveOneParticipantOut(table, trainer, Progress.none());
        // chance is 1/6; the full run (4 cameras, 150 trees) is reported by PoseModelResults
        assertEquals(35, evaluation.perSequence().orElseThrow().size());
        assertTrue(evaluation.frames().accuracy() > 0.65, evaluation.summary());
        assertTrue(evaluation.perSequence().orElseThrow().accuracy() > 0.85, evaluation.summary());
        assertEquals(6, evaluation.frames().groupAccuracies().size());
        var byProgress = evaluation.accuracyByProgress(5);
        assertEquals(table.size(), (int) byProgress.intColumn("frames").sum());
        assertTrue(byProgress.doubleColumn("accuracy").get(0) < byProgress.doubleColumn("accuracy").get(4),
                "the neutral start of the videos is harder than their end: " + byProgress.print());
        assertEquals(35, evaluation.sequenceTable().rowCount());

        PoseLabelAudit audit = PoseLabelAudit.of(evaluation, data.sequences(), MovementOnset.DEFAULT, 15);
        assertEquals(table.size(), audit.frames());
        double before = audit.framesBeforeOnset() / (double) audit.frames();
        assertTrue(before > 0.15 && before < 0.5, "every video starts standing still: " + audit.summary().print());
        assertTrue(audit.accuracy(false) > audit.accuracy(true) + 0.1, audit.summary().print());
        // P1's tree file ends lying prone (notebook 3.2 draws it): a model that never saw P1 calls it cobra
        assertTrue(audit.segments().stream().anyMatch(s -> s.sequence().equals("tree/cam_0/P1")
                && s.predicted().equals("cobra") && s.frames() >= 40), audit.segmentTable().print());
        var timeline = PoseAuditPictures.timeline(audit.videos(), audit.classes());
        var oneRow = PoseAuditPictures.timeline(audit.videos().subList(0, 1), audit.classes());
        int extraRows = timeline.getHeight() - oneRow.getHeight();
        assertTrue(extraRows > 0 && extraRows % 34 == 0, "one row of equal height per video: " + extraRows);
        var skeletons = PoseAuditPictures.segments(audit.segments(), data.sequences(), 8, 4);
        assertEquals(Math.min(2, (audit.segments().size() + 3) / 4), skeletons.getHeight() / 260);

        TrainingRun run = YogaPoseModel.trainingRun(table, trainer, evaluation);
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), dir);
        registry.register(YogaPoseModel.REGISTRY_NAME, run, List.of(root.resolve("tree/cam_0/P2.csv")));
        SequenceScore score = PoseScoring.score(root.resolve("tree/cam_0/P2.csv"), registry);
        assertEquals("tree", score.label(), "a file the model was trained on: " + score);
        assertTrue(score.confidence() > 0.5);
        assertThrows(IllegalStateException.class,
                () -> PoseScoring.yogaModel(new ModelRegistry(dir.resolve("empty"), dir)));
    }

    @Test
    void squatPhaseOfTheTestFileIsRecognised() {
        Path root = KnownDataset.POSE_EXERCISE_CORRECTION.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-exercise-correction not available");
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader();
        PoseSequence train = reader.read(DatasetFile.SQUAT_TRAIN.in(root)).sequence();
        PoseSequence test = reader.read(DatasetFile.SQUAT_TEST.in(root)).sequence();
        var extractor = ExerciseFormModels.extractorFor(List.of(train, test));
        assertFalse(extractor.names().contains("angle_left_elbow_2d"), "the squat files have no arms");
        CrossValidation.HoldOutResult result = ExerciseFormModels.holdOutByFile(List.of(train), List.of(test), extractor,
                ExerciseFormModels.trainer(42));
        assertEquals(853, result.evaluation().size());
        assertTrue(result.evaluation().accuracy() >= 0.95, "squat phase accuracy " + result.evaluation().accuracy());
    }

    @Test
    void curlFormIsCrossValidatedOverTakes() {
        Path root = KnownDataset.POSE_EXERCISE_CORRECTION.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-exercise-correction not available");
        PoseSequence curl = new ExerciseCorrectionReader().read(DatasetFile.CURL_TEST.in(root)).sequence();
        assertEquals(12, curl.splitIntoTakes(ExerciseFormModels.TAKE_JUMP, true).size());
        PoseEvaluation evaluation = ExerciseFormModels.byTakes(curl, true, 4, 42, ExerciseFormModels.trainer(42), Progress.none());
        assertEquals(604, evaluation.frames().size());
        assertTrue(evaluation.frames().balancedAccuracy() > 0.8, evaluation.summary());
    }
}
