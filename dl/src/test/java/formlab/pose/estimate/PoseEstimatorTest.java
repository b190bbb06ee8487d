package formlab.pose.estimate;

import formlab.posture.ImagePostureEvaluation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import formlab.data.DataSettings;
import formlab.pose.Joint;
import formlab.pose.io.LandmarkRead;

/** Runs the real MediaPipe models on real yoga photos; skipped when models or photos are absent. */
class PoseEstimatorTest {

    private static PoseEstimator estimator;
    private static Path photos;

    @BeforeAll
    static void open() {
        PoseModels models = PoseModels.locate();
        if (models.isProvisioned(PoseModels.Variant.FULL)) {
            estimator = new PoseEstimator(models, PoseModels.Variant.FULL, 1);
        }
        photos = DataSettings.dataset("images-yoga-5class").orElse(null);
    }

    @AfterAll
    static void close() {
        if (estimator != null) {
            estimator.close();
        }
    }

    private static List<Path> photos(String folder, int count) {
        assumeTrue(estimator != null, "MediaPipe Pose models not provisioned (make pose-models)");
        assumeTrue(photos != null, "images-yoga-5class not available");
        return ImagePostureEvaluation.files(photos.resolve(folder), count);
    }

    @Test
    void warriorPhotosShowAnUprightPersonWithSidesAndTorsoInPlace() {
        int frontal = 0;
        for (Path file : photos("VIRABHADRASANA", 6)) {
            LandmarkEstimate e = estimator.estimate(file);
            if (!e.personFound()) {
                continue;
            }
            assertTrue(e.presence(Joint.LEFT_SHOULDER) > 0.5, file + " left shoulder presence");
            // upright: shoulders above hips, hips above ankles (image y grows downwards)
            double shoulderY = (e.pixel(Joint.LEFT_SHOULDER).getY() + e.pixel(Joint.RIGHT_SHOULDER).getY()) / 2;
            double hipY = (e.pixel(Joint.LEFT_HIP).getY() + e.pixel(Joint.RIGHT_HIP).getY()) / 2;
            double ankleY = (e.pixel(Joint.LEFT_ANKLE).getY() + e.pixel(Joint.RIGHT_ANKLE).getY()) / 2;
            assertTrue(shoulderY < hipY && hipY < ankleY, file + ": shoulders, hips, ankles out of order");
            double torso = hipY - shoulderY;
            assertTrue(torso > 0.05 * e.height() && torso < 0.9 * e.height(), file + ": torso length " + torso + " of " + e.height());
            // a person facing the camera has their left shoulder on the image's right
            if (e.pose().x(Joint.LEFT_SHOULDER) > e.pose().x(Joint.RIGHT_SHOULDER)) {
                frontal++;
            }
        }
        assertTrue(frontal >= 3, "facing warriors with left shoulder on the image's right: " + frontal);
    }

    @Test
    void personPhotosScoreHighAndABlankImageLow() {
        long found = photos("VRIKSHASANA", 5).stream().map(estimator::estimate).filter(LandmarkEstimate::personFound).count();
        assertTrue(found >= 4, "tree photos with a person found: " + found);
        LandmarkEstimate blank = estimator.estimate(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB));
        assertTrue(blank.poseScore() < 0.2, "blank image pose score " + blank.poseScore());
    }

    @Test
    void imagesBelowTheMinimumSideOfTrainingAreRefused() {
        assumeTrue(estimator != null, "MediaPipe Pose models not provisioned (make pose-models)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)));
        assertTrue(e.getMessage().contains("1x1 px") && e.getMessage().contains("at least 16 px"), e.getMessage());
    }

    @Test
    void downwardDogIsRotatedAndLandmarksStayInTheImage() {
        for (Path file : photos("Adho Mukha Svanasana", 3)) {
            LandmarkEstimate e = estimator.estimate(file);
            assertTrue(e.personFound(), file.toString());
            // hips are the highest body point of a downward dog, well above the wrists
            assertTrue(e.pixel(Joint.LEFT_HIP).getY() < e.pixel(Joint.LEFT_WRIST).getY(), file + ": hip not above wrist");
            assertTrue(e.pose().x(Joint.NOSE) > -0.05 && e.pose().x(Joint.NOSE) < 1.05, file + ": nose outside the image");
        }
    }

    @Test
    void aFrameFolderBecomesAPosePilotFileTheReaderAccepts(@TempDir Path dir) throws Exception {
        List<Path> frames = photos("VRIKSHASANA", 3);
        Path folder = Files.createDirectories(dir.resolve("frames"));
        for (int i = 0; i < frames.size(); i++) {
            Files.copy(frames.get(i), folder.resolve(String.format("%05d.jpg", i)));
        }
        FrameFolders.Result r = FrameFolders.toCsv(estimator, folder, dir.resolve("tree.csv"), "tree");
        assertEquals(3, r.frames());
        LandmarkRead read = FrameFolders.read(r.csv());
        assertEquals(3, read.sequence().size());
        assertEquals("tree", read.sequence().info().label());
    }

    @Test
    void missingModelsNameTheMakeTarget(@TempDir Path dir) {
        PoseModelException e = assertThrows(PoseModelException.class,
                () -> new PoseEstimator(new PoseModels(dir), PoseModels.Variant.FULL, 1));
        assertTrue(e.getMessage().contains("make pose-models"), e.getMessage());
    }
}
