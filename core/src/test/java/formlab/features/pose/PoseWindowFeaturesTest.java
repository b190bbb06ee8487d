package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import formlab.pose.Joint;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Depth and range-of-motion features of {@link PoseWindowFeatures} on a synthetic figure whose
 * landmark box is the unit square, so every value can be worked out by hand.
 */
class PoseWindowFeaturesTest {

    /**
     * A standing figure, arms out: nose (0.5, 0, depth 0), shoulders y 0.2 (depth 0.2), elbows y 0.2
     * (depth 0.2), wrists at x 0 and 1 (depth 1), hips, knees and ankles at y 0.5, 0.75 and 1 (depth
     * 0.5); the wrists at {@code wristY}. Every other landmark sits at (0.5, 0.5, 0.5).
     */
    private static double[][] figure(double wristY) {
        double[][] p = new double[Joint.COUNT][];
        Arrays.setAll(p, i -> new double[] {0.5, 0.5, 0.5});
        set(p, Joint.NOSE, 0.5, 0.0, 0.0);
        set(p, Joint.LEFT_SHOULDER, 0.4, 0.2, 0.2);
        set(p, Joint.RIGHT_SHOULDER, 0.6, 0.2, 0.2);
        set(p, Joint.LEFT_ELBOW, 0.2, 0.2, 0.2);
        set(p, Joint.RIGHT_ELBOW, 0.8, 0.2, 0.2);
        set(p, Joint.LEFT_WRIST, 0.0, wristY, 1.0);
        set(p, Joint.RIGHT_WRIST, 1.0, wristY, 1.0);
        set(p, Joint.LEFT_HIP, 0.45, 0.5, 0.5);
        set(p, Joint.RIGHT_HIP, 0.55, 0.5, 0.5);
        set(p, Joint.LEFT_KNEE, 0.45, 0.75, 0.5);
        set(p, Joint.RIGHT_KNEE, 0.55, 0.75, 0.5);
        set(p, Joint.LEFT_ANKLE, 0.45, 1.0, 0.5);
        set(p, Joint.RIGHT_ANKLE, 0.55, 1.0, 0.5);
        return p;
    }

    private static void set(double[][] p, Joint joint, double x, double y, double z) {
        p[joint.index()] = new double[] {x, y, z};
    }

    /** Wrists at y 0.2 and 0 in turn. */
    private static double[][][] raisingArms(int frames) {
        double[][][] out = new double[frames][][];
        for (int t = 0; t < frames; t++) {
            out[t] = figure(t % 2 == 0 ? 0.2 : 0.0);
        }
        return out;
    }

    private static double feature(double[] features, String name) {
        int index = PoseWindowFeatures.featureNames().indexOf(name);
        if (index < 0) {
            throw new AssertionError("no feature " + name + " in " + PoseWindowFeatures.featureNames());
        }
        return features[index];
    }

    @Test
    void depthIsEachPartsDepthMinusTheHipsInTheFramesDepthRange() {
        double[] f = PoseWindowFeatures.of(raisingArms(4), 0, 4);
        assertEquals(PoseWindowFeatures.featureNames().size(), f.length);
        assertEquals(-0.5, feature(f, "head_depth_from_hips_mean"), 1e-12);
        assertEquals(-0.3, feature(f, "shoulders_depth_from_hips_mean"), 1e-12);
        assertEquals(-0.3, feature(f, "elbows_depth_from_hips_max"), 1e-12);
        assertEquals(0.5, feature(f, "wrists_depth_from_hips_min"), 1e-12);
        assertEquals(0.0, feature(f, "knees_depth_from_hips_mean"), 1e-12);
        assertEquals(0.0, feature(f, "ankles_depth_from_hips_sd"), 1e-12);
    }

    @Test
    void depthDoesNotDependOnTheDepthScaleAndIsZeroWithoutDepth() {
        double[][][] frames = raisingArms(4);
        double[][][] scaled = new double[4][Joint.COUNT][];
        double[][][] flat = new double[4][Joint.COUNT][];
        for (int t = 0; t < 4; t++) {
            for (int j = 0; j < Joint.COUNT; j++) {
                double[] l = frames[t][j];
                scaled[t][j] = new double[] {l[0], l[1], 3 * l[2] - 7};
                flat[t][j] = new double[] {l[0], l[1]};
            }
        }
        assertArrayEquals(PoseWindowFeatures.of(frames, 0, 4), PoseWindowFeatures.of(scaled, 0, 4), 1e-12);
        double[] withoutDepth = PoseWindowFeatures.of(flat, 0, 4);
        assertEquals(0.0, feature(withoutDepth, "wrists_depth_from_hips_mean"));
        assertEquals(0.0, feature(withoutDepth, "head_depth_from_hips_min"));
    }

    @Test
    void rangeOfMotionIsInTorsoLengthsAroundTheHipCentre() {
        double[] f = PoseWindowFeatures.of(raisingArms(4), 0, 4);
        // torso: shoulder centre (0.5, 0.2) to hip centre (0.5, 0.5) = 0.3; wrists 0.3 then 0.5 above the hips
        assertEquals(0.2 / 0.3, feature(f, "wrists_vertical_range_per_torso"), 1e-12);
        assertEquals(0.0, feature(f, "wrists_horizontal_range_per_torso"), 1e-12);
        assertEquals(0.0, feature(f, "head_vertical_range_per_torso"), 1e-12);
        assertEquals(0.0, feature(f, "knees_vertical_range_per_torso"), 1e-12);
    }

    @Test
    void namesAreUniqueAndAWindowNeedsTwoFrames() {
        assertEquals(PoseWindowFeatures.featureNames().size(), Arrays.stream(
                PoseWindowFeatures.featureNames().toArray(String[]::new)).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> PoseWindowFeatures.of(raisingArms(4), 1, 2));
    }
}
