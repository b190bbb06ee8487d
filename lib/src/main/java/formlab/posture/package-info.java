/**
 * Pose classifiers on top of the shared model interface ({@code formlab.model}): feature tables
 * from pose sequences, per-frame causal prediction, per-sequence majority vote, the yoga-pose and
 * exercise-form models and their evaluations (metrics and splits come from {@code formlab.eval}).
 */
package formlab.posture;
