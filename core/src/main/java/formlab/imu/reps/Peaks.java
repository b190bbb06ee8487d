package formlab.imu.reps;

import java.util.ArrayList;
import java.util.List;

/**
 * Local maxima and their topographic prominence, with the same definitions as SciPy's
 * {@code find_peaks}: a peak is higher than its left neighbour and not lower than the samples up
 * to the next lower one (a flat top counts once, at its middle); the first and last samples are
 * never peaks. Prominence is the height of a peak above the higher of the two lowest points
 * between it and the nearest higher sample on either side (or the signal end).
 */
public final class Peaks {

    private Peaks() {
    }

    /** Indices of all local maxima of {@code x}, ascending. */
    public static int[] localMaxima(double[] x) {
        List<Integer> peaks = new ArrayList<>();
        int i = 1;
        while (i < x.length - 1) {
            if (x[i - 1] < x[i]) {
                int j = i;
                while (j + 1 < x.length && x[j + 1] == x[i]) {
                    j++;
                }
                if (j + 1 < x.length && x[j + 1] < x[i]) {
                    peaks.add((i + j) / 2);
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return peaks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Prominence of the peak at {@code peak}. */
    public static double prominence(double[] x, int peak) {
        double height = x[peak];
        double leftMin = height;
        for (int i = peak - 1; i >= 0 && x[i] <= height; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = height;
        for (int i = peak + 1; i < x.length && x[i] <= height; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return height - Math.max(leftMin, rightMin);
    }

    /** Local maxima whose prominence is at least {@code minProminence}, ascending. */
    public static int[] find(double[] x, double minProminence) {
        return java.util.Arrays.stream(localMaxima(x)).filter(p -> prominence(x, p) >= minProminence).toArray();
    }
}
