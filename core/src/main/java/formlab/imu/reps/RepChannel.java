package formlab.imu.reps;

/**
 * The accelerometer-derived signal repetitions are counted on. All three are independent of how
 * the sensor is turned on the wrist.
 */
public enum RepChannel {
    /** Norm of the acceleration (g). */
    ACC_MAGNITUDE,
    /** Acceleration along gravity with gravity removed (g); gravity is the 0.3 Hz low-pass of the axes. */
    ACC_VERTICAL,
    /**
     * Acceleration along the set's first principal axis (the direction the wrist moves most),
     * mean removed, signed so that it points with gravity's reading.
     */
    ACC_PRINCIPAL
}
