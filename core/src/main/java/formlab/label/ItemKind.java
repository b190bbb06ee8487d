package formlab.label;

/** What a pool item is, which decides how a person is shown it. */
public enum ItemKind {
    /** A window of a wrist IMU recording (shown as a plot of its channels). */
    IMU_WINDOW,
    /** One frame of a landmark recording (shown as a skeleton). */
    POSE_FRAME,
    /** A sequence of landmark frames (shown as a skeleton of a representative frame). */
    LANDMARK_SEQUENCE,
    /** A photo (shown as itself). */
    IMAGE
}
