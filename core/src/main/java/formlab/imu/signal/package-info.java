/**
 * Signal preparation for exercise recognition and repetition counting: resampling both sensors
 * onto one time base, zero-phase Butterworth filtering, derived channels (magnitudes,
 * gravity-frame components) and sliding windows that know their rate, set and label.
 */
package formlab.imu.signal;
