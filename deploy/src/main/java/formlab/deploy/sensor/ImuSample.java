package formlab.deploy.sensor;

import formlab.imu.SensorKind;

/**
 * One reading: the accelerometer and the gyroscope sampled at the same instant (an MPU-6050
 * burst read), or one of the two (a replayed MetaWear recording, whose sensors run at their own
 * rates and times). A sensor the reading lacks has NaN values.
 *
 * @param epochMillis time of the reading, ms since 1970 (for a live sensor derived from a
 *                    monotonic clock, so that system clock steps do not reach the stream)
 * @param parts       which sensors the reading holds
 * @param ax          acceleration along x, g
 * @param ay          acceleration along y, g
 * @param az          acceleration along z, g
 * @param gx          angular velocity about x, deg/s
 * @param gy          angular velocity about y, deg/s
 * @param gz          angular velocity about z, deg/s
 */
public record ImuSample(long epochMillis, Parts parts, double ax, double ay, double az, double gx, double gy, double gz) {

    /** Which sensors a reading holds. */
    public enum Parts {
        /** Accelerometer and gyroscope, sampled together. */
        BOTH,
        /** Only the accelerometer. */
        ACCELEROMETER,
        /** Only the gyroscope. */
        GYROSCOPE;

        /** Whether the reading holds {@code sensor}. */
        public boolean has(SensorKind sensor) {
            return this == BOTH || (sensor == SensorKind.ACCELEROMETER ? this == ACCELEROMETER : this == GYROSCOPE);
        }
    }

    /** Both sensors at one instant. */
    public static ImuSample both(long epochMillis, double ax, double ay, double az, double gx, double gy, double gz) {
        return new ImuSample(epochMillis, Parts.BOTH, ax, ay, az, gx, gy, gz);
    }

    /** One sensor's reading ({@code x, y, z} in its unit). */
    public static ImuSample of(SensorKind sensor, long epochMillis, double x, double y, double z) {
        return sensor == SensorKind.ACCELEROMETER
                ? new ImuSample(epochMillis, Parts.ACCELEROMETER, x, y, z, Double.NaN, Double.NaN, Double.NaN)
                : new ImuSample(epochMillis, Parts.GYROSCOPE, Double.NaN, Double.NaN, Double.NaN, x, y, z);
    }

    /** Whether the reading holds {@code sensor}. */
    public boolean has(SensorKind sensor) {
        return parts.has(sensor);
    }

    /** Axis {@code axis} (0 = x, 1 = y, 2 = z) of {@code sensor}. */
    public double value(SensorKind sensor, int axis) {
        int offset = sensor == SensorKind.ACCELEROMETER ? 0 : 3;
        return switch (offset + axis) {
            case 0 -> ax;
            case 1 -> ay;
            case 2 -> az;
            case 3 -> gx;
            case 4 -> gy;
            default -> gz;
        };
    }

    /** The same reading with another timestamp. */
    public ImuSample at(long newEpochMillis) {
        return new ImuSample(newEpochMillis, parts, ax, ay, az, gx, gy, gz);
    }
}
