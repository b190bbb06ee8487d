package formlab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.exercise.ExercisePipeline;
import formlab.imu.Exercise;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.ImuRecording;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MotionFeaturesTest {

    static final FeatureSettings SETTINGS = FeatureSettings.defaults().withMotion(true);

    /**
     * A 5 s press at 12.5 Hz: gravity along +y, the wrist moving 0.6 m up and down along gravity at
     * 0.4 Hz (height 0.3 sin), 0.1 m back and forth along x a little out of step, tilting +-10 degrees
     * about x in step with the height and twisting +-4 degrees about gravity.
     */
    static Window press() {
        int n = 63;
        double w = 2 * Math.PI * 0.4;
        double[][] c = new double[6][n];
        for (int i = 0; i < n; i++) {
            double t = i / 12.5;
            c[0][i] = -0.05 * w * w * Math.sin(w * t + 0.5) / 9.81;
            c[1][i] = 1 - 0.3 * w * w * Math.sin(w * t) / 9.81;
            c[3][i] = 10 * w * Math.cos(w * t);
            c[4][i] = 4 * w * Math.cos(w * t + 1);
        }
        return new Window(null, 12.5, 0, 0, OrientationFeaturesTest.CHANNELS,
                List.of("g", "g", "g", "deg/s", "deg/s", "deg/s"), c);
    }

    /** The same window as measured by a sensor turned by {@code rotation} (applied to both sensors' axes). */
    static Window rotated(Window w, double[][] rotation) {
        double[][] c = new double[6][w.length()];
        for (int sensor = 0; sensor < 2; sensor++) {
            for (int i = 0; i < w.length(); i++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        c[3 * sensor + a][i] += rotation[a][b] * w.channel(3 * sensor + b)[i];
                    }
                }
            }
        }
        return new Window(null, w.rateHz(), 0, 0, w.names(), w.units(), c);
    }

    static Map<String, Double> features(Window w) {
        List<String> names = ImuFeatures.featureNames(w.names(), SETTINGS);
        double[] values = ImuFeatures.extract(w, SETTINGS);
        Map<String, Double> motion = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("motion__")) {
                motion.put(names.get(i), values[i]);
            }
        }
        return motion;
    }

    @Test
    void liftRangeAndTiltComeBackFromTheAccelerationAndTheGyroscope() {
        Map<String, Double> f = features(press());
        assertEquals(18, f.size(), f.toString());
        // integrating twice and removing a line over 2.02 cycles overestimates a little (the line
        // fitted to a sine over a non-whole number of cycles is not flat)
        assertEquals(0.6, f.get("motion__lift_range_m"), 0.1, "0.6 m of bar travel");
        assertEquals(0.1, f.get("motion__across_range_m"), 0.03, "0.1 m across gravity");
        assertEquals(20, f.get("motion__tilt_range_deg"), 4, "+-10 degrees of tilt");
        assertEquals(8, f.get("motion__twist_range_deg"), 2, "+-4 degrees of twist");
        assertTrue(f.get("motion__tilt_height_corr") > 0.9, "tilt follows the height: " + f);
        assertTrue(f.get("motion__across_share") < 0.1, "movement mostly along gravity: " + f);
    }

    @Test
    void howTheSensorSitsOnTheWristChangesNothing() {
        double a = Math.toRadians(35);
        double b = Math.toRadians(-70);
        double[][] aboutX = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
        double[][] aboutZ = {{Math.cos(b), -Math.sin(b), 0}, {Math.sin(b), Math.cos(b), 0}, {0, 0, 1}};
        Map<String, Double> upright = features(press());
        Map<String, Double> turned = features(rotated(rotated(press(), aboutX), aboutZ));
        for (String name : upright.keySet()) {
            assertEquals(upright.get(name), turned.get(name), 1e-6 * Math.max(1, Math.abs(upright.get(name))), name);
        }
        List<String> names = ImuFeatures.featureNames(press().names(), FeatureSettings.defaults());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("motion__")), "off by default");
    }

    @Test
    void theOverheadPressTravelsFurtherThanTheBenchPressForEveryone() {
        Assumptions.assumeTrue(KnownDataset.IMU_BARBELL.path().isPresent(), "real barbell data not configured");
        ExercisePipeline pipeline = ExercisePipeline.defaults().withWindow(new WindowSettings(5, 1));
        int index = pipeline.featureNames().indexOf("motion__lift_range_m");
        Map<String, List<Double>> bench = new TreeMap<>();
        Map<String, List<Double>> ohp = new TreeMap<>();
        for (ImuRecording set : ImuDatasets.barbell().liftSets()) {
            Exercise exercise = set.info().exercise();
            if (exercise == Exercise.BENCH || exercise == Exercise.OHP) {
                for (Window w : pipeline.windows(set)) {
                    (exercise == Exercise.BENCH ? bench : ohp).computeIfAbsent(set.info().participant(), k -> new ArrayList<>())
                            .add(pipeline.features(w)[index]);
                }
            }
        }
        int compared = 0;
        for (String participant : bench.keySet()) {
            if (ohp.containsKey(participant)) {
                double b = median(bench.get(participant));
                double o = median(ohp.get(participant));
                assertTrue(o > b + 0.08, participant + ": overhead press " + o + " m vs bench " + b + " m");
                assertTrue(b > 0.3 && o < 1.0, participant + ": plausible wrist travel, " + b + " and " + o + " m");
                compared++;
            }
        }
        assertEquals(3, compared, "A, B and C recorded both lifts");
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
