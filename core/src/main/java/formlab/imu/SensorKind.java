package formlab.imu;

/** Which inertial sensor produced a series, with the unit it reports in. */
public enum SensorKind {
    /** Linear acceleration including gravity, in g. */
    ACCELEROMETER("Accelerometer", "acc", MeasurementUnit.G),
    /** Angular velocity, in deg/s. */
    GYROSCOPE("Gyroscope", "gyr", MeasurementUnit.DEGREES_PER_SECOND);

    private final String fileToken;
    private final String prefix;
    private final MeasurementUnit unit;

    SensorKind(String fileToken, String prefix, MeasurementUnit unit) {
        this.fileToken = fileToken;
        this.prefix = prefix;
        this.unit = unit;
    }

    /** The word used in MetaWear file names, e.g. {@code Accelerometer}. */
    public String fileToken() {
        return fileToken;
    }

    /** Short prefix for channel names, e.g. {@code acc} in {@code acc_x}. */
    public String prefix() {
        return prefix;
    }

    /** Unit the sensor reports in. */
    public MeasurementUnit unit() {
        return unit;
    }

    /** The kind whose {@link #fileToken()} equals {@code token}, or null. */
    public static SensorKind fromFileToken(String token) {
        for (SensorKind kind : values()) {
            if (kind.fileToken.equals(token)) {
                return kind;
            }
        }
        return null;
    }
}
