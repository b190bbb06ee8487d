package formlab.imu.signal;

import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the accelerometer and gyroscope of a recording on one common time base by linear
 * interpolation in epoch time (never by row: the sensors start apart and run at different rates).
 *
 * <p>The grid starts at the later of the two first samples and stops at or before the earlier of
 * the two last samples, so no value is extrapolated. When the target rate is below a sensor's
 * rate, the sensor is first low-passed (zero-phase Butterworth, order 4, at 0.4 x target rate) so
 * that fast movements do not alias into slow ones. Dropouts (see {@link SensorSeries#gaps()}) are
 * bridged by the straight line between the samples either side.
 */
public final class Resampler {

    private Resampler() {
    }

    /** Channels {@code acc_x, acc_y, acc_z, gyr_x, gyr_y, gyr_z} of {@code recording} at {@code rateHz}. */
    public static AlignedSignal resample(ImuRecording recording, double rateHz) {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("target rate must be positive, got " + rateHz);
        }
        double start = recording.overlapStartMillis();
        double end = recording.overlapEndMillis();
        int n = end < start ? 0 : (int) Math.floor((end - start) * rateHz / 1000.0 + 1e-9) + 1;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = start + i * 1000.0 / rateHz;
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<double[]> channels = new ArrayList<>();
        for (SensorSeries series : List.of(recording.accelerometer(), recording.gyroscope())) {
            long[] times = series.epochMillis();
            for (int axis = 0; axis < 3; axis++) {
                double[] values = series.axis(axis);
                if (rateHz < series.nominalRateHz() && values.length > 1) {
                    values = Butterworth.lowPass(4, 0.4 * rateHz, series.nominalRateHz()).filtfilt(values);
                }
                names.add(series.kind().prefix() + "_" + "xyz".charAt(axis));
                units.add(series.unit().symbol());
                channels.add(interpolate(times, values, grid));
            }
        }
        return new AlignedSignal(recording.info(), rateHz, start, names, units, channels.toArray(new double[0][]));
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
