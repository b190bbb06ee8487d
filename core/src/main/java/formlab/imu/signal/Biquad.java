package formlab.imu.signal;

/**
 * One second-order IIR section {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)},
 * evaluated in transposed direct form II. A first-order section has {@code b2 = a2 = 0}.
 *
 * @param b0 numerator coefficient of z^0
 * @param b1 numerator coefficient of z^-1
 * @param b2 numerator coefficient of z^-2
 * @param a1 denominator coefficient of z^-1 (a0 is 1)
 * @param a2 denominator coefficient of z^-2
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Gain at 0 Hz. */
    public double dcGain() {
        return (b0 + b1 + b2) / (1 + a1 + a2);
    }

    /** Magnitude of the frequency response at {@code frequencyHz} for sample rate {@code rateHz}. */
    public double gain(double frequencyHz, double rateHz) {
        double w = 2 * Math.PI * frequencyHz / rateHz;
        double cr = Math.cos(w);
        double ci = -Math.sin(w);
        double c2r = Math.cos(2 * w);
        double c2i = -Math.sin(2 * w);
        double nr = b0 + b1 * cr + b2 * c2r;
        double ni = b1 * ci + b2 * c2i;
        double dr = 1 + a1 * cr + a2 * c2r;
        double di = a1 * ci + a2 * c2i;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /**
     * The two filter states that make the section's output constant at {@code dcGain() * input}
     * when its input has been constant at {@code input} forever (no start-up transient).
     */
    double[] steadyState(double input) {
        double output = dcGain() * input;
        double z2 = b2 * input - a2 * output;
        double z1 = b1 * input - a1 * output + z2;
        return new double[] {z1, z2};
    }

    /** Filters {@code x} in place, starting from states {@code z} (updated). */
    void filterInPlace(double[] x, double[] z) {
        double z1 = z[0];
        double z2 = z[1];
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = b0 * in + z1;
            z1 = b1 * in - a1 * out + z2;
            z2 = b2 * in - a2 * out;
            x[i] = out;
        }
        z[0] = z1;
        z[1] = z2;
    }
}
