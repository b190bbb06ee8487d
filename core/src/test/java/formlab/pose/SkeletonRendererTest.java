package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkeletonRendererTest {

    /** Standing figure with feet, so removing a knee keeps the bounding box. */
    static Pose figure() {
        return PoseNormalizerTest.standing().toBuilder()
                .set(Joint.LEFT_WRIST, 0.72, 0.5, 0, 1).set(Joint.RIGHT_WRIST, 0.28, 0.45, 0, 1)
                .set(Joint.LEFT_ANKLE, 0.63, 0.95, 0, 1).set(Joint.RIGHT_ANKLE, 0.37, 0.95, 0, 1)
                .build();
    }

    private static int rgb(BufferedImage image, Point2D p) {
        return image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xFFFFFF;
    }

    private static int colour(Joint joint) {
        return switch (joint.side()) {
            case LEFT -> SkeletonRenderer.LEFT.getRGB() & 0xFFFFFF;
            case RIGHT -> SkeletonRenderer.RIGHT.getRGB() & 0xFFFFFF;
            case CENTRE -> SkeletonRenderer.CENTRE.getRGB() & 0xFFFFFF;
        };
    }

    @Test
    void everyPresentJointIsDrawnInItsSideColour() {
        Pose pose = figure();
        SkeletonRenderer renderer = new SkeletonRenderer(SkeletonRenderer.Options.of(300, 300));
        BufferedImage image = renderer.render(pose);
        assertEquals(300, image.getWidth());
        for (Joint joint : pose.presentJoints()) {
            Point2D p = renderer.pixel(pose, joint).orElseThrow();
            assertTrue(p.getX() >= 0 && p.getX() < 300 && p.getY() >= 0 && p.getY() < 300, joint + " inside the image");
            assertEquals(colour(joint), rgb(image, p), joint.name());
        }
        // A corner stays background.
        assertEquals(SkeletonRenderer.BACKGROUND.getRGB() & 0xFFFFFF, image.getRGB(1, 299) & 0xFFFFFF);
    }

    @Test
    void missingJointsAndTheirBonesAreNotDrawn() {
        SkeletonRenderer renderer = new SkeletonRenderer(SkeletonRenderer.Options.of(300, 300));
        Pose full = figure();
        Point2D knee = renderer.pixel(full, Joint.LEFT_KNEE).orElseThrow();
        assertEquals(colour(Joint.LEFT_KNEE), rgb(renderer.render(full), knee));

        Pose withoutKnee = full.toBuilder().missing(Joint.LEFT_KNEE).build();
        assertTrue(renderer.pixel(withoutKnee, Joint.LEFT_KNEE).isEmpty());
        BufferedImage image = renderer.render(withoutKnee);
        assertEquals(renderer.pixel(full, Joint.LEFT_ANKLE), renderer.pixel(withoutKnee, Joint.LEFT_ANKLE),
                "same bounding box, so the knee's place is comparable");
        assertEquals(SkeletonRenderer.BACKGROUND.getRGB() & 0xFFFFFF, rgb(image, knee), "nothing where the knee was");
    }

    @Test
    void titleAndAnglesAreWritten() {
        Pose pose = figure();
        BufferedImage plain = new SkeletonRenderer(SkeletonRenderer.Options.of(300, 300)).render(pose);
        SkeletonRenderer.Options annotated = SkeletonRenderer.Options.of(300, 300).withTitle("tree 0.97")
                .withAngles(List.of(JointAngle.LEFT_ELBOW, JointAngle.RIGHT_KNEE));
        BufferedImage image = new SkeletonRenderer(annotated).render(pose);
        assertTrue(darkPixels(image, 0, 0, 150, 20) > 20, "title text in the top band");
        assertEquals(0, darkPixels(plain, 0, 0, 150, 20));
        assertTrue(darkPixels(image, 0, 20, 300, 300) > darkPixels(plain, 0, 20, 300, 300) + 20, "angle labels");
    }

    @Test
    void imageFrameKeepsCameraPositions() {
        Pose pose = figure();
        SkeletonRenderer renderer = new SkeletonRenderer(SkeletonRenderer.Options.of(200, 100).inImageFrame());
        Point2D nose = renderer.pixel(pose, Joint.NOSE).orElseThrow();
        assertEquals(0.5 * 200, nose.getX(), 1e-9);
        assertEquals(0.1 * 100, nose.getY(), 1e-9);
    }

    @Test
    void gridPlacesOneCellPerPoseAndEmptyPoseDrawsNothing() {
        Pose empty = Pose.builder(CoordinateSpace.BODY, true).build();
        BufferedImage sheet = SkeletonRenderer.grid(List.of(figure(), figure(), empty), List.of("a", "b"), 2, 120, 150);
        assertEquals(240, sheet.getWidth());
        assertEquals(300, sheet.getHeight());
        assertEquals(0, darkOrColoured(sheet, 2, 152, 118, 298), "the empty pose's cell stays blank");
        assertTrue(darkOrColoured(sheet, 122, 2, 238, 148) > 50, "the second pose is drawn");
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() < 60 && c.getGreen() < 60 && c.getBlue() < 60) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int darkOrColoured(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }
}
