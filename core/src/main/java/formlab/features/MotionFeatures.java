package formlab.features;

import formlab.imu.signal.PrincipalAxis;
import formlab.imu.signal.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the wrist moves relative to gravity during a window, in quantities that do not depend on how
 * the sensor sits on the wrist: everything is measured along the window's gravity direction (the
 * mean accelerometer vector), across it, or about it, never along a sensor axis.
 *
 * <p>Why: bench press and overhead press look alike to posture features (the forearm is near
 * vertical in both, so gravity falls on the same sensor axes) and a sensor strapped a little rotated
 * turns one into the other. What differs is the movement: the overhead press travels further (bar
 * from the shoulders to arms' length, about 0.6-0.75 m at the wrist, against 0.4-0.55 m from the chest
 * in the bench press), the bench press forearm tilts in step with the bar height (elbows flare at
 * the bottom) and its vertical acceleration is peakier (a hard turn at the chest). On the barbell
 * recordings the median travel differs between the lifts for every participant, and a forest on these
 * features alone tells bench from overhead press in about 0.91 of the windows of a participant it
 * never saw; they also recover sets whose gravity direction looks like the other lift. They do not
 * separate every set: one of C's bench sets moves like an overhead press.
 *
 * <p>Signals: {@code a_v} the vertical linear acceleration (m/s², gravity removed), {@code a_h} the
 * acceleration across gravity projected on its principal axis, {@code w_h} the gyroscope across
 * gravity projected on its principal axis (tilting), {@code w_v} the gyroscope about gravity
 * (twisting). Velocity and height come from integrating {@code a_v} once and twice, removing the
 * linear trend after each step (drift over a few seconds is mostly a constant bias); the
 * displacement is therefore relative and only its range and shape are used.
 *
 * <p>Features ({@code motion__} prefix), in order:
 * {@code lift_range_m} (range of the height), {@code lift_speed_range_mps} (range of the vertical
 * velocity), {@code up_speed_share} (peak upward speed over peak upward plus peak downward speed),
 * {@code vertical_skew} and {@code vertical_kurtosis} of {@code a_v}, {@code across_to_along}
 * (total across-gravity acceleration RMS over the {@code a_v} standard deviation),
 * {@code path_slant_corr} (|correlation| of the across-gravity displacement with the height),
 * {@code tilt_range_deg} (range of the integrated tilting rate), {@code tilt_per_m} (tilt range over
 * height range), {@code tilt_height_corr} (|correlation| of tilt and height), {@code twist_range_deg}
 * and {@code twist_height_corr} (the same for twisting about gravity), {@code still_height} (mean
 * relative height, 0 bottom to 1 top, of the quarter of samples with the least rotation: where the
 * lifter pauses), {@code across_range_m} (range of the across-gravity displacement),
 * {@code top_vertical_acc} and {@code bottom_vertical_acc} (mean {@code a_v} in the upper and
 * lower half of the height range), {@code tilt_share} (share of the rotation variance across
 * gravity) and {@code across_share} (share of the linear-acceleration variance across gravity).
 *
 * <p>Small array helpers rather than library calls, as in {@link SignalStatistics}: they run once
 * per window, also on the Pi.
 */
final class MotionFeatures {

    private static final String PREFIX = "motion__";
    private static final List<String> NAMES = List.of("lift_range_m", "lift_speed_range_mps", "up_speed_share",
            "vertical_skew", "vertical_kurtosis", "across_to_along", "path_slant_corr", "tilt_range_deg", "tilt_per_m",
            "tilt_height_corr", "twist_range_deg", "twist_height_corr", "still_height", "across_range_m",
            "top_vertical_acc", "bottom_vertical_acc", "tilt_share", "across_share");
    /** Standard gravity, m/s² per g. */
    private static final double G = 9.81;

    private MotionFeatures() {
    }

    /** Names of the features for windows with {@code channels} (empty without both sensors' axes). */
    static List<String> names(List<String> channels) {
        List<String> names = new ArrayList<>();
        if (OrientationFeatures.hasAccelerometer(channels) && OrientationFeatures.hasGyroscope(channels)) {
            for (String name : NAMES) {
                names.add(PREFIX + name);
            }
        }
        return names;
    }

