package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import formlab.pose.PoseGeometry.Dimension;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every named angle, inclination and distance checked against values worked out by hand on a
 * synthetic skeleton whose left and right sides differ, so a measurement wired to the wrong
 * joint or side fails.
 */
class PoseGeometryTest {

    static final double SQRT3 = Math.sqrt(3);
    // Right wrist direction from the right elbow: 105 degrees in image axes (y down).
    static final double C105 = Math.cos(Math.toRadians(105));
    static final double S105 = Math.sin(Math.toRadians(105));

    /**
     * Facing the camera (left side at +x), y down, torso 4 long:
     * hips (+-1, 0), shoulders (+-1, -4), nose (0, -5.5);
     * left elbow (3, -4), left wrist (4, -4 - sqrt3); right elbow (-2, -3), right wrist (-2 + cos105, -3 + sin105);
     * left knee (2, 1), left ankle (3, 2); right knee (-2.2, 1.6), right ankle (-4.2, 1.6).
     */
    static Pose synthetic() {
        return Pose.builder(CoordinateSpace.IMAGE_CENTRED, true)
                .set(Joint.NOSE, 0, -5.5, 0, 1)
                .set(Joint.LEFT_HIP, 1, 0, 0, 1).set(Joint.RIGHT_HIP, -1, 0, 0, 1)
                .set(Joint.LEFT_SHOULDER, 1, -4, 0, 1).set(Joint.RIGHT_SHOULDER, -1, -4, 0, 1)
                .set(Joint.LEFT_ELBOW, 3, -4, 0, 1).set(Joint.LEFT_WRIST, 4, -4 - SQRT3, 0, 1)
                .set(Joint.RIGHT_ELBOW, -2, -3, 0, 1).set(Joint.RIGHT_WRIST, -2 + C105, -3 + S105, 0, 1)
                .set(Joint.LEFT_KNEE, 2, 1, 0, 1).set(Joint.LEFT_ANKLE, 3, 2, 0, 1)
                .set(Joint.RIGHT_KNEE, -2.2, 1.6, 0, 1).set(Joint.RIGHT_ANKLE, -4.2, 1.6, 0, 1)
                .build();
    }

    @Test
    void everyJointAngleMatchesItsHandComputedValue() {
        Map<JointAngle, Double> expected = new EnumMap<>(JointAngle.class);
        // at (3,-4): to shoulder (-2,0), to wrist (1,-sqrt3); cos = -2/(2*2) = -1/2
        expected.put(JointAngle.LEFT_ELBOW, 120.0);
        // at (-2,-3): to shoulder (1,-1) at -45 deg, to wrist at 105 deg: 150 apart
        expected.put(JointAngle.RIGHT_ELBOW, 150.0);
        // at (1,-4): to elbow (2,0), to hip (0,4)
        expected.put(JointAngle.LEFT_SHOULDER, 90.0);
        // at (-1,-4): to elbow (-1,1), to hip (0,4); cos = 4/(sqrt2*4)
        expected.put(JointAngle.RIGHT_SHOULDER, 45.0);
        // at (1,0): to shoulder (0,-4), to knee (1,1); cos = -4/(4*sqrt2)
        expected.put(JointAngle.LEFT_HIP, 135.0);
        // at (-1,0): to shoulder (0,-4), to knee (-1.2,1.6); cos = -6.4/(4*2) = -0.8
        expected.put(JointAngle.RIGHT_HIP, Math.toDegrees(Math.acos(-0.8)));
        // at (2,1): to hip (-1,-1), to ankle (1,1): opposite
        expected.put(JointAngle.LEFT_KNEE, 180.0);
        // at (-2.2,1.6): to hip (1.2,-1.6), to ankle (-2,0); cos = -2.4/(2*2) = -0.6
        expected.put(JointAngle.RIGHT_KNEE, Math.toDegrees(Math.acos(-0.6)));

        assertEquals(JointAngle.values().length, expected.size(), "every angle has a hand-computed value");
        assertEquals(expected.size(), expected.values().stream().distinct().count(), "all values differ");
        Pose pose = synthetic();
        for (JointAngle angle : JointAngle.values()) {
            assertEquals(expected.get(angle), angle.of(pose, Dimension.TWO_D), 1e-9, angle.featureName(Dimension.TWO_D));
            assertEquals(expected.get(angle), angle.of(pose, Dimension.THREE_D), 1e-9, angle.featureName(Dimension.THREE_D));
            assertEquals(angle.name(), angle.vertex().name(), "the angle is named after its vertex joint");
            assertEquals(angle.vertex().side(), angle.first().side());
            assertEquals(angle.vertex().side(), angle.last().side());
        }
    }

