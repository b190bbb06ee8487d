package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import formlab.pose.Joint;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link PoseWindowFeatures} on a synthetic figure whose landmark box is the unit square, so every
 * value can be worked out by hand.
 */
class PoseWindowFeaturesTest {

    /**
     * A standing figure, arms out: nose (0.5, 0), shoulders at x 0.4 and 0.6, elbows at x 0.2 and 0.8
     * (both y 0.2), wrists at x 0 and 1 and y {@code wristY}, hips, knees and ankles at x 0.45 and 0.55
     * and y 0.5, 0.75 and 1. Every other landmark sits at (0.5, 0.5); z is not used.
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
    void anglesAreTheSideMeanInTheImagePlane() {
        double[] f = PoseWindowFeatures.of(raisingArms(4), 0, 4);
        assertEquals(PoseWindowFeatures.featureNames().size(), f.length);
        // straight arms (pi), then wrists 0.2 above the elbows: 3 pi / 4; alternating, so the mean is 7 pi / 8
        assertEquals(Math.PI, feature(f, "elbow_angle_max"), 1e-12);
        assertEquals(3 * Math.PI / 4, feature(f, "elbow_angle_min"), 1e-12);
        assertEquals(7 * Math.PI / 8, feature(f, "elbow_angle_mean"), 1e-12);
        assertEquals(Math.PI / 8, feature(f, "elbow_angle_sd"), 1e-12);
        assertEquals(0.0, feature(f, "elbow_angle_side_difference_max"), 1e-12);
    }

    @Test
    void positionsAndOrientationAreInTheLandmarkBox() {
        double[] f = PoseWindowFeatures.of(raisingArms(4), 0, 4);
        assertEquals(0.0, feature(f, "wrist_height_min"), 1e-12);
        assertEquals(0.2, feature(f, "wrist_height_max"), 1e-12);
        assertEquals(0.5, feature(f, "wrist_off_centre_mean"), 1e-12);
        assertEquals(-0.3, feature(f, "shoulder_over_hip_y_mean"), 1e-12);
        assertEquals(0.5, feature(f, "ankle_from_hip_y_mean"), 1e-12);
        assertEquals(0.0, feature(f, "shoulder_over_hip_x_max"), 1e-12);
    }

    @Test
    void onlyTheWristsMoveVertically() {
        double[] f = PoseWindowFeatures.of(raisingArms(4), 0, 4);
        // each wrist alternates between y 0.2 and 0: standard deviation 0.1, all of the movement
        assertEquals(0.1, feature(f, "movement_total"), 1e-5);
        assertEquals(1.0, feature(f, "wrists_vertical_movement_share"), 1e-4);
        assertEquals(0.0, feature(f, "wrists_horizontal_movement_share"), 1e-12);
        assertEquals(0.0, feature(f, "knees_vertical_movement_share"), 1e-12);
    }

    @Test
    void positionsDoNotDependOnWhereThePersonIsInTheImage() {
        double[][][] frames = raisingArms(4);
        double[][][] moved = new double[4][Joint.COUNT][];
        for (int t = 0; t < 4; t++) {
            for (int j = 0; j < Joint.COUNT; j++) {
                double[] l = frames[t][j];
                moved[t][j] = new double[] {0.3 * l[0] + 0.1, 0.5 * l[1] + 0.2, l[2]};
            }
        }
        double[] a = PoseWindowFeatures.of(frames, 0, 4);
        double[] b = PoseWindowFeatures.of(moved, 0, 4);
        // positions, orientation and periodicity are in the landmark box; angles and movement are not
        for (int i = 0; i < a.length; i++) {
            String name = PoseWindowFeatures.featureNames().get(i);
            if (!name.contains("_angle") && !name.contains("movement")) {
                assertEquals(a[i], b[i], 1e-9, name);
            }
        }
    }

    @Test
    void namesAreUniqueAndAWindowNeedsTwoFrames() {
        assertEquals(PoseWindowFeatures.featureNames().size(), Arrays.stream(
                PoseWindowFeatures.featureNames().toArray(String[]::new)).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> PoseWindowFeatures.of(raisingArms(4), 1, 2));
    }
}
