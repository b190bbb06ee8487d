/**
 * Wearable IMU recordings: sensor series that carry their unit and sample rate, one recording per
 * exercise set (accelerometer and gyroscope aligned by time), datasets of recordings and where
 * they came from. Sub-packages read MetaWear files ({@code metawear}), simulate recordings
 * ({@code sim}), load datasets by name ({@code dataset}), prepare signals ({@code signal}), count repetitions ({@code reps}) and plot
 * ({@code plot}).
 */
package formlab.imu;
