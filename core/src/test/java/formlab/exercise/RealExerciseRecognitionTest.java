package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.eval.Progress;
import formlab.imu.dataset.ImuDatasets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Exercise recognition on the real barbell recordings, leave one participant out, with one fixed
 * candidate (5 s windows, orientation-robust features, 40 trees, bench/ohp re-decided on the
 * movement features; no search, so it runs in seconds). The full nested search is the
 * {@code formlab evaluate} command.
 */
class RealExerciseRecognitionTest {

    @Test
    void recognisesLiftsOfUnseenParticipantsAndGatesRestWithoutRestLabels() {
        Assumptions.assumeTrue(KnownDataset.IMU_BARBELL.path().isPresent(), "real barbell data not configured");
        var space = ExerciseEvaluation.SearchSpace.quick();
        ExerciseData data = ExerciseData.build(ImuDatasets.barbell(), ExercisePipeline.defaults(), space.windows(), null, Progress.none());
        ExerciseEvaluation evaluation = ExerciseEvaluation.leaveOneParticipantOut(data, space, Progress.none());
        assertEquals(4, evaluation.folds().size());
        assertEquals(57, evaluation.setEvaluation(false).size(), "57 lift sets, bad-form sets excluded");
        // issue 4's target: 0.95 per window, mean over participants
        assertTrue(evaluation.meanWindowAccuracy() > 0.95, evaluation.toString());
        assertTrue(evaluation.meanSetAccuracy() > 0.95, evaluation.toString());
        // bench and overhead press are what remains hard: every wrong set is one of them
        assertTrue(evaluation.wrongSets().stringColumn("true").asList().stream().allMatch(t -> t.equals("bench") || t.equals("ohp")),
                evaluation.wrongSets().print());
        // rest: only A recorded it, and the gate (fitted on B, C, D exercise windows) finds most of it
        var summary = evaluation.summary();
        assertTrue(summary.get("rest_recall") > 0.5, summary.toString());
        assertTrue(summary.get("rest_precision") > 0.9, summary.toString());

        // the movement stage is what fixes participant A, whose bench sets of 2019-01-14 have the
        // forearm (or the sensor) tilted so that their posture looks like an overhead press
        var quick = ExerciseEvaluation.SearchSpace.quick();
        var withoutMovement = ExerciseEvaluation.leaveOneParticipantOut(data, new ExerciseEvaluation.SearchSpace(quick.windows(),
                quick.featureSets(), quick.hyperparameters(), quick.seed(), quick.smoothing(), quick.gateQuantile()), Progress.none());
        double a = evaluation.folds().getFirst().windows().accuracy();
        double aWithout = withoutMovement.folds().getFirst().windows().accuracy();
        assertTrue(a > aWithout + 0.03, "A: " + a + " with the movement stage, " + aWithout + " without");
    }
}
