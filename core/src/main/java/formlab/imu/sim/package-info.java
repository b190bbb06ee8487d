/**
 * A seeded simulator of wrist-worn MetaWear recordings of barbell exercises, written in exactly
 * the MetaWear export format so that notebooks and tests run the real reader when the real data
 * is absent. See {@link formlab.imu.sim.BarbellSimulator} for the motion model.
 */
package formlab.imu.sim;
