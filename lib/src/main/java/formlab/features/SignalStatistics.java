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

    /**
     * Highest normalised autocorrelation of {@code x} at lags from {@code minLag} to {@code maxLag}
     * samples and that lag: {@code [peak, lag]}; {@code [0, 0]} for a constant signal or no valid lag.
     * The lag is refined between samples by fitting a parabola through the peak and its neighbours,
     * so a 2.5 s period at 12.5 Hz does not read as 2.48 or 2.56 s. Normalised by the full-length
     * variance, so a perfectly periodic signal peaks near {@code (n - lag) / n}, never above 1.
     */
    static double[] autocorrelationPeak(double[] x, double mean, int minLag, int maxLag) {
        int n = x.length;
        double variance = 0;
        for (double v : x) {
            variance += (v - mean) * (v - mean);
        }
        int from = Math.max(1, minLag);
        int to = Math.min(maxLag, n - 1);
        if (variance == 0 || from > to) {
            return new double[] {0, 0};
        }
        double[] r = new double[to + 2];
        for (int lag = Math.max(1, from - 1); lag <= Math.min(to + 1, n - 1); lag++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += (x[i] - mean) * (x[i + lag] - mean);
            }
            r[lag] = sum / variance;
        }
        int best = from;
        for (int lag = from + 1; lag <= to; lag++) {
            if (r[lag] > r[best]) {
                best = lag;
            }
        }
        double lag = best;
        if (best - 1 >= 1 && best + 1 <= n - 1) {
            double left = r[best - 1];
            double right = r[best + 1];
            double curvature = left - 2 * r[best] + right;
            if (curvature < 0) {
                lag += Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
            }
        }
        return new double[] {r[best], lag};
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
