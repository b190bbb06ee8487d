package formlab.imu.signal;

/**
 * Linear interpolation in epoch time (never by row: sensors start apart and run at different
 * rates), as repetition counting puts accelerometer samples on its even grid. Aligning both sensors
 * of a recording for windows is {@link CausalAligner}'s job.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * Linear interpolation of samples {@code (times[i], values[i])} (times strictly increasing) at
     * {@code at} (ascending); points outside the sampled span take the nearest end value.
     */
    public static double[] interpolate(long[] times, double[] values, double[] at) {
        if (times.length != values.length || times.length == 0) {
            throw new IllegalArgumentException("need as many (at least one) times as values");
        }
        double[] out = new double[at.length];
        int j = 0;
        for (int i = 0; i < at.length; i++) {
            double t = at[i];
            if (t <= times[0]) {
                out[i] = values[0];
                continue;
            }
            if (t >= times[times.length - 1]) {
                out[i] = values[values.length - 1];
                continue;
            }
            while (times[j + 1] < t) {
                j++;
            }
            double fraction = (t - times[j]) / (double) (times[j + 1] - times[j]);
            out[i] = values[j] + fraction * (values[j + 1] - values[j]);
        }
        return out;
    }
}
