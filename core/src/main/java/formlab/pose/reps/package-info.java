/**
 * Repetition counting from pose sequences: {@link formlab.pose.reps.HysteresisRepCounter} on any
 * one-dimensional signal (e.g. a knee angle), and {@link formlab.pose.reps.PhaseRepCounter} on
 * per-frame phase labels (e.g. a squat phase classifier's up/down). Both work sample by sample.
 */
package formlab.pose.reps;
