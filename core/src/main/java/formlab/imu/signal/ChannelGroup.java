package formlab.imu.signal;

/**
 * Families of channels the preparation can produce. Orientation matters: the same exercise
 * looks different on each axis when the sensor sits differently on the wrist, so the
 * {@link #MAGNITUDES} and {@link #GRAVITY_FRAME} channels are offered as orientation-robust
 * alternatives to the raw {@link #AXES}.
 */
public enum ChannelGroup {
    /** {@code acc_x, acc_y, acc_z} (g) and {@code gyr_x, gyr_y, gyr_z} (deg/s) as the sensor measured them. */
    AXES,
    /** {@code acc_mag} (g) and {@code gyr_mag} (deg/s): Euclidean norms, independent of orientation. */
    MAGNITUDES,
    /**
     * Components relative to gravity, estimated by low-passing the accelerometer: {@code acc_vertical}
     * (g, the movement along gravity, gravity removed), {@code acc_horizontal} (g, the norm of the
     * movement across it), {@code gyr_vertical} (deg/s, turning about the vertical) and
     * {@code gyr_horizontal} (deg/s, tilting). They do not depend on how the sensor is rotated on
     * the wrist, only on the movement.
     */
    GRAVITY_FRAME,
    /** {@code acc_lin_x, acc_lin_y, acc_lin_z} (g): accelerometer axes with the gravity estimate removed. */
    LINEAR_AXES,
    /** {@code grav_x, grav_y, grav_z} (g): the gravity estimate itself, i.e. the sensor's orientation. */
    GRAVITY
}
