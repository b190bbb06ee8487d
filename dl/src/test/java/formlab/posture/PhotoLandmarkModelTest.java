package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import formlab.data.DataSettings;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.Split;
import formlab.image.SplitRatios;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The landmark forest on the real yoga photos (12 per class); skipped without the photos or the pose models. */
class PhotoLandmarkModelTest {

    @Test
    void theMirrorImageSwapsLeftAndRightAndFlipsX() {
        Pose.Builder b = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            b.set(joint, 0.1 + joint.index() / 50.0, 0.2 + joint.index() / 60.0, -0.01 * joint.index(), 0.5 + joint.index() / 100.0);
        }
        Pose pose = b.build();
        Pose mirrored = PhotoLandmarkModel.mirrored(pose);
        assertEquals(1 - pose.x(Joint.RIGHT_WRIST), mirrored.x(Joint.LEFT_WRIST), 1e-12);
        assertEquals(pose.y(Joint.RIGHT_WRIST), mirrored.y(Joint.LEFT_WRIST), 1e-12);
        assertEquals(pose.visibility(Joint.RIGHT_WRIST), mirrored.visibility(Joint.LEFT_WRIST), 1e-12);
        assertEquals(1 - pose.x(Joint.NOSE), mirrored.x(Joint.NOSE), 1e-12);
        assertArrayEquals(pose.toArray(), PhotoLandmarkModel.mirrored(mirrored).toArray(), 1e-12);
    }

    @TempDir
    Path dir;

    @Test
    void trainsOnTheManifestsTrainingPhotosAndRerunsFromTheCacheAlone() {
        Optional<Path> photos = DataSettings.dataset("images-yoga-5class");
        assumeTrue(photos.isPresent(), "images-yoga-5class not available");
        PoseModels models = PoseModels.locate();
        assumeTrue(models.isProvisioned(PoseModels.Variant.FULL), "MediaPipe Pose models not provisioned (make pose-models)");
        ImageDataset data = ImageDataset.open(photos.get(), dir.resolve("split.json"), SplitRatios.DEFAULT, ImageDataset.DEFAULT_SEED,
                12, true);
        Path cacheFile = dir.resolve("landmarks-full.csv");

        PhotoLandmarkModel.Result first;
        try (PoseEstimator estimator = new PoseEstimator(models, PoseModels.Variant.FULL, 1)) {
            PhotoLandmarks cache = PhotoLandmarks.open(cacheFile, "mediapipe-pose-full");
            first = PhotoLandmarkModel.trainAndEvaluate(data.scan(), data.manifest(), cache, estimator::estimate, 50, 42, Progress.none());
            assertEquals(data.manifest().entries().size(), cache.estimated(), "every photo estimated once");
        }
        // Second run: no estimator at all, every photo comes from the cache, the same forest and answers.
        PhotoLandmarks cached = PhotoLandmarks.open(cacheFile, "mediapipe-pose-full");
        PhotoLandmarkModel.Result second = PhotoLandmarkModel.trainAndEvaluate(data.scan(), data.manifest(), cached, null, 50, 42,
                Progress.none());
        assertEquals(0, cached.estimated());

        for (Split split : new Split[] {Split.VALIDATION, Split.TEST}) {
            Evaluation a = first.evaluations().get(split);
            Evaluation b = second.evaluations().get(split);
            assertEquals(data.manifest().entries(split).size(), a.size(), split + ": every photo is classified");
            assertArrayEquals(a.predicted(), b.predicted(), split + ": the cache gives the same answers");
            assertEquals(data.manifest().entries(split).stream().map(e -> e.label()).toList(), java.util.List.of(a.truth()));
        }
        assertEquals(data.manifest().entries(Split.TRAIN).size(), first.trainPhotos() + first.trainSkipped());
        assertTrue(first.trainPhotos() > first.trainSkipped(), first.summary());
        // five classes: chance is 0.2; body geometry from 7 photos a class must do clearly better
        Evaluation validation = first.evaluations().get(Split.VALIDATION);
        assertTrue(validation.accuracy() > 0.3, first.summary());
    }
}
