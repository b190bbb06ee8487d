/**
 * Exercise recognition from wrist IMU recordings: the window pipeline shared by training, batch
 * scoring and streaming, orientation-robust feature sets, the rest gate, causal smoothing, nested
 * leave-one-participant-out evaluation, training and registration of the deployable model.
 */
package formlab.exercise;
