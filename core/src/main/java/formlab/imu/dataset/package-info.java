/**
 * The IMU datasets the notebooks and commands load by name: the real MetaWear recordings
 * ({@code formlab.imu.metawear}) when present, else the simulated ones ({@code formlab.imu.sim}),
 * always with a statement of where the data came from.
 */
package formlab.imu.dataset;
