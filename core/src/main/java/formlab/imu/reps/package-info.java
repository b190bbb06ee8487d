/**
 * Counting repetitions in a set from the accelerometer, with parameters learned per exercise
 * from other participants' sets, an evaluation against the protocol counts, and a counter that
 * streaming code calls on a growing buffer.
 */
package formlab.imu.reps;
