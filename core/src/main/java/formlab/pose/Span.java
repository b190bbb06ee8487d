package formlab.pose;

import static formlab.pose.Joint.*;

import java.util.Locale;

/**
 * Distances between body points that describe a posture (how far apart the hands or feet are,
 * how close a hand is to the hip), always divided by the torso length so that they compare
 * across people and camera distances.
 */
public enum Span {
    /** Left wrist to right wrist. */
    WRISTS(LEFT_WRIST, RIGHT_WRIST),
    /** Left elbow to right elbow. */
    ELBOWS(LEFT_ELBOW, RIGHT_ELBOW),
    /** Left knee to right knee. */
    KNEES(LEFT_KNEE, RIGHT_KNEE),
    /** Left ankle to right ankle. */
    ANKLES(LEFT_ANKLE, RIGHT_ANKLE),
    /** Left wrist to left hip. */
    LEFT_HAND_TO_HIP(LEFT_WRIST, LEFT_HIP),
    /** Right wrist to right hip. */
    RIGHT_HAND_TO_HIP(RIGHT_WRIST, RIGHT_HIP),
    /** Left wrist to left ankle. */
    LEFT_HAND_TO_ANKLE(LEFT_WRIST, LEFT_ANKLE),
    /** Right wrist to right ankle. */
    RIGHT_HAND_TO_ANKLE(RIGHT_WRIST, RIGHT_ANKLE),
    /** Nose to the midpoint of the ankles: the body's overall extent. */
    NOSE_TO_ANKLES(NOSE, BodyPoint.ANKLE_CENTRE);

    private final BodyPoint a;
    private final BodyPoint b;

    Span(BodyPoint a, BodyPoint b) {
        this.a = a;
        this.b = b;
    }

    /** One end. */
    public BodyPoint a() {
        return a;
    }

    /** The other end. */
    public BodyPoint b() {
        return b;
    }

    /** Distance in torso lengths, NaN when an end or the torso is missing. */
    public double of(Pose pose, PoseGeometry.Dimension dimension) {
        return PoseGeometry.relativeDistance(pose, a, b, dimension);
    }

    /** The same span on the other side (symmetric spans are their own mirror). */
    public Span mirror() {
        return Sides.mirror(this);
    }

    /** Feature name, e.g. {@code dist_left_hand_to_hip_3d}. */
    public String featureName(PoseGeometry.Dimension dimension) {
        return "dist_" + name().toLowerCase(Locale.ROOT) + "_" + dimension.suffix();
    }
}