    /** Writes the features of {@code window} into {@code out} from index {@code k}; returns the next index. */
    static int extract(Window window, double[] out, int k) {
        List<String> channels = window.names();
        if (!OrientationFeatures.hasAccelerometer(channels) || !OrientationFeatures.hasGyroscope(channels)) {
            return k;
        }
        int n = window.length();
        double rate = window.rateHz();
        double[][] acc = {window.channel("acc_x"), window.channel("acc_y"), window.channel("acc_z")};
        double[][] gyr = {window.channel("gyr_x"), window.channel("gyr_y"), window.channel("gyr_z")};
        double[] mean = new double[3];
        for (int a = 0; a < 3; a++) {
            for (double v : acc[a]) {
                mean[a] += v / n;
            }
        }
        double g = Math.sqrt(dot(mean, mean));
        double[] up = g == 0 ? new double[] {0, 0, 0} : new double[] {mean[0] / g, mean[1] / g, mean[2] / g};
        double[] along = new double[n];
        double[][] across = new double[3][n];
        double[] twistRate = new double[n];
        double[][] tiltRate = new double[3][n];
        double[] spin = new double[n];
        for (int i = 0; i < n; i++) {
            double[] s = {acc[0][i], acc[1][i], acc[2][i]};
            double p = dot(s, up);
            along[i] = (p - g) * G;
            double[] r = {gyr[0][i], gyr[1][i], gyr[2][i]};
            double q = dot(r, up);
            twistRate[i] = q;
            spin[i] = Math.sqrt(dot(r, r));
            for (int a = 0; a < 3; a++) {
                across[a][i] = (s[a] - p * up[a]) * G;
                tiltRate[a][i] = r[a] - q * up[a];
            }
        }
        double[] velocity = detrend(integrate(demean(along), rate));
        double[] height = detrend(integrate(velocity, rate));
        double[] sideways = detrend(integrate(detrend(integrate(demean(PrincipalAxis.of(across).project(across)), rate)), rate));
        double[] tilt = detrend(integrate(demean(PrincipalAxis.of(tiltRate).project(tiltRate)), rate));
        double[] twist = detrend(integrate(demean(twistRate), rate));
        double liftRange = range(height);
        double upSpeed = max(velocity);
        double downSpeed = -min(velocity);
        double alongSd = Math.sqrt(variance(along));
        double acrossVariance = variance(across[0]) + variance(across[1]) + variance(across[2]);
        double tiltRange = range(tilt);
        out[k++] = liftRange;
        out[k++] = range(velocity);
        out[k++] = upSpeed / (upSpeed + downSpeed + 1e-9);
        out[k++] = standardMoment(along, 3);
        out[k++] = standardMoment(along, 4);
        out[k++] = Math.sqrt(acrossVariance) / (alongSd + 1e-9);
        out[k++] = Math.abs(correlation(height, sideways));
        out[k++] = tiltRange;
        out[k++] = tiltRange / (liftRange + 1e-3);
        out[k++] = Math.abs(correlation(tilt, height));
        out[k++] = range(twist);
        out[k++] = Math.abs(correlation(twist, height));
        out[k++] = stillHeight(spin, height);
        out[k++] = range(sideways);
        double bottom = min(height);
        double middle = (bottom + max(height)) / 2;
        double top = 0;
        double low = 0;
        int topCount = 0;
        int lowCount = 0;
        for (int i = 0; i < n; i++) {
            if (height[i] > middle) {
                top += along[i];
                topCount++;
            } else {
                low += along[i];
                lowCount++;
            }
        }
        out[k++] = topCount == 0 ? 0 : top / topCount;
        out[k++] = lowCount == 0 ? 0 : low / lowCount;
        double tiltVariance = variance(tiltRate[0]) + variance(tiltRate[1]) + variance(tiltRate[2]);
        out[k++] = tiltVariance / (tiltVariance + variance(twistRate) + 1e-9);
        out[k++] = acrossVariance / (acrossVariance + alongSd * alongSd + 1e-9);
        return k;
    }

    /** Mean relative height (0 = lowest, 1 = highest) of the quarter of samples that rotate least. */
    private static double stillHeight(double[] spin, double[] height) {
        double[] sorted = spin.clone();
        Arrays.sort(sorted);
        double threshold = sorted[spin.length / 4];
        double low = min(height);
        double span = max(height) - low + 1e-9;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < spin.length; i++) {
            if (spin[i] <= threshold) {
                sum += (height[i] - low) / span;
                count++;
            }
        }
        return sum / count;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] demean(double[] x) {
        double m = SignalStatistics.mean(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - m;
        }
        return out;
    }

    /** Running sum divided by the rate (rectangle rule). */
    private static double[] integrate(double[] x, double rate) {
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] / rate;
            out[i] = sum;
        }
        return out;
    }

    /** {@code x} minus its least-squares line over the sample index. */
    private static double[] detrend(double[] x) {
        int n = x.length;
        double centre = (n - 1) / 2.0;
        double m = SignalStatistics.mean(x);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - centre) * (x[i] - m);
            sxx += (i - centre) * (i - centre);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i] - m - slope * (i - centre);
        }
        return out;
    }

    private static double range(double[] x) {
        return max(x) - min(x);
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return x.length == 0 ? 0 : m;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return x.length == 0 ? 0 : m;
    }

    private static double variance(double[] x) {
        double sd = SignalStatistics.std(x, SignalStatistics.mean(x));
        return sd * sd;
    }

    /** Third (skewness) or fourth (kurtosis, not excess) standardised moment; 0 for a constant signal. */
    private static double standardMoment(double[] x, int order) {
        double m = SignalStatistics.mean(x);
        double sd = SignalStatistics.std(x, m);
        if (sd == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.pow((v - m) / sd, order);
        }
        return sum / x.length;
    }

    private static double correlation(double[] x, double[] y) {
        return SignalStatistics.correlation(x, y);
    }
}
