package formlab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.signal.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrientationFeaturesTest {

    static final List<String> CHANNELS = List.of("acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z");

    /**
     * Gravity along +y (forearm upright), the wrist moving along gravity (y) at 0.5 Hz and turning
     * about x; in the second half of the window the sensor tilts by 20 degrees towards z.
     */
    static Window window(boolean tilt) {
        return window(tilt, 0.3);
    }

    static Window window(boolean tilt, double movement) {
        int n = 50;
        double[][] c = new double[6][n];
        for (int i = 0; i < n; i++) {
            double t = i / 12.5;
            double angle = tilt && i >= n / 2 ? Math.toRadians(20) : 0;
            c[1][i] = Math.cos(angle) + movement * Math.sin(2 * Math.PI * 0.5 * t);
            c[2][i] = Math.sin(angle);
            c[3][i] = 40 * Math.sin(2 * Math.PI * 0.5 * t);
        }
        return new Window(null, 12.5, 0, 0, CHANNELS, List.of("g", "g", "g", "deg/s", "deg/s", "deg/s"), c);
    }

    static double feature(Window w, String name) {
        FeatureSettings settings = FeatureSettings.defaults().withOrientation(true);
        List<String> names = ImuFeatures.featureNames(w.names(), settings);
        assertTrue(names.contains(name), name);
        return ImuFeatures.extract(w, settings)[names.indexOf(name)];
    }

    @Test
    void gravityDirectionAndMovementAxisAreMeasuredAgainstGravity() {
        Window w = window(false);
        assertEquals(0, feature(w, "orient__grav_x"), 1e-9);
        assertEquals(1, feature(w, "orient__grav_y"), 1e-9);
        assertEquals(1, feature(w, "orient__move_y"), 1e-6, "movement along gravity, signed towards it");
        assertEquals(0, feature(w, "orient__move_gravity_deg"), 1e-3);
        assertEquals(1, feature(w, "orient__move_share"), 1e-9);
        assertEquals(90, feature(w, "orient__rot_gravity_deg"), 1e-3, "turning about x, across gravity");
        assertEquals(0, feature(w, "orient__grav_wander_deg"), 1e-9);
    }

    @Test
    void wanderMeasuresHowFarTheOrientationTurnsWithinTheWindow() {
        double wander = feature(window(true, 0), "orient__grav_wander_deg");
        assertEquals(10, wander, 2.0, "half the window at 0 and half at 20 degrees: 10 degrees from the mean");
    }

    @Test
    void orientationFeaturesAreOffByDefaultAndSkippedWithoutAxes() {
        assertTrue(ImuFeatures.featureNames(CHANNELS, FeatureSettings.defaults()).stream().noneMatch(n -> n.startsWith("orient__")));
        assertTrue(ImuFeatures.featureNames(List.of("acc_mag"), FeatureSettings.defaults().withOrientation(true)).stream()
                .noneMatch(n -> n.startsWith("orient__")));
        assertEquals(9, ImuFeatures.featureNames(List.of("acc_x", "acc_y", "acc_z"), FeatureSettings.defaults().withOrientation(true))
                .stream().filter(n -> n.startsWith("orient__")).count());
    }
}
