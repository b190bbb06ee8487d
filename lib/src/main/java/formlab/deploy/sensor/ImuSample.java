package formlab.deploy.sensor;

/**
 * One six-axis reading: accelerometer and gyroscope sampled at the same instant.
 *
 * @param epochMillis time of the reading, ms since 1970 (for a live sensor derived from a
 *                    monotonic clock, so that system clock steps do not reach the stream)
 * @param ax          acceleration along x, g
 * @param ay          acceleration along y, g
 * @param az          acceleration along z, g
 * @param gx          angular velocity about x, deg/s
 * @param gy          angular velocity about y, deg/s
 * @param gz          angular velocity about z, deg/s
 */
public record ImuSample(long epochMillis, double ax, double ay, double az, double gx, double gy, double gz) {

    /** The same reading with another timestamp. */
    public ImuSample at(long newEpochMillis) {
        return new ImuSample(newEpochMillis, ax, ay, az, gx, gy, gz);
    }
}
