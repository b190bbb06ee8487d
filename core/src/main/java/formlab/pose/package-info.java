/**
 * Body poses from landmark detectors: the BlazePose 33-landmark {@link formlab.pose.Joint}
 * skeleton, immutable {@link formlab.pose.Pose} frames with explicit missing joints and a
 * coordinate space, sequences with their metadata, normalisation to body space, geometry
 * (angles, distances) and rendering. Readers for landmark files live in {@code formlab.pose.io};
 * feature tables built from poses live in {@code formlab.features.pose}; posture tasks (classifiers,
 * comparisons, repetition counting) live above it in {@code formlab.posture}.
 */
package formlab.pose;
