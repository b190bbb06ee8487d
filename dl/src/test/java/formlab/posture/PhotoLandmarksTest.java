package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.image.TestImages;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.estimate.LandmarkEstimate;
import formlab.pose.estimate.Roi;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoLandmarksTest {

    @TempDir
    Path dir;

    /** A stand-in for the pose estimator: joints laid out from the image's mean colour, every call counted. */
    private final List<Integer> calls = new ArrayList<>();

    private LandmarkEstimate fake(BufferedImage image) {
        calls.add(image.getWidth());
        int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            pose.set(joint, joint.index() / 40.0, ((rgb & 0xFF) + joint.index()) / 400.0, -0.1 * joint.index(), 0.25 + joint.index() / 100.0);
        }
        return new LandmarkEstimate(pose.build(), new double[Joint.COUNT], image.getWidth() > 60 ? 0.9 : 0.2,
                Roi.wholeImage(image.getWidth(), image.getHeight()), image.getWidth() > 60, image.getWidth(), image.getHeight());
    }

    @Test
    void estimatesEachContentOnceAndReadsItBackFromTheFile() {
        Path a = TestImages.write(dir, "a.jpg", TestImages.image(80, 64, Color.RED, 1), "png");
        Path copy = TestImages.writeBytes(dir.resolve("other"), "renamed.png", readAll(a));
        Path b = TestImages.write(dir, "b.jpg", TestImages.image(48, 64, Color.BLUE, 2), "jpeg");
        Path cacheFile = dir.resolve("cache/landmarks.csv");

        PhotoLandmarks cache = PhotoLandmarks.open(cacheFile, "fake-model");
        PhotoLandmarks.Landmarks first = cache.get(a, this::fake);
        PhotoLandmarks.Landmarks again = cache.get(copy, this::fake);
        PhotoLandmarks.Landmarks other = cache.get(b, this::fake);
        cache.save();

        assertEquals(List.of(80, 48), calls, "one estimate per content: the renamed copy is a cache hit");
        assertEquals(2, cache.estimated());
        assertEquals(first, again);
        assertTrue(first.personFound() && first.detected());
        assertFalse(other.personFound());

        PhotoLandmarks reopened = PhotoLandmarks.open(cacheFile, "fake-model");
        assertEquals(2, reopened.size());
        PhotoLandmarks.Landmarks read = reopened.get(copy, null);
        assertEquals(0, reopened.estimated());
        assertEquals(first.sha256(), read.sha256());
        assertEquals(80, read.width());
        assertEquals(first.poseScore(), read.poseScore(), 1e-6);
        for (Joint joint : Joint.values()) {
            assertEquals(first.pose().x(joint), read.pose().x(joint), 1e-6);
            assertEquals(first.pose().y(joint), read.pose().y(joint), 1e-6);
            assertEquals(first.pose().z(joint), read.pose().z(joint), 1e-6);
            assertEquals(first.pose().visibility(joint), read.pose().visibility(joint), 1e-6);
        }
        IllegalStateException notCached = assertThrows(IllegalStateException.class,
                () -> reopened.get(TestImages.write(dir, "new.png", TestImages.image(70, 70, Color.GREEN, 3), "png"), null));
        assertTrue(notCached.getMessage().contains("new.png") && notCached.getMessage().contains("not in the landmark cache"),
                notCached.getMessage());
    }

    @Test
    void aDamagedCacheOrOneOfAnotherModelIsAnErrorNamingTheLine() throws Exception {
        Path cacheFile = dir.resolve("landmarks.csv");
        PhotoLandmarks cache = PhotoLandmarks.open(cacheFile, "full");
        cache.get(TestImages.write(dir, "a.png", TestImages.image(80, 64, Color.RED, 1), "png"), this::fake);
        cache.get(TestImages.write(dir, "b.png", TestImages.image(90, 64, Color.RED, 2), "png"), this::fake);
        cache.save();

        IllegalStateException otherModel = assertThrows(IllegalStateException.class, () -> PhotoLandmarks.open(cacheFile, "heavy"));
        assertTrue(otherModel.getMessage().startsWith(cacheFile + ":2: landmarks of model 'full'"), otherModel.getMessage());

        List<String> lines = new ArrayList<>(Files.readAllLines(cacheFile));
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
        Files.write(cacheFile, lines);
        IllegalStateException cut = assertThrows(IllegalStateException.class, () -> PhotoLandmarks.open(cacheFile, "full"));
        assertTrue(cut.getMessage().startsWith(cacheFile + ":3: expected 138 columns, found 137"), cut.getMessage());
        assertTrue(cut.getMessage().contains("delete it"), cut.getMessage());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
