package formlab.deploy.session;

import formlab.deploy.sensor.ImuSample;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.util.Arrays;

/**
 * The samples of one stretch of a set in primitive arrays (about 56 bytes per sample, so a
 * ten-minute set at 50 Hz needs under 2 MB). Timestamps must increase strictly, which the
 * runtime's timestamp policy guarantees within a segment.
 */
public final class SampleBuffer {

    private long[] times = new long[512];
    private double[][] values = new double[6][512];
    private int size;

    /** Appends one sample. */
    public void add(ImuSample s) {
        if (size > 0 && s.epochMillis() <= times[size - 1]) {
            throw new IllegalArgumentException("timestamp " + s.epochMillis() + " is not after " + times[size - 1]);
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            for (int c = 0; c < 6; c++) {
                values[c] = Arrays.copyOf(values[c], 2 * size);
            }
        }
        times[size] = s.epochMillis();
        values[0][size] = s.ax();
        values[1][size] = s.ay();
        values[2][size] = s.az();
        values[3][size] = s.gx();
        values[4][size] = s.gy();
        values[5][size] = s.gz();
        size++;
    }

    /** Samples held. */
    public int size() {
        return size;
    }

    /** Timestamp of sample {@code i}. */
    public long time(int i) {
        return times[i];
    }

    /** Sample {@code i}. */
    public ImuSample sample(int i) {
        return new ImuSample(times[i], values[0][i], values[1][i], values[2][i], values[3][i], values[4][i], values[5][i]);
    }

    /** The accelerometer (g) or gyroscope (deg/s) part as a series at nominal rate {@code rateHz}. */
    public SensorSeries series(SensorKind kind, double rateHz) {
        int offset = kind == SensorKind.ACCELEROMETER ? 0 : 3;
        return new SensorSeries(kind, rateHz, Arrays.copyOf(times, size), Arrays.copyOf(values[offset], size),
                Arrays.copyOf(values[offset + 1], size), Arrays.copyOf(values[offset + 2], size));
    }
}
