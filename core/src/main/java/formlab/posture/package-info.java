/**
 * Posture tasks over pose sequences, as {@code formlab.exercise} is for IMU recordings: pose
 * classifiers on the shared model interface ({@code formlab.model}) with per-frame causal prediction
 * and per-sequence majority vote, the yoga-pose and exercise-form models and their evaluations,
 * squat repetition counting ({@link formlab.posture.SquatReps}), repetition counting of any exercise
 * learnt from annotated repetition boundaries ({@link formlab.posture.SalientPoseCounter},
 * {@link formlab.posture.PoseRepCountEvaluation}) and the comparison of postures
 * estimated from images against the recorded landmarks. It sits above {@code formlab.pose}
 * (skeleton, readers, geometry, estimation), which never calls it.
 */
package formlab.posture;
