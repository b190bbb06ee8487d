package formlab.features;

import java.util.Arrays;

/**
 * Time-domain statistics of one channel of one window. Small, allocation-light helpers rather than
 * Smile or Tablesaw calls: they run once per channel and window, also sample by sample on the Pi,
 * where building a column or data frame per window would dominate the cost.
 */
final class SignalStatistics {

    private SignalStatistics() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Population standard deviation. */
    static double std(double[] x, double mean) {
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }

    static double rms(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }

    /** Percentile {@code p} (0-100) of sorted values, linear between order statistics (Hyndman-Fan type 7). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Sign changes of {@code x - level} per second. Samples exactly at the level do not count as a side. */
    static double crossingsPerSecond(double[] x, double level, double rateHz) {
        int crossings = 0;
        int previous = 0;
        for (double v : x) {
            int side = Double.compare(v, level) > 0 ? 1 : (v < level ? -1 : 0);
            if (side != 0) {
                if (previous != 0 && side != previous) {
                    crossings++;
                }
                previous = side;
            }
        }
        return x.length < 2 ? 0 : crossings / ((x.length - 1) / rateHz);
    }

    /** See {@link formlab.imu.signal.Autocorrelation#peak}. */
    static double[] autocorrelationPeak(double[] x, double mean, int minLag, int maxLag) {
        return formlab.imu.signal.Autocorrelation.peak(x, mean, minLag, maxLag);
    }

    /** Pearson correlation; 0 when either signal is constant. */
    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static double[] sorted(double[] x) {
        double[] copy = x.clone();
        Arrays.sort(copy);
        return copy;
    }
}
