package formlab.features;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One-sided amplitude spectrum of a Hann-windowed, mean-removed signal, computed with JTransforms.
 * Amplitudes are scaled so that a sine of amplitude {@code A} at a bin frequency reads {@code A}.
 */
final class Spectrum {

    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> FFTS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<Integer, double[]>> HANNS = ThreadLocal.withInitial(HashMap::new);

    private final double[] amplitude;
    private final double binHz;

    private Spectrum(double[] amplitude, double binHz) {
        this.amplitude = amplitude;
        this.binHz = binHz;
    }

    static Spectrum of(double[] x, double mean, double rateHz) {
        int n = x.length;
        double[] hann = HANNS.get().computeIfAbsent(n, Spectrum::hann);
        double[] data = new double[n];
        double windowSum = 0;
        for (int i = 0; i < n; i++) {
            data[i] = (x[i] - mean) * hann[i];
            windowSum += hann[i];
        }
        FFTS.get().computeIfAbsent(n, DoubleFFT_1D::new).realForward(data);
        int bins = n / 2 + 1;
        double[] amplitude = new double[bins];
        // realForward packs: data[0] = Re[0], Re/Im pairs for 0 < k < n/2, and in data[1] (with data[n-1]
        // for odd n) the last bin.
        amplitude[0] = Math.abs(data[0]) / windowSum;
        for (int k = 1; k < n / 2; k++) {
            amplitude[k] = 2 * Math.hypot(data[2 * k], data[2 * k + 1]) / windowSum;
        }
        if (n % 2 == 0 && n > 1) {
            amplitude[n / 2] = Math.abs(data[1]) / windowSum;
        } else if (n > 1) {
            amplitude[n / 2] = 2 * Math.hypot(data[n - 1], data[1]) / windowSum;
        }
        return new Spectrum(amplitude, rateHz / n);
    }

    /** Periodic Hann window (sums to n/2). */
    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }

    int bins() {
        return amplitude.length;
    }

    double binHz() {
        return binHz;
    }

    double amplitude(int bin) {
        return amplitude[bin];
    }

    /** Amplitude at {@code frequencyHz}, linear between bins; 0 beyond the last bin. */
    double amplitudeAt(double frequencyHz) {
        double position = frequencyHz / binHz;
        if (position > amplitude.length - 1 + 1e-9) {
            return 0;
        }
        int below = (int) Math.floor(position + 1e-9);
        if (below >= amplitude.length - 1) {
            return amplitude[amplitude.length - 1];
        }
        double fraction = Math.max(0, position - below);
        return amplitude[below] + fraction * (amplitude[below + 1] - amplitude[below]);
    }

    /** Frequency of the largest amplitude above 0 Hz (0 when there is no such bin or no power). */
    double dominantFrequency() {
        int best = -1;
        for (int k = 1; k < amplitude.length; k++) {
            if (amplitude[k] > (best < 0 ? 0 : amplitude[best])) {
                best = k;
            }
        }
        return best < 0 ? 0 : best * binHz;
    }

    /** Total power (sum of squared amplitudes) above 0 Hz. */
    double power() {
        double sum = 0;
        for (int k = 1; k < amplitude.length; k++) {
            sum += amplitude[k] * amplitude[k];
        }
        return sum;
    }

    /** Share of the power above 0 Hz in bins with frequency in {@code [from, to)}. */
    double bandShare(double from, double to) {
        double total = power();
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 1; k < amplitude.length; k++) {
            double f = k * binHz;
            if (f >= from && f < to) {
                sum += amplitude[k] * amplitude[k];
            }
        }
        return sum / total;
    }

    /** Power-weighted mean frequency above 0 Hz. */
    double centroid() {
        double total = power();
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 1; k < amplitude.length; k++) {
            sum += k * binHz * amplitude[k] * amplitude[k];
        }
        return sum / total;
    }

    /** Shannon entropy of the normalised power distribution above 0 Hz, divided by its maximum (0-1). */
    double entropy() {
        double total = power();
        int bins = amplitude.length - 1;
        if (total == 0 || bins < 2) {
            return 0;
        }
        double h = 0;
        for (int k = 1; k < amplitude.length; k++) {
            double p = amplitude[k] * amplitude[k] / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(bins);
    }
}
