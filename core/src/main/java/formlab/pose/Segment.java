package formlab.pose;

import static formlab.pose.Joint.*;

import java.util.Locale;

/**
 * Body segments whose inclination to the vertical is measured. Each runs from its lower end to
 * its upper end in the anatomical standing position (ankle to knee, knee to hip, hip centre to
 * shoulder centre, elbow to shoulder, wrist to elbow), so every inclination is 0 when standing
 * with the arms down, 90 when the segment is level and 180 when it points straight down (arms
 * overhead, head-down).
 */
public enum Segment {
    /** Hip centre to shoulder centre. */
    TORSO(BodyPoint.HIP_CENTRE, BodyPoint.SHOULDER_CENTRE),
    /** Left elbow to left shoulder. */
    LEFT_UPPER_ARM(LEFT_ELBOW, LEFT_SHOULDER),
    /** Right elbow to right shoulder. */
    RIGHT_UPPER_ARM(RIGHT_ELBOW, RIGHT_SHOULDER),
    /** Left wrist to left elbow. */
    LEFT_FOREARM(LEFT_WRIST, LEFT_ELBOW),
    /** Right wrist to right elbow. */
    RIGHT_FOREARM(RIGHT_WRIST, RIGHT_ELBOW),
    /** Left knee to left hip. */
    LEFT_THIGH(LEFT_KNEE, LEFT_HIP),
    /** Right knee to right hip. */
    RIGHT_THIGH(RIGHT_KNEE, RIGHT_HIP),
    /** Left ankle to left knee. */
    LEFT_SHIN(LEFT_ANKLE, LEFT_KNEE),
    /** Right ankle to right knee. */
    RIGHT_SHIN(RIGHT_ANKLE, RIGHT_KNEE);

    private final BodyPoint lower;
    private final BodyPoint upper;

    Segment(BodyPoint lower, BodyPoint upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** The end that is lower when standing. */
    public BodyPoint lower() {
        return lower;
    }

    /** The end that is higher when standing. */
    public BodyPoint upper() {
        return upper;
    }

    /** Inclination to the vertical in degrees (0..180), NaN when an end is missing. */
    public double inclination(Pose pose, PoseGeometry.Dimension dimension) {
        return PoseGeometry.inclination(pose, lower, upper, dimension);
    }

    /** The same segment on the other side (the torso is its own mirror). */
    public Segment mirror() {
        return Sides.mirror(this);
    }

    /** Feature name, e.g. {@code incline_left_thigh_2d}. */
    public String featureName(PoseGeometry.Dimension dimension) {
        return "incline_" + name().toLowerCase(Locale.ROOT) + "_" + dimension.suffix();
    }
}
