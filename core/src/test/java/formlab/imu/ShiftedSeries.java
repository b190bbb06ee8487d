package formlab.imu;

/** Test helper: a sensor series on another clock, for streams that did not start together. */
public final class ShiftedSeries {

    private ShiftedSeries() {
    }

    /** {@code series} with every timestamp {@code millis} later. */
    public static SensorSeries of(SensorSeries series, long millis) {
        long[] times = series.epochMillis().clone();
        for (int i = 0; i < times.length; i++) {
            times[i] += millis;
        }
        return new SensorSeries(series.kind(), series.nominalRateHz(), times, series.x(), series.y(), series.z());
    }
}
