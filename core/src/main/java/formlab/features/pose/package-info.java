/**
 * Pose features: {@link formlab.features.pose.PoseFeatureSet} names and computes per-frame
 * geometry (joint angles, segment inclinations, distances in torso lengths, body-space
 * positions), {@link formlab.features.pose.CausalPooling} summarises them over past-only windows,
 * and {@link formlab.features.pose.PoseFeatureExtractor} is the single entry point returning a
 * Tablesaw table (batch) or a vector per frame (streaming) in the same column order.
 */
package formlab.features.pose;
