package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.dataset.DatasetDescriptions;
import formlab.eval.Progress;
import formlab.features.pose.PoseWindowFeatures;
import formlab.pose.io.DescribedPose;
import formlab.pose.io.DescribedPoses;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Exercise type of RepCount landmark sequences from the built-in description, by leave-one-subject-out
 * on four students (skipped without the data in FORMLAB_DATA_DIR).
 */
class PoseDatasetTrainingTest {

    private static final Set<String> SUBJECTS = Set.of("stu2", "stu5", "stu6", "stu8");

    private static List<DescribedPose> repCount() throws IOException {
        Assumptions.assumeTrue(DataSettings.dataset("pose-repcount").isPresent(), "pose-repcount not available (FORMLAB_DATA_DIR)");
        return DescribedPoses.load(DatasetDescriptions.builtIn("pose-repcount"));
    }

    @Test
    void readsEverySequenceWithItsSubjectClassAndLandmarks() throws IOException {
        List<DescribedPose> poses = repCount();
        assertEquals(103, poses.size());
        assertEquals(10, new TreeSet<>(poses.stream().map(DescribedPose::subject).toList()).size());
        assertEquals(9, new TreeSet<>(poses.stream().map(DescribedPose::label).toList()).size());
        DescribedPose first = poses.getFirst();
        assertEquals(List.of("x", "y", "z"), first.coordinates());
        assertEquals(33, first.frames()[0].length);
        assertTrue(poses.stream().allMatch(p -> !p.repetitions().isEmpty()), "every video has its repetitions");
    }

    @Test
    void mirroredWindowsHaveTheSameFeatures() throws IOException {
        double[][][] frames = repCount().get(10).frames();
        double[][][] mirrored = new double[60][][];
        for (int t = 0; t < 60; t++) {
            mirrored[t] = new double[33][];
            for (int j = 0; j < 33; j++) {
                int other = formlab.pose.Joint.byIndex(j).mirror().index();
                double[] landmark = frames[t + 100][other].clone();
                landmark[0] = 1 - landmark[0];
                mirrored[t][j] = landmark;
            }
        }
        double[] a = PoseWindowFeatures.of(java.util.Arrays.copyOfRange(frames, 100, 160), 0, 60);
        double[] b = PoseWindowFeatures.of(mirrored, 0, 60);
        assertEquals(PoseWindowFeatures.featureNames().size(), a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-9, PoseWindowFeatures.featureNames().get(i));
        }
    }

    @Test
    void leaveOneSubjectOutRecognisesMostVideos() throws IOException {
        List<DescribedPose> poses = repCount().stream().filter(p -> SUBJECTS.contains(p.subject())).toList();
        PoseDatasetTraining.Result result = PoseDatasetTraining.evaluate(poses,
                new PoseDatasetTraining.Settings(30, 15, 100, 42), Progress.none());
        assertEquals(poses.size(), result.sequences());
        assertEquals(4, result.perSequence().groupAccuracies().size());
        // 9 classes (chance about 0.11); measured 0.86 per video, 0.765 per window (100 trees)
        assertTrue(result.perSequence().accuracy() >= 0.75, result.summary());
        assertTrue(result.perWindow().accuracy() >= 0.65, result.summary());
        assertTrue(result.perSequence().accuracy() > result.perWindow().accuracy() - 0.05, result.summary());
    }
}
