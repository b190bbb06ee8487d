package formlab.imu.reps;

import formlab.imu.ImuRecording;
import formlab.imu.signal.Butterworth;

/**
 * The published baseline the learned counter is compared with: take the accelerometer axis with
 * the largest variance, low-pass it at 0.4 Hz (zero-phase Butterworth, order 4 here) and count
 * its strict local maxima. One rule for every exercise and person.
 */
public final class BaselineRepCounter {

    /** Cut-off of the baseline. */
    public static final double CUTOFF_HZ = 0.4;

    private BaselineRepCounter() {
    }

    /** Repetitions of {@code recording} by the baseline rule. */
    public static int count(ImuRecording recording) {
        double[][] acc = RepCounter.uniformAccelerometer(recording, recording.accelerometer().nominalRateHz());
        double rate = recording.accelerometer().nominalRateHz();
        double[] axis = acc[0];
        double bestVariance = -1;
        for (double[] candidate : acc) {
            double mean = java.util.Arrays.stream(candidate).average().orElse(0);
            double variance = java.util.Arrays.stream(candidate).map(v -> (v - mean) * (v - mean)).sum();
            if (variance > bestVariance) {
                bestVariance = variance;
                axis = candidate;
            }
        }
        double[] smooth = Butterworth.lowPass(4, CUTOFF_HZ, rate).filtfilt(axis);
        int peaks = 0;
        for (int i = 1; i + 1 < smooth.length; i++) {
            if (smooth[i] > smooth[i - 1] && smooth[i] > smooth[i + 1]) {
                peaks++;
            }
        }
        return peaks;
    }
}
