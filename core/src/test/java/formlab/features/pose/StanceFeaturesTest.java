package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseNormalizer;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanceFeaturesTest {

    private static final PoseFeatureSet STANCE = new PoseFeatureSet(StanceFeatures.all());

    /**
     * A warrior II seen from the front, in body space (y down, torso 1): the left knee bent at a
     * right angle over the left ankle, the right leg straight and slanted, arms level at shoulder height.
     */
    static Pose warrior() {
        return Pose.builder(CoordinateSpace.BODY, false)
                .set(Joint.LEFT_SHOULDER, 0.2, -1).set(Joint.RIGHT_SHOULDER, -0.2, -1)
                .set(Joint.LEFT_ELBOW, 0.7, -1).set(Joint.RIGHT_ELBOW, -0.7, -1)
                .set(Joint.LEFT_WRIST, 1.2, -1).set(Joint.RIGHT_WRIST, -1.2, -1)
                .set(Joint.LEFT_HIP, 0.15, 0).set(Joint.RIGHT_HIP, -0.15, 0)
                .set(Joint.LEFT_KNEE, 1.15, 0).set(Joint.LEFT_ANKLE, 1.15, 1)
                .set(Joint.RIGHT_KNEE, -0.75, 0.6).set(Joint.RIGHT_ANKLE, -1.35, 1.2)
                .set(Joint.NOSE, 0, -1.4).build();
    }

    @Test
    void sortsTheLegsByBendAndMeasuresTheStance() {
        List<String> names = STANCE.names();
        double[] f = STANCE.compute(warrior());
        assertEquals(names.size(), new HashSet<>(names).size(), "unique names");
        assertEquals(90, f[names.indexOf("angle_knee_bent_2d")], 1e-9);
        assertEquals(180, f[names.indexOf("angle_knee_straight_2d")], 1e-9);
        assertEquals(90, f[names.indexOf("angle_knee_difference_2d")], 1e-9);
        assertEquals(90, f[names.indexOf("incline_thigh_bent_2d")], 1e-9, "front thigh level");
        assertEquals(180, f[names.indexOf("incline_shin_bent_2d")], 1e-9, "front shin vertical");
        assertEquals(0, f[names.indexOf("incline_arms_line_2d")], 1e-9, "arms level");
        assertEquals(0, f[names.indexOf("dist_wrists_above_shoulders_2d")], 1e-9);
        double leg = (2 + 2 * Math.hypot(0.6, 0.6)) / 2;
        assertEquals(2.5 / leg, f[names.indexOf("dist_stance_over_leg_2d")], 1e-9);
        assertEquals(1.9 / 2.5, f[names.indexOf("dist_knees_over_ankles_2d")], 1e-9);
        assertEquals(0.2, f[names.indexOf("dist_foot_lift_2d")], 1e-9);
    }

    @Test
    void aMirrorImageHasTheSameFeatures() {
        Pose pose = warrior();
        assertArrayEquals(STANCE.compute(pose), STANCE.compute(PoseNormalizer.mirror(pose)), 1e-9);
        Pose random = PoseFeatureSetTest.randomPose(7);
        assertArrayEquals(STANCE.compute(random), STANCE.compute(PoseNormalizer.mirror(random)), 1e-9);
    }

    @Test
    void aMissingKneeMakesTheLegFeaturesNaNNotTheOtherSidesValue() {
        Pose noKnee = warrior().toBuilder().missing(Joint.RIGHT_KNEE).build();
        double[] f = STANCE.compute(noKnee);
        List<String> names = STANCE.names();
        assertTrue(Double.isNaN(f[names.indexOf("angle_knee_bent_2d")]));
        assertTrue(Double.isNaN(f[names.indexOf("dist_stance_over_leg_2d")]));
        assertEquals(0, f[names.indexOf("incline_arms_line_2d")], 1e-9, "the arms do not need the knees");
    }

    @Test
    void extendsTheStandardSetAfterItsFeatures() {
        PoseFeatureSet both = StanceFeatures.withStandard();
        assertEquals(PoseFeatureSet.standard().size() + STANCE.size(), both.size());
        assertEquals(PoseFeatureSet.standard().names(), both.names().subList(0, PoseFeatureSet.standard().size()));
    }
}
