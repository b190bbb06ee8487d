package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.io.PosePilotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PoseNormalizerTest {

    /** A standing person facing the camera, in image coordinates; hips 0.2 apart, torso 0.4 long. */
    static Pose standing() {
        return Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true)
                .set(Joint.NOSE, 0.5, 0.1, -0.05, 1)
                .set(Joint.LEFT_SHOULDER, 0.6, 0.2, 0.01, 1)
                .set(Joint.RIGHT_SHOULDER, 0.4, 0.2, -0.01, 1)
                .set(Joint.LEFT_ELBOW, 0.7, 0.35, 0.02, 0.8)
                .set(Joint.RIGHT_ELBOW, 0.3, 0.3, 0.0, 0.7)
                .set(Joint.LEFT_HIP, 0.6, 0.6, 0.02, 1)
                .set(Joint.RIGHT_HIP, 0.4, 0.6, -0.02, 1)
                .set(Joint.LEFT_KNEE, 0.62, 0.8, 0.05, 0.9)
                .set(Joint.RIGHT_KNEE, 0.38, 0.8, 0.0, 0.9)
                .build();
    }

    private static void assertSamePose(Pose expected, Pose actual, double tolerance) {
        assertEquals(expected.presentJoints(), actual.presentJoints());
        for (Joint joint : expected.presentJoints()) {
            assertEquals(expected.x(joint), actual.x(joint), tolerance, joint + " x");
            assertEquals(expected.y(joint), actual.y(joint), tolerance, joint + " y");
            if (expected.hasDepth()) {
                assertEquals(expected.z(joint), actual.z(joint), tolerance, joint + " z");
            }
        }
    }

    @Test
    void hipCentreGoesToOriginAndTorsoToUnitLength() {
        Pose body = PoseNormalizer.DEFAULT.normalise(standing()).orElseThrow();
        assertEquals(CoordinateSpace.BODY, body.space());
        assertTrue(body.space().isNormalised());
        assertEquals(0.25, body.x(Joint.LEFT_HIP), 1e-12);
        assertEquals(0, body.y(Joint.LEFT_HIP), 1e-12);
        assertEquals(0.05, body.z(Joint.LEFT_HIP), 1e-12);
        assertEquals(-1, body.y(Joint.LEFT_SHOULDER), 1e-12);
        assertEquals(-1.25, body.y(Joint.NOSE), 1e-12, "(0.1 - 0.6) / 0.4");
        assertEquals(0.8, body.visibility(Joint.LEFT_ELBOW));
        assertFalse(body.isPresent(Joint.LEFT_WRIST), "missing joints stay missing");
    }

    @Test
    void resultDoesNotDependOnPositionOrSizeInTheImage() {
        Pose moved = standing().transform(CoordinateSpace.IMAGE_NORMALISED,
                p -> new Vec3(0.1 + 0.5 * p.x(), 0.05 + 0.5 * p.y(), 0.5 * p.z()));
        assertSamePose(PoseNormalizer.DEFAULT.normalise(standing()).orElseThrow(),
                PoseNormalizer.DEFAULT.normalise(moved).orElseThrow(), 1e-12);
    }

    @Test
    void canonicalFacingUndoesCameraYaw() {
        PoseNormalizer facing = new PoseNormalizer(1, true, true);
        Pose reference = facing.normalise(standing()).orElseThrow();
        assertEquals(0, reference.z(Joint.LEFT_HIP) + reference.z(Joint.LEFT_SHOULDER)
                - reference.z(Joint.RIGHT_HIP) - reference.z(Joint.RIGHT_SHOULDER), 1e-12, "lateral axis has no depth");
        for (double degrees : new double[] {30, 90, -120, 170}) {
            double a = Math.toRadians(degrees);
            UnaryOperator<Vec3> yaw = p -> new Vec3(0.5 + (p.x() - 0.5) * Math.cos(a) - p.z() * Math.sin(a), p.y(),
                    (p.x() - 0.5) * Math.sin(a) + p.z() * Math.cos(a));
            Pose turned = standing().transform(CoordinateSpace.IMAGE_NORMALISED, yaw);
            assertSamePose(reference, facing.normalise(turned).orElseThrow(), 1e-9);
        }
        Pose flat = Pose.builder(CoordinateSpace.IMAGE_CENTRED, false).set(Joint.NOSE, 1, 1).build();
        assertThrows(IllegalArgumentException.class, () -> facing.normalise(flat));
    }

    @Test
    void aspectRatioPutsYInTheUnitOfX() {
        // A 16:9 video: 0.4 of the height is 0.225 of the width.
        Pose body = new PoseNormalizer(16.0 / 9, false, false).normalise(standing()).orElseThrow();
        assertEquals(0.1 / 0.225, body.x(Joint.LEFT_HIP), 1e-12);
        assertEquals(-1, body.y(Joint.LEFT_SHOULDER), 1e-12);
    }

    @Test
    void poseWithoutTorsoCannotBeNormalisedButKeepsItsFrame() {
        Pose noHip = standing().toBuilder().missing(Joint.RIGHT_HIP).build();
        assertTrue(PoseNormalizer.DEFAULT.normalise(noHip).isEmpty());
        SequenceInfo info = new SequenceInfo(Path.of("x.csv"), "test", null, null, "tree");
        PoseSequence sequence = new PoseSequence(info, List.of(new PoseFrame(0, null, standing()), new PoseFrame(1, null, noHip)));
        PoseSequence body = PoseNormalizer.DEFAULT.normalise(sequence);
        assertEquals(2, body.size());
        assertEquals(CoordinateSpace.BODY, body.frames().get(1).pose().space());
        assertEquals(0, body.frames().get(1).pose().presentCount());
        assertEquals(9, body.frames().get(0).pose().presentCount());
    }

    @Test
    void mirrorSwapsSidesAndReflectsX() {
        Pose image = standing();
        Pose mirrored = PoseNormalizer.mirror(image);
        assertEquals(1 - 0.3, mirrored.x(Joint.LEFT_ELBOW), 1e-12, "the right elbow became the left one");
        assertEquals(0.3, mirrored.y(Joint.LEFT_ELBOW), 1e-12);
        assertEquals(0.7, mirrored.visibility(Joint.LEFT_ELBOW));
        assertEquals(0.5, mirrored.x(Joint.NOSE), 1e-12);
        assertSamePose(image, PoseNormalizer.mirror(mirrored), 1e-12);

        Pose body = PoseNormalizer.DEFAULT.normalise(image).orElseThrow();
        Pose bodyMirrored = PoseNormalizer.mirror(body);
        assertEquals(-body.x(Joint.RIGHT_KNEE), bodyMirrored.x(Joint.LEFT_KNEE), 1e-12);
        // Mirroring then normalising equals normalising then mirroring.
        assertSamePose(bodyMirrored, PoseNormalizer.DEFAULT.normalise(mirrored).orElseThrow(), 1e-12);
    }

    @Test
    void realFramesEndUpHipCentredWithUnitTorso() {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available");
        PoseSequence sequence = new PosePilotReader().read(root.resolve("warrior/cam_3/P2.csv")).sequence();
        PoseSequence flat = PoseNormalizer.DEFAULT.normalise(sequence);
        PoseSequence turned = new PoseNormalizer(1, true, true).normalise(sequence);
        for (int i = 0; i < sequence.size(); i++) {
            Pose pose = flat.frames().get(i).pose();
            assertEquals(33, pose.presentCount());
            Vec3 hips = pose.midpoint(Joint.LEFT_HIP, Joint.RIGHT_HIP).orElseThrow();
            Vec3 shoulders = pose.midpoint(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER).orElseThrow();
            assertEquals(0, hips.length(), 1e-9);
            assertEquals(1, shoulders.minus(hips).flat().length(), 1e-9);
            Pose facing = turned.frames().get(i).pose();
            Vec3 torso3d = facing.midpoint(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER).orElseThrow()
                    .minus(facing.midpoint(Joint.LEFT_HIP, Joint.RIGHT_HIP).orElseThrow());
            assertEquals(1, torso3d.length(), 1e-9);
            assertTrue(facing.x(Joint.LEFT_HIP) > facing.x(Joint.RIGHT_HIP), "faces the camera after rotation");
        }
    }
}
