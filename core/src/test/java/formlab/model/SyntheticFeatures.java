package formlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, realistic stand-in for an IMU feature table: five exercises performed by several
 * participants, one row per window, with features shaped like the real ones (mean and standard
 * deviation of each accelerometer axis in g, dominant frequency in Hz, gyroscope energy). Each
 * participant wears the sensor a little differently (a per-participant orientation offset), so
 * per-participant accuracy varies as it does on real data, and rows of one set are correlated.
 */
public final class SyntheticFeatures {

    /** Feature column names. */
    public static final List<String> FEATURES = List.of(
            "acc_x_mean", "acc_y_mean", "acc_z_mean", "acc_x_std", "acc_y_std", "acc_z_std", "acc_dom_freq_hz", "gyr_energy");

    /** Exercises and their typical mean orientation (x, y, z in g), movement amplitude, rep frequency. */
    private static final String[] EXERCISES = {"bench", "dead", "ohp", "row", "squat"};
    private static final double[][] PROFILE = {
            {-0.05, 0.95, 0.10, 0.12, 0.35, 0.60},
            {0.95, -0.10, 0.15, 0.20, 0.25, 0.45},
            {-0.90, 0.20, 0.25, 0.18, 0.40, 0.55},
            {0.70, 0.55, -0.20, 0.15, 0.30, 0.70},
            {0.85, 0.30, 0.35, 0.22, 0.20, 0.40},
    };

    private SyntheticFeatures() {
    }

    /**
     * {@code participants} participants (A, B, ...), each doing {@code setsPerExercise} sets of every
     * exercise with {@code windowsPerSet} windows per set; {@code noise} scales participant and
     * window variation (0.1 is realistic, 0.3 is hard).
     */
    public static LabelledData table(int participants, int setsPerExercise, int windowsPerSet, double noise, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            String participant = String.valueOf((char) ('A' + p));
            double[] wear = {random.nextGaussian() * noise, random.nextGaussian() * noise, random.nextGaussian() * noise};
            for (int e = 0; e < EXERCISES.length; e++) {
                double[] profile = PROFILE[e];
                for (int s = 0; s < setsPerExercise; s++) {
                    double heavy = s % 2 == 0 ? 0.8 : 1.0;
                    double[] set = {random.nextGaussian() * noise / 2, random.nextGaussian() * noise / 2, random.nextGaussian() * noise / 2};
                    for (int w = 0; w < windowsPerSet; w++) {
                        double[] row = new double[FEATURES.size()];
                        for (int axis = 0; axis < 3; axis++) {
                            row[axis] = profile[axis] + wear[axis] + set[axis] + random.nextGaussian() * noise / 3;
                            row[3 + axis] = Math.abs(profile[3] * heavy * (1 + axis * 0.3) + random.nextGaussian() * noise / 4);
                        }
                        row[6] = profile[4] * heavy + random.nextGaussian() * noise / 3;
                        row[7] = Math.abs(profile[5] * 100 * heavy + random.nextGaussian() * noise * 40);
                        rows.add(row);
                        labels.add(EXERCISES[e]);
                        groups.add(participant);
                    }
                }
            }
        }
        return LabelledData.of("synthetic-imu-features", FEATURES, rows.toArray(double[][]::new),
                labels.toArray(String[]::new), groups.toArray(String[]::new));
    }
}
