package formlab.imu.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Butterworth low- and high-pass filters as cascades of {@link Biquad} sections, designed by the
 * bilinear transform with pre-warped cut-off, and applied forward-backward ({@link #filtfilt})
 * for zero phase.
 *
 * <p>Written here because neither chosen library provides it: Smile 4 has no IIR filter design
 * or filtering (its signal support is wavelets), and JTransforms only computes FFTs/DCTs. An FFT
 * brick-wall filter would ring at the window edges and could not run sample by sample on the Pi,
 * whereas a biquad cascade can.
 *
 * <p>Forward-backward filtering squares the magnitude response, so the zero-phase cut-off has a
 * gain of 0.5 (-6 dB) instead of 1/sqrt(2), and the effective order doubles. Edges are handled as
 * in SciPy's {@code sosfiltfilt}: the signal is extended by an odd reflection of
 * {@code 3 (2 sections + 1)} samples and each section starts in its steady state for the first value.
 */
public final class Butterworth {

    private final List<Biquad> sections;
    private final double rateHz;
    private final double cutoffHz;
    private final boolean highPass;

    private Butterworth(List<Biquad> sections, double rateHz, double cutoffHz, boolean highPass) {
        this.sections = List.copyOf(sections);
        this.rateHz = rateHz;
        this.cutoffHz = cutoffHz;
        this.highPass = highPass;
    }

    /** A low-pass of {@code order} (1-12) with -3 dB at {@code cutoffHz} (single pass) for sample rate {@code rateHz}. */
    public static Butterworth lowPass(int order, double cutoffHz, double rateHz) {
        return design(order, cutoffHz, rateHz, false);
    }

    /** A high-pass of {@code order} (1-12) with -3 dB at {@code cutoffHz} (single pass). */
    public static Butterworth highPass(int order, double cutoffHz, double rateHz) {
        return design(order, cutoffHz, rateHz, true);
    }

    private static Butterworth design(int order, double cutoffHz, double rateHz, boolean highPass) {
        if (order < 1 || order > 12) {
            throw new IllegalArgumentException("Butterworth order must be 1-12, got " + order);
        }
        if (!(cutoffHz > 0) || !(cutoffHz < rateHz / 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cut-off %.3f Hz must lie between 0 and the Nyquist frequency %.3f Hz", cutoffHz, rateHz / 2));
        }
        // Bilinear transform s = (z - 1) / (z + 1) with the analog cut-off pre-warped to w.
        double w = Math.tan(Math.PI * cutoffHz / rateHz);
        List<Biquad> sections = new ArrayList<>();
        for (int k = 0; k < order / 2; k++) {
            // Analog pole pair w exp(+-i (pi/2 + theta)): factor s^2 + 2 sin(theta) w s + w^2.
            double theta = Math.PI * (2 * k + 1) / (2.0 * order);
            double c = 2 * Math.sin(theta) * w;
            double a0 = 1 + c + w * w;
            double a1 = 2 * (w * w - 1) / a0;
            double a2 = (1 - c + w * w) / a0;
            sections.add(highPass
                    ? new Biquad(1 / a0, -2 / a0, 1 / a0, a1, a2)
                    : new Biquad(w * w / a0, 2 * w * w / a0, w * w / a0, a1, a2));
        }
        if (order % 2 == 1) {
            double a0 = 1 + w;
            double a1 = (w - 1) / a0;
            sections.add(highPass ? new Biquad(1 / a0, -1 / a0, 0, a1, 0) : new Biquad(w / a0, w / a0, 0, a1, 0));
        }
        return new Butterworth(sections, rateHz, cutoffHz, highPass);
    }

    /** The second-order sections, in the order they are applied. */
    public List<Biquad> sections() {
        return sections;
    }

    /** Sample rate the filter was designed for. */
    public double rateHz() {
        return rateHz;
    }

    /** Cut-off frequency (-3 dB for one pass). */
    public double cutoffHz() {
        return cutoffHz;
    }

    /** True for a high-pass, false for a low-pass. */
    public boolean isHighPass() {
        return highPass;
    }

    /** Magnitude response of one (causal) pass at {@code frequencyHz}. */
    public double gain(double frequencyHz) {
        double g = 1;
        for (Biquad section : sections) {
            g *= section.gain(frequencyHz, rateHz);
        }
        return g;
    }

    /** Causal filtering (one forward pass, sections starting at rest): what a live stream can do. */
    public double[] filter(double[] x) {
        double[] y = x.clone();
        for (Biquad section : sections) {
            section.filterInPlace(y, new double[2]);
        }
        return y;
    }

    /** A stateful causal filter for sample-by-sample use (streaming), starting at rest. */
    public Stream stream() {
        return new Stream();
    }

    /** Zero-phase filtering: forward, then backward, with odd-reflection padding and steady-state start. */
    public double[] filtfilt(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        if (n == 1) {
            return new double[] {highPass ? 0 : x[0]};
        }
        int pad = Math.min(3 * (2 * sections.size() + 1), n - 1);
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[n + pad + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);
        runWithSteadyState(ext);
        reverse(ext);
        runWithSteadyState(ext);
        reverse(ext);
        double[] y = new double[n];
        System.arraycopy(ext, pad, y, 0, n);
        return y;
    }

    private void runWithSteadyState(double[] x) {
        double level = x[0];
        for (Biquad section : sections) {
            section.filterInPlace(x, section.steadyState(level));
            level *= section.dcGain();
        }
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** Sample-by-sample causal filter state (for live streams). */
    public final class Stream {
        private final double[][] states = new double[sections.size()][2];
        private final double[] one = new double[1];
        private boolean started;

        private Stream() {
        }

        /** Filters one sample; the first sample sets the steady state so there is no start-up jump. */
        public double next(double sample) {
            if (!started) {
                double level = sample;
                for (int s = 0; s < sections.size(); s++) {
                    states[s] = sections.get(s).steadyState(level);
                    level *= sections.get(s).dcGain();
                }
                started = true;
            }
            one[0] = sample;
            for (int s = 0; s < sections.size(); s++) {
                sections.get(s).filterInPlace(one, states[s]);
            }
            return one[0];
        }
    }
}
