/**
 * Reading MetaWear CSV exports: file-name metadata, one sensor file, and whole dataset folders
 * with accelerometer and gyroscope files paired per set.
 */
package formlab.imu.metawear;
