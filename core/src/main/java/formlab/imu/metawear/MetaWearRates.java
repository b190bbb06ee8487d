package formlab.imu.metawear;

/**
 * The sample rates the barbell MetaWear exports were recorded at (and their file names state, e.g.
 * {@code Accelerometer_12.500Hz}). The one place these numbers live: signal preparation, repetition
 * counting, the live tracker and the simulator take them from here.
 */
public final class MetaWearRates {

    /** Accelerometer rate, Hz. */
    public static final double ACCELEROMETER_HZ = 12.5;
    /** Gyroscope rate, Hz. */
    public static final double GYROSCOPE_HZ = 25.0;

    private MetaWearRates() {
    }
}