    @Test
    void everyInclinationMatchesItsHandComputedValue() {
        Map<Segment, Double> expected = new EnumMap<>(Segment.class);
        expected.put(Segment.TORSO, 0.0);            // (0,0) -> (0,-4): straight up
        expected.put(Segment.LEFT_UPPER_ARM, 90.0);  // elbow (3,-4) -> shoulder (1,-4): level
        expected.put(Segment.RIGHT_UPPER_ARM, 45.0); // (-2,-3) -> (-1,-4): (1,-1)
        expected.put(Segment.LEFT_FOREARM, 150.0);   // wrist -> elbow: (-1, sqrt3), cos = -sqrt3/2
        expected.put(Segment.RIGHT_FOREARM, 15.0);   // wrist -> elbow: direction -75 deg, up is -90 deg
        expected.put(Segment.LEFT_THIGH, 45.0);      // knee (2,1) -> hip (1,0): (-1,-1)
        expected.put(Segment.RIGHT_THIGH, Math.toDegrees(Math.acos(0.8))); // (1.2,-1.6): cos = 1.6/2
        expected.put(Segment.LEFT_SHIN, 45.0);       // ankle (3,2) -> knee (2,1)
        expected.put(Segment.RIGHT_SHIN, 90.0);      // ankle (-4.2,1.6) -> knee (-2.2,1.6): level
        assertEquals(Segment.values().length, expected.size());
        Pose pose = synthetic();
        for (Segment segment : Segment.values()) {
            assertEquals(expected.get(segment), segment.inclination(pose, Dimension.TWO_D), 1e-9, segment.name());
            if (segment != Segment.TORSO) {
                assertNotEquals(expected.get(segment), expected.get(segment.mirror()), "left and right differ: " + segment);
            }
        }
    }

    @Test
    void everySpanMatchesItsHandComputedValueInTorsoLengths() {
        double torso = 4;
        double[] leftWrist = {4, -4 - SQRT3};
        double[] rightWrist = {-2 + C105, -3 + S105};
        Map<Span, Double> expected = new EnumMap<>(Span.class);
        expected.put(Span.WRISTS, Math.hypot(leftWrist[0] - rightWrist[0], leftWrist[1] - rightWrist[1]) / torso);
        expected.put(Span.ELBOWS, Math.hypot(5, 1) / torso);
        expected.put(Span.KNEES, Math.hypot(4.2, 0.6) / torso);
        expected.put(Span.ANKLES, Math.hypot(7.2, 0.4) / torso);
        expected.put(Span.LEFT_HAND_TO_HIP, Math.hypot(3, 4 + SQRT3) / torso);
        expected.put(Span.RIGHT_HAND_TO_HIP, Math.hypot(-1 + C105, -3 + S105) / torso);
        expected.put(Span.LEFT_HAND_TO_ANKLE, Math.hypot(1, 6 + SQRT3) / torso);
        expected.put(Span.RIGHT_HAND_TO_ANKLE, Math.hypot(2.2 + C105, -4.6 + S105) / torso);
        expected.put(Span.NOSE_TO_ANKLES, Math.hypot(0.6, 7.3) / torso); // ankle centre (-0.6, 1.8)
        assertEquals(Span.values().length, expected.size());
        Pose pose = synthetic();
        assertEquals(4, PoseGeometry.torsoLength(pose, Dimension.TWO_D), 1e-12);
        for (Span span : Span.values()) {
            assertEquals(expected.get(span), span.of(pose, Dimension.TWO_D), 1e-9, span.name());
        }
    }

    @Test
    void depthChangesThreeDimensionalAnglesOnly() {
        // Shoulder (0,0,0), elbow (1,0,0), wrist (2,0,1): flat the arm looks straight, in space it bends 45 degrees.
        Pose pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true)
                .set(Joint.LEFT_SHOULDER, 0, 0, 0, 1).set(Joint.LEFT_ELBOW, 1, 0, 0, 1).set(Joint.LEFT_WRIST, 2, 0, 1, 1)
                .build();
        assertEquals(180, JointAngle.LEFT_ELBOW.of(pose, Dimension.TWO_D), 1e-9);
        assertEquals(135, JointAngle.LEFT_ELBOW.of(pose, Dimension.THREE_D), 1e-9);
        assertEquals(Math.sqrt(5), PoseGeometry.distance(pose, Joint.LEFT_SHOULDER, Joint.LEFT_WRIST, Dimension.THREE_D), 1e-12);
    }

    @Test
    void missingJointsAndDegenerateSegmentsGiveNaNNotZero() {
        Pose pose = synthetic().toBuilder().missing(Joint.LEFT_WRIST).build();
        assertTrue(Double.isNaN(JointAngle.LEFT_ELBOW.of(pose, Dimension.TWO_D)));
        assertTrue(Double.isNaN(Span.WRISTS.of(pose, Dimension.TWO_D)));
        assertFalse(Double.isNaN(JointAngle.RIGHT_ELBOW.of(pose, Dimension.TWO_D)));
        Pose flat = Pose.builder(CoordinateSpace.IMAGE_CENTRED, false)
                .set(Joint.LEFT_SHOULDER, 0, 0).set(Joint.LEFT_ELBOW, 0, 0).set(Joint.LEFT_WRIST, 1, 1).build();
        assertTrue(Double.isNaN(JointAngle.LEFT_ELBOW.of(flat, Dimension.TWO_D)), "zero-length upper arm");
        assertTrue(Double.isNaN(JointAngle.LEFT_ELBOW.of(flat, Dimension.THREE_D)), "no depth in a 2D pose");
    }

    @Test
    void mirroredPoseSwapsLeftAndRightMeasurements() {
        Pose pose = synthetic();
        Pose mirrored = PoseNormalizer.mirror(pose);
        for (JointAngle angle : JointAngle.values()) {
            assertEquals(angle.of(pose, Dimension.THREE_D), angle.mirror().of(mirrored, Dimension.THREE_D), 1e-9, angle.name());
        }
        for (Segment segment : Segment.values()) {
            assertEquals(segment.inclination(pose, Dimension.TWO_D), segment.mirror().inclination(mirrored, Dimension.TWO_D), 1e-9);
        }
        for (Span span : Span.values()) {
            assertEquals(span.of(pose, Dimension.TWO_D), span.mirror().of(mirrored, Dimension.TWO_D), 1e-9, span.name());
        }
    }
}
