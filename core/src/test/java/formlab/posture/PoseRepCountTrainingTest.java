package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.dataset.DatasetDescriptions;
import formlab.eval.Progress;
import formlab.pose.io.DescribedPose;
import formlab.pose.io.DescribedPoses;
import formlab.posture.SalientPoseCounter.Labelling;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The salient-pose counter trained on three RepCount students, registered, loaded back and counting a
 * fourth student's sequences (skipped without pose-repcount in FORMLAB_DATA_DIR).
 */
class PoseRepCountTrainingTest {

    private static final Set<String> TRAINING = Set.of("stu2", "stu5", "stu8");
    private static final String HELD_OUT = "stu6";

    @TempDir
    Path dir;

    @Test
    void registersALoadableCounterThatCountsAnUnseenStudent() throws Exception {
        Assumptions.assumeTrue(DataSettings.dataset("pose-repcount").isPresent(), "pose-repcount not available (FORMLAB_DATA_DIR)");
        List<DescribedPose> poses = DescribedPoses.load(DatasetDescriptions.builtIn("pose-repcount"));
        List<DescribedPose> training = poses.stream().filter(p -> TRAINING.contains(p.subject())).toList();
        List<DescribedPose> unseen = poses.stream().filter(p -> p.subject().equals(HELD_OUT)).toList();
        var settings = new PoseRepCountEvaluation.Settings(Labelling.defaults(), true, 10, 2, 42);
        PoseRepCountTraining.Result result = PoseRepCountTraining.train(training, settings, Progress.none());
        assertEquals(training.size(), result.counts().rows().size(), "every training sequence counted leave-one-subject-out");
        assertEquals(List.of("stu2", "stu5", "stu8"), result.rows().groupNames());

        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        ModelCard card = PoseRepCountTraining.register(registry, "repcount-reps", "repetitions", result, settings,
                Map.of("description", "pose-repcount"), List.of());
        assertEquals(List.of(SalientPoseCounter.BOUNDARY, SalientPoseCounter.MIDDLE), card.classes());
        assertEquals(10, card.recipe().pipeline().get("trees"));
        assertEquals(true, card.recipe().pipeline().get("exerciseContext"));
        // with the class as context every training exercise has thresholds of its own, kept in the card
        assertEquals(new java.util.TreeSet<>(training.stream().map(DescribedPose::label).toList()),
                result.counter().perExercise().keySet());
        assertEquals(result.counts().withinOne(), card.metric("count_within_one").orElseThrow().value(), 1e-12);
        assertEquals(result.frames().accuracy(), card.metric("accuracy").orElseThrow().value(), 1e-12);

        SalientPoseCounter loaded = PoseRepCountTraining.load(registry, "repcount-reps", 1);
        assertEquals(result.counter().thresholds(), loaded.thresholds());
        assertEquals(result.counter().perExercise(), loaded.perExercise());
        double error = 0;
        StringBuilder counts = new StringBuilder();
        for (DescribedPose pose : unseen) {
            int counted = loaded.count(pose.frames(), pose.label());
            assertEquals(result.counter().count(pose.frames(), pose.label()), counted, "the loaded counter counts as trained");
            int truth = pose.repetitions().size();
            error += Math.abs(counted - truth) / (double) truth / unseen.size();
            counts.append(pose.id()).append(' ').append(truth).append('/').append(counted).append("; ");
        }
        // a count of zero everywhere has relative error 1; three students and ten trees stay well below it
        assertTrue(error <= 0.6, "mean relative error " + error + ": " + counts);
        System.out.println("held-out " + HELD_OUT + " (true/counted): " + counts + "mean relative error " + error);
    }
}
