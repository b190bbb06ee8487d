package formlab.imu.signal;

/** The autocorrelation peak of a signal: how periodic it is and with which period. */
public final class Autocorrelation {

    private Autocorrelation() {
    }

    /**
     * Highest normalised autocorrelation of {@code x} at lags from {@code minLag} to {@code maxLag}
     * samples and that lag: {@code [peak, lag]}; {@code [0, 0]} for a constant signal or no valid lag.
     * The lag is refined between samples by fitting a parabola through the peak and its neighbours,
     * so a 2.5 s period at 12.5 Hz does not read as 2.48 or 2.56 s. Normalised by the full-length
     * variance, so a perfectly periodic signal peaks near {@code (n - lag) / n}, never above 1.
     */
    public static double[] peak(double[] x, double mean, int minLag, int maxLag) {
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

    /**
     * The period (seconds) of {@code x} sampled at {@code rateHz}: the lag of the highest
     * autocorrelation between {@code minSeconds} and {@code maxSeconds}; 0 when there is none.
     */
    public static double periodSeconds(double[] x, double rateHz, double minSeconds, double maxSeconds) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        double[] peak = peak(x, mean, (int) Math.round(minSeconds * rateHz), (int) Math.round(maxSeconds * rateHz));
        return peak[1] / rateHz;
    }
}
