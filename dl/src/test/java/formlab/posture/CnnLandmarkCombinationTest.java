package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import formlab.cnn.CnnConfig;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.CnnTrainer;
import formlab.cnn.TrainingProgress;
import formlab.data.DataSettings;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.PreparedImages;
import formlab.image.Split;
import formlab.image.SplitRatios;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combination on real photos (8 per class) with a one-epoch tiny CNN and a 20-tree forest:
 * checks the bookkeeping and invariants (validation-only fit, fallback, online path), not the
 * accuracy. Skipped without the photos or the pose models.
 */
class CnnLandmarkCombinationTest {

    @Test
    void poolsWherePersonFoundFallsBackToTheCnnElsewhereAndFitsOnValidationOnly(@TempDir Path dir) {
        Optional<Path> photos = DataSettings.dataset("images-yoga-5class");
        assumeTrue(photos.isPresent(), "images-yoga-5class not available");
        PoseModels models = PoseModels.locate();
        assumeTrue(models.isProvisioned(CnnLandmarkCombination.VARIANT), "MediaPipe Pose models not provisioned (make pose-models)");
        ImageDataset data = ImageDataset.open(photos.get(), dir.resolve("split.json"), SplitRatios.DEFAULT, 42, 8, true);
        PreparedImages images = data.prepare(32);
        CnnConfig tiny = CnnConfig.DEFAULT.withImageSize(32).withWidth(8).withBatchSize(16).withEpochs(1, 1);
        PhotoLandmarks cache = PhotoLandmarks.open(dir.resolve("landmarks.csv"),
                CnnLandmarkCombination.landmarkModelName(CnnLandmarkCombination.VARIANT));
        try (CnnImageClassifier cnn = CnnTrainer.train(images, tiny, TrainingProgress.silent()).model();
             PoseEstimator estimator = new PoseEstimator(models, CnnLandmarkCombination.VARIANT, 1)) {
            CnnLandmarkCombination.Result r = CnnLandmarkCombination.fitAndEvaluate(data.scan(), data.manifest(), images, cnn, cache,
                    estimator::estimate, 20, 42, Progress.none());

            int validation = data.manifest().entries(Split.VALIDATION).size();
            assertEquals(CnnLandmarkCombination.COMBINED, r.steps().getLast().name());
            r.steps().forEach(s -> assertEquals(validation, s.evaluation().size(), s.name() + " answers every validation photo"));
            r.test().forEach(s -> assertEquals(data.manifest().entries(Split.TEST).size(), s.evaluation().size(), s.name()));
            assertEquals(List.of("CNN", "landmark forest", "combined"), r.test().stream().map(CnnLandmarkCombination.Step::name).toList());

            // where nobody was found the combination is the CNN, photo by photo
            Evaluation cnnAlone = r.steps().getFirst().evaluation();
            Evaluation combined = r.steps().getLast().evaluation();
            String[] groups = combined.groups().orElseThrow();
            for (int i = 0; i < groups.length; i++) {
                if (groups[i].equals(PhotoLandmarkModel.NO_PERSON)) {
                    assertArrayEquals(cnnAlone.probabilities().orElseThrow()[i], combined.probabilities().orElseThrow()[i], 0);
                }
            }
            // the weights minimise the validation log-loss where a person was found: no worse than the plain product there
            Evaluation product = r.steps().stream().filter(s -> s.name().startsWith("plain product")).findFirst().orElseThrow().evaluation();
            assertTrue(CnnLandmarkCombination.Result.logLoss(combined.subset(PhotoLandmarkModel.PERSON))
                    <= CnnLandmarkCombination.Result.logLoss(product.subset(PhotoLandmarkModel.PERSON)) + 1e-12, r.summary());

            // online: an image with nobody in it gets exactly the CNN's answer, a photo gets the pooled one
            try (PhotoPostureClassifier online = new PhotoPostureClassifier(cnn, estimator::estimate, r.combiner())) {
                BufferedImage empty = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
                PhotoPostureClassifier.Answer nobody = online.predict(empty);
                assertFalse(nobody.landmarksUsed());
                assertArrayEquals(cnn.probabilities(empty), nobody.prediction().probabilities(), 1e-12);
                Path first = data.scan().resolve(data.manifest().entries(Split.TEST).getFirst().path());
                BufferedImage photo = new formlab.image.ImageDecoder().decode(first).image();
                PhotoPostureClassifier.Answer answer = online.predict(photo);
                assertEquals(cache.get(first, null).personFound(), answer.landmarksUsed());
                if (answer.landmarksUsed()) {
                    assertArrayEquals(r.pooling().combine(cnn.probabilities(photo), r.combiner().forestProbabilities(answer.landmarks().pose(), photo.getWidth(), photo.getHeight())),
                            answer.prediction().probabilities(), 1e-12);
                }
                // the CNN on its own thread beside the estimator gives the sequential answer, number for number
                int persons = 0;
                for (var entry : data.manifest().entries(Split.TEST)) {
                    BufferedImage image = new formlab.image.ImageDecoder().decode(data.scan().resolve(entry.path())).image();
                    PhotoPostureClassifier.Answer concurrent = online.predict(image);
                    PhotoPostureClassifier.Answer sequential = online.predictSequentially(image);
                    assertArrayEquals(sequential.prediction().probabilities(), concurrent.prediction().probabilities(), 0, entry.path());
                    assertEquals(sequential.landmarksUsed(), concurrent.landmarksUsed(), entry.path());
                    persons += concurrent.landmarksUsed() ? 1 : 0;
                }
                assertTrue(persons > 0, "the forest took part in some test photos");
                // too small for the CNN: the CNN's error, not a wrapped one
                IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                        () -> online.predict(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)));
                assertTrue(tooSmall.getMessage().contains("8"), tooSmall.getMessage());
                online.close();
                assertThrows(IllegalStateException.class, () -> online.predict(photo));
            }
        }
    }
}
