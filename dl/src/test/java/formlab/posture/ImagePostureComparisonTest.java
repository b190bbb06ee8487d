package formlab.posture;

import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import formlab.data.DataSettings;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.Split;
import formlab.image.SplitRatios;
import formlab.image.PreparedImages;
import formlab.cnn.CnnConfig;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.CnnModelCard;
import formlab.cnn.CnnTrainer;
import formlab.cnn.CnnTrainingRun;
import formlab.cnn.TrainingProgress;
import formlab.pose.io.PoseDatasets;
import formlab.cnn.ImageCnnRegistration;
import formlab.registry.ModelRegistry;

/**
 * Landmark route vs CNN on real photos, with small models (a 10-tree forest on one PosePilot
 * camera, a one-epoch CNN), so this checks the bookkeeping and the invariants, not the accuracy.
 */
class ImagePostureComparisonTest {

    @Test
    void restrictingToTheSharedClassesRenormalisesAndKeepsTheirOrder() {
        double[] p = {0.1, 0.3, 0.2, 0.4};
        double[] r = ImagePostureComparison.restrict(p, new int[] {3, 1});
        assertArrayEquals(new double[] {0.4 / 0.7, 0.3 / 0.7}, r, 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, ImagePostureComparison.restrict(new double[] {1, 0, 0}, new int[] {1, 2}), 1e-12);
        assertEquals("downdog", ImagePostureComparison.poseName("Adho Mukha Svanasana"));
        assertEquals("BALASANA", ImagePostureComparison.poseName("BALASANA"));
    }

    @Test
    void bothRoutesScoreTheSameTestPhotosAndTheRegisteredCnnIsReused(@TempDir Path dir) throws Exception {
        PoseModels models = PoseModels.locate();
        assumeTrue(models.isProvisioned(PoseModels.Variant.FULL), "MediaPipe Pose models not provisioned (make pose-models)");
        Optional<Path> photos = DataSettings.dataset("images-yoga-5class");
        Optional<Path> posePilot = DataSettings.dataset("pose-yoga-posepilot");
        assumeTrue(photos.isPresent() && posePilot.isPresent(), "yoga photos or PosePilot landmarks not available");

        ImageDataset data = ImageDataset.open(photos.get(), dir.resolve("split.json"), SplitRatios.DEFAULT, 42, 10, true);
        List<ImagePostureComparison.Photo> test = ImagePostureComparison.sharedTestPhotos(data);
        long sharedInTest = data.manifest().entries(Split.TEST).stream()
                .filter(e -> ImagePostureEvaluation.SHARED_CLASSES.containsKey(e.label())).count();
        assertEquals(sharedInTest, test.size());
        assertTrue(test.stream().allMatch(p -> ImagePostureComparison.SHARED.contains(p.truth())));

        var posture = ComparisonModels.postureModel(PoseDatasets.posePilot(posePilot.get(), true), 10);
        assertTrue(posture.description().contains("cam_0"), posture.description());
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        var trained = ComparisonModels.yogaCnn(data, registry, true, TrainingProgress.silent());
        assertTrue(trained.description().startsWith("trained here") && trained.description().contains("no yoga-cnn registered"),
                trained.description());

        ImagePostureComparison.Result result;
        try (CnnImageClassifier cnn = trained.model(); PoseEstimator estimator = new PoseEstimator(models, PoseModels.Variant.FULL, 1)) {
            result = ImagePostureComparison.run(estimator, posture.model(), cnn, test, posture.description(), trained.description(),
                    Progress.none());
        }
        int n = test.size() - result.unreadable().size();
        assertEquals(4, result.routes().size());
        for (ImagePostureComparison.Route route : result.routes()) {
            assertEquals(n, route.evaluation().size(), route.name());
            assertEquals(n, route.millis().length);
            assertTrue(route.medianMillis() > 0 && route.p95Millis() >= route.medianMillis(), route.name());
        }
        assertEquals(result.noPerson().size(), groupCount(result.route(ImagePostureComparison.CNN_ALL).evaluation(), ImagePostureComparison.NO_PERSON));
        // Restricting the arg-max to the true classes' set can only turn wrong answers right.
        assertRestrictionOnlyHelps(result.route(ImagePostureComparison.LANDMARKS_ALL).evaluation(),
                result.route(ImagePostureComparison.LANDMARKS_SHARED).evaluation());
        assertRestrictionOnlyHelps(result.route(ImagePostureComparison.CNN_ALL).evaluation(),
                result.route(ImagePostureComparison.CNN_SHARED).evaluation());
        assertEquals(ImagePostureComparison.SHARED, result.route(ImagePostureComparison.CNN_SHARED).evaluation().classes());
        assertEquals(4, result.table().rowCount());
        assertEquals(4, result.recallTable().rowCount());
        assertTrue(result.report().contains(posture.description()));

        register(registry, data);
        var again = ComparisonModels.yogaCnn(data, registry, true, TrainingProgress.silent());
        try (CnnImageClassifier ignored = again.model()) {
            assertTrue(again.description().startsWith("registered yoga-cnn v1"), again.description());
        }
        ImageDataset otherSplit = ImageDataset.open(photos.get(), dir.resolve("split-7.json"), SplitRatios.DEFAULT, 7, 10, true);
        var retrained = ComparisonModels.yogaCnn(otherSplit, registry, true, TrainingProgress.silent());
        try (CnnImageClassifier ignored = retrained.model()) {
            assertTrue(retrained.description().contains("trained on another split"), retrained.description());
        }
    }

    /** Trains a one-epoch CNN on {@code data}'s split and registers it, as notebook 3.3 does with its ensemble. */
    private static void register(ModelRegistry registry, ImageDataset data) throws Exception {
        CnnConfig tiny = CnnConfig.DEFAULT.withWidth(8).withEpochs(1, 1);
        PreparedImages images = data.prepare(tiny.imageSize());
        CnnTrainingRun run = CnnTrainer.train(images, tiny, TrainingProgress.silent());
        try (CnnImageClassifier cnn = run.model()) {
            var predictions = cnn.predictPrepared(images.split(Split.TEST));
            CnnModelCard card = CnnModelCard.describe("yoga-cnn", List.of(run), data.description(), data.manifest().sha256(),
                    data.imagesPerSplit(), CnnModelCard.prefixed("test", predictions.evaluation().metrics()));
            ImageCnnRegistration.register(registry, "yoga-cnn", cnn, card, data.manifest(), predictions, "test");
        }
    }

    private static long groupCount(Evaluation e, String group) {
        return Arrays.stream(e.groups().orElseThrow()).filter(group::equals).count();
    }

    private static void assertRestrictionOnlyHelps(Evaluation all, Evaluation shared) {
        String[] truth = all.truth();
        String[] plain = all.predicted();
        String[] restricted = shared.predicted();
        for (int i = 0; i < truth.length; i++) {
            if (ImagePostureComparison.SHARED.contains(plain[i])) {
                assertEquals(plain[i], restricted[i], "an in-set answer must survive the restriction, photo " + i);
            }
        }
        assertTrue(shared.accuracy() >= all.accuracy());
    }
}
