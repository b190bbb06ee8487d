package formlab.imu;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Three-axis samples of one sensor with their epoch timestamps, unit and nominal sample rate.
 *
 * <p>Timestamps are strictly increasing milliseconds since the Unix epoch; samples are not
 * assumed to be evenly spaced (see {@link #gaps()}). The arrays are copied in and out, so a
 * series never changes after construction.
 */
public final class SensorSeries {

    private final SensorKind kind;
    private final double nominalRateHz;
    private final long[] epochMillis;
    private final double[][] axes;
    private final List<Gap> gaps;

    /**
     * @param kind          sensor (fixes the unit)
     * @param nominalRateHz rate the sensor was configured for, e.g. 12.5
     * @param epochMillis   strictly increasing timestamps
     * @param x             x-axis values
     * @param y             y-axis values
     * @param z             z-axis values
     */
    public SensorSeries(SensorKind kind, double nominalRateHz, long[] epochMillis, double[] x, double[] y, double[] z) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!(nominalRateHz > 0)) {
            throw new IllegalArgumentException("nominal rate must be positive, got " + nominalRateHz);
        }
        int n = epochMillis.length;
        if (x.length != n || y.length != n || z.length != n) {
            throw new IllegalArgumentException("axes and timestamps differ in length: " + n + ", "
                    + x.length + ", " + y.length + ", " + z.length);
        }
        for (int i = 1; i < n; i++) {
            if (epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase strictly, index " + i);
            }
        }
        this.nominalRateHz = nominalRateHz;
        this.epochMillis = epochMillis.clone();
        this.axes = new double[][] {x.clone(), y.clone(), z.clone()};
        this.gaps = List.copyOf(findGaps(this.epochMillis, nominalRateHz));
    }

    private static List<Gap> findGaps(long[] t, double rateHz) {
        double limitMillis = 1.5 * 1000.0 / rateHz;
        java.util.ArrayList<Gap> found = new java.util.ArrayList<>();
        for (int i = 1; i < t.length; i++) {
            if (t[i] - t[i - 1] > limitMillis) {
                found.add(new Gap(i - 1, (t[i] - t[i - 1]) / 1000.0));
            }
        }
        return found;
    }

    /** The sensor that produced the series. */
    public SensorKind kind() {
        return kind;
    }

    /** Unit of the values. */
    public MeasurementUnit unit() {
        return kind.unit();
    }

    /** Rate the sensor was configured for, in Hz. */
    public double nominalRateHz() {
        return nominalRateHz;
    }

    /** Number of samples. */
    public int size() {
        return epochMillis.length;
    }

    /** Timestamp of sample {@code i} in epoch milliseconds. */
    public long epochMillis(int i) {
        return epochMillis[i];
    }

    /** A copy of all timestamps. */
    public long[] epochMillis() {
        return epochMillis.clone();
    }

    /** First timestamp (epoch ms). */
    public long startMillis() {
        return epochMillis[0];
    }

    /** Last timestamp (epoch ms). */
    public long endMillis() {
        return epochMillis[epochMillis.length - 1];
    }

    /** Time from the first to the last sample, in seconds. */
    public double durationSeconds() {
        return size() < 2 ? 0 : (endMillis() - startMillis()) / 1000.0;
    }

    /** Median of the sample intervals, turned into a rate in Hz (robust to gaps). */
    public double measuredRateHz() {
        if (size() < 2) {
            return Double.NaN;
        }
        long[] intervals = new long[size() - 1];
        for (int i = 1; i < size(); i++) {
            intervals[i - 1] = epochMillis[i] - epochMillis[i - 1];
        }
        Arrays.sort(intervals);
        int mid = intervals.length / 2;
        double median = intervals.length % 2 == 1 ? intervals[mid] : (intervals[mid - 1] + intervals[mid]) / 2.0;
        return 1000.0 / median;
    }

    /** Value of axis {@code axis} (0 = x, 1 = y, 2 = z) at sample {@code i}. */
    public double value(int axis, int i) {
        return axes[axis][i];
    }

    /** A copy of one axis (0 = x, 1 = y, 2 = z). */
    public double[] axis(int axis) {
        return axes[axis].clone();
    }

    /** A copy of the x axis. */
    public double[] x() {
        return axis(0);
    }

    /** A copy of the y axis. */
    public double[] y() {
        return axis(1);
    }

    /** A copy of the z axis. */
    public double[] z() {
        return axis(2);
    }

    /** Euclidean norm of the three axes per sample, in the series' unit. */
    public double[] magnitude() {
        double[] m = new double[size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(axes[0][i] * axes[0][i] + axes[1][i] * axes[1][i] + axes[2][i] * axes[2][i]);
        }
        return m;
    }

    /** Holes longer than 1.5 nominal periods, in time order. */
    public List<Gap> gaps() {
        return gaps;
    }

    /** Seconds of sample {@code i} after {@code originMillis}. */
    public double secondsSince(long originMillis, int i) {
        return (epochMillis[i] - originMillis) / 1000.0;
    }

    /** The samples with timestamps in [{@code fromMillis}, {@code toMillis}]. */
    public SensorSeries between(long fromMillis, long toMillis) {
        int from = 0;
        while (from < size() && epochMillis[from] < fromMillis) {
            from++;
        }
        int to = size();
        while (to > from && epochMillis[to - 1] > toMillis) {
            to--;
        }
        return new SensorSeries(kind, nominalRateHz, Arrays.copyOfRange(epochMillis, from, to),
                Arrays.copyOfRange(axes[0], from, to), Arrays.copyOfRange(axes[1], from, to),
                Arrays.copyOfRange(axes[2], from, to));
    }

    @Override
    public String toString() {
        return kind.fileToken() + " series: " + size() + " samples at " + nominalRateHz + " Hz (" + unit().symbol()
                + "), " + String.format(java.util.Locale.ROOT, "%.1f", durationSeconds()) + " s, " + gaps.size() + " gaps";
    }
}
