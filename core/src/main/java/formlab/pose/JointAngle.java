package formlab.pose;

import java.util.Locale;

/**
 * The three-joint angles measured on a body, each named after the joint at its vertex: the
 * {@code LEFT_ELBOW} angle is the angle at the left elbow between the left upper arm and the
 * left forearm. Every angle uses joints of one side only, so the name and the joints cannot
 * disagree about the side ({@link #vertex()} is always the joint of the same name).
 */
public enum JointAngle {
    /** Left shoulder - left elbow - left wrist: 180 with the arm straight. */
    LEFT_ELBOW(Joint.LEFT_SHOULDER, Joint.LEFT_ELBOW, Joint.LEFT_WRIST),
    /** Right shoulder - right elbow - right wrist. */
    RIGHT_ELBOW(Joint.RIGHT_SHOULDER, Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST),
    /** Left elbow - left shoulder - left hip: 0 with the arm down the side, 180 overhead. */
    LEFT_SHOULDER(Joint.LEFT_ELBOW, Joint.LEFT_SHOULDER, Joint.LEFT_HIP),
    /** Right elbow - right shoulder - right hip. */
    RIGHT_SHOULDER(Joint.RIGHT_ELBOW, Joint.RIGHT_SHOULDER, Joint.RIGHT_HIP),
    /** Left shoulder - left hip - left knee: 180 standing straight, smaller when bent forward. */
    LEFT_HIP(Joint.LEFT_SHOULDER, Joint.LEFT_HIP, Joint.LEFT_KNEE),
    /** Right shoulder - right hip - right knee. */
    RIGHT_HIP(Joint.RIGHT_SHOULDER, Joint.RIGHT_HIP, Joint.RIGHT_KNEE),
    /** Left hip - left knee - left ankle: 180 with the leg straight. */
    LEFT_KNEE(Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.LEFT_ANKLE),
    /** Right hip - right knee - right ankle. */
    RIGHT_KNEE(Joint.RIGHT_HIP, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE);

    private final Joint first;
    private final Joint vertex;
    private final Joint last;

    JointAngle(Joint first, Joint vertex, Joint last) {
        this.first = first;
        this.vertex = vertex;
        this.last = last;
    }

    /** The joint at one end of the angle. */
    public Joint first() {
        return first;
    }

    /** The joint the angle is measured at. */
    public Joint vertex() {
        return vertex;
    }

    /** The joint at the other end. */
    public Joint last() {
        return last;
    }

    /** The angle in degrees (0..180), NaN when a joint is missing. */
    public double of(Pose pose, PoseGeometry.Dimension dimension) {
        return PoseGeometry.angle(pose, first, vertex, last, dimension);
    }

    /** The same angle on the other side of the body. */
    public JointAngle mirror() {
        return valueOf(vertex.mirror().name());
    }

    /** Feature name, e.g. {@code angle_left_elbow_2d}. */
    public String featureName(PoseGeometry.Dimension dimension) {
        return "angle_" + name().toLowerCase(Locale.ROOT) + "_" + dimension.suffix();
    }
}
