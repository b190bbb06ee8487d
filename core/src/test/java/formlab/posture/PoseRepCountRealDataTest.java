package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.dataset.DatasetDescriptions;
import formlab.eval.Progress;
import formlab.pose.io.DescribedPose;
import formlab.pose.io.DescribedPoses;
import formlab.posture.SalientPoseCounter.Labelling;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Repetition counts of RepCount landmark sequences by the salient-pose counter, leave-one-student-out on
 * four students (skipped without pose-repcount in FORMLAB_DATA_DIR).
 */
class PoseRepCountRealDataTest {

    private static final Set<String> STUDENTS = Set.of("stu2", "stu5", "stu6", "stu8");

    @Test
    void countsUnseenStudentsRepetitionsBetterThanThePeriodicPeer() throws IOException {
        Assumptions.assumeTrue(DataSettings.dataset("pose-repcount").isPresent(), "pose-repcount not available (FORMLAB_DATA_DIR)");
        List<DescribedPose> poses = DescribedPoses.load(DatasetDescriptions.builtIn("pose-repcount")).stream()
                .filter(p -> STUDENTS.contains(p.subject())).toList();
        PoseRepCountEvaluation evaluation = PoseRepCountEvaluation.leaveOneSubjectOut(poses,
                new PoseRepCountEvaluation.Settings(Labelling.defaults(), false, 30, 2, 42), Progress.none());
        assertEquals(poses.size(), evaluation.rows().size());
        // measured without the class (the default): MAE 0.274, within one 0.520, exact 0.380 (50 sequences, 3 training
        // students per fold, 2 inner folds, 30 trees; with the former regularity rule for the smoothing 0.383, 0.560,
        // 0.300); the periodic counter's Python peer has MAE 0.423 and within one 0.379 on all ten students
        assertTrue(evaluation.meanRelativeError() <= 0.40, evaluation.text());
        assertTrue(evaluation.withinOne() >= 0.45, evaluation.text());
        // a count of zero everywhere has relative error 1: every exercise must stay clear of it (worst seen: bench
        // presses 0.47; with the former rule pull-ups 0.70, where one 2-repetition video, stu6_30, counted many times
        // over holds most of the error)
        assertTrue(evaluation.perExercise().values().stream().allMatch(e -> e.meanRelativeError() <= 0.8), evaluation.text());
    }
}
