package formlab.deploy.session;

import formlab.deploy.sensor.ImuSample;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.util.Arrays;

/**
 * The readings of one stretch of a set, kept per sensor in primitive arrays (32 bytes per sensor
 * sample: a ten-minute set at 50 Hz needs under 2 MB). Each sensor's timestamps must increase
 * strictly, which the runtime's timestamp policy guarantees within a segment.
 */
public final class SampleBuffer {

    private final Lane accelerometer = new Lane();
    private final Lane gyroscope = new Lane();
    private int readings;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /** One sensor's samples. */
    private static final class Lane {
        long[] times = new long[256];
        double[][] values = new double[3][256];
        int size;

        void add(long t, double x, double y, double z) {
            if (size > 0 && t <= times[size - 1]) {
                throw new IllegalArgumentException("timestamp " + t + " is not after " + times[size - 1]);
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, 2 * size);
                for (int a = 0; a < 3; a++) {
                    values[a] = Arrays.copyOf(values[a], 2 * size);
                }
            }
            times[size] = t;
            values[0][size] = x;
            values[1][size] = y;
            values[2][size] = z;
            size++;
        }
    }

    /** Appends one reading (its accelerometer and/or gyroscope part). */
    public void add(ImuSample s) {
        for (SensorKind kind : SensorKind.values()) {
            if (s.has(kind)) {
                lane(kind).add(s.epochMillis(), s.value(kind, 0), s.value(kind, 1), s.value(kind, 2));
            }
        }
        readings++;
        first = Math.min(first, s.epochMillis());
        last = Math.max(last, s.epochMillis());
    }

    private Lane lane(SensorKind kind) {
        return kind == SensorKind.ACCELEROMETER ? accelerometer : gyroscope;
    }

    /** Readings held. */
    public int size() {
        return readings;
    }

    /** Samples of {@code kind} held. */
    public int size(SensorKind kind) {
        return lane(kind).size;
    }

    /** Time of the earliest reading (undefined when empty). */
    public long firstMillis() {
        return first;
    }

    /** Time of the latest reading (undefined when empty). */
    public long lastMillis() {
        return last;
    }

    /** The samples of {@code kind} as a series at nominal rate {@code rateHz}. */
    public SensorSeries series(SensorKind kind, double rateHz) {
        Lane lane = lane(kind);
        return new SensorSeries(kind, rateHz, Arrays.copyOf(lane.times, lane.size), Arrays.copyOf(lane.values[0], lane.size),
                Arrays.copyOf(lane.values[1], lane.size), Arrays.copyOf(lane.values[2], lane.size));
    }
}
