package formlab.features.pose;

import formlab.pose.Joint;
import formlab.pose.JointAngle;
import formlab.pose.Pose;
import formlab.pose.PoseGeometry;
import formlab.pose.PoseGeometry.Dimension;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Per-frame features of a standing posture that do not change when the person is seen in a mirror:
 * the two legs' (arms') angles sorted by bend instead of named by side, the thigh and shin of the
 * more bent and of the straighter leg, how wide the feet stand against the legs' length, how far the
 * knees open against the feet, how far one foot is lifted and how the arms' line lies. A warrior
 * bends one knee and keeps the other straight; a goddess bends both, knees over wide-set feet; a
 * tree lifts one foot: side-named features have to learn each of these twice, once per side.
 *
 * <p>All in the image plane (MediaPipe's depth is too noisy for a single photo), on a pose in body
 * space ({@link formlab.pose.PoseNormalizer}: y grows downwards, one unit is the torso). Angles
 * and inclinations in degrees, lengths in torso lengths or as ratios; NaN where a joint is missing.
 */
public final class StanceFeatures {

    private static final Set<Joint> LEGS = Set.of(Joint.LEFT_HIP, Joint.RIGHT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_KNEE,
            Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);
    private static final Set<Joint> ARMS = Set.of(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER, Joint.LEFT_ELBOW, Joint.RIGHT_ELBOW,
            Joint.LEFT_WRIST, Joint.RIGHT_WRIST, Joint.LEFT_HIP, Joint.RIGHT_HIP);
    private static final Dimension D2 = Dimension.TWO_D;

    private StanceFeatures() {
    }

    /** The features, in a fixed order. */
    public static List<PoseFeatureSet.Feature> all() {
        return List.of(
                angle("angle_knee_bent_2d", LEGS, p -> Math.min(knee(p, true), knee(p, false))),
                angle("angle_knee_straight_2d", LEGS, p -> Math.max(knee(p, true), knee(p, false))),
                angle("angle_knee_difference_2d", LEGS, p -> Math.abs(knee(p, true) - knee(p, false))),
                angle("angle_hip_bent_2d", LEGS, p -> Math.min(JointAngle.LEFT_HIP.of(p, D2), JointAngle.RIGHT_HIP.of(p, D2))),
                angle("angle_hip_straight_2d", LEGS, p -> Math.max(JointAngle.LEFT_HIP.of(p, D2), JointAngle.RIGHT_HIP.of(p, D2))),
                angle("angle_elbow_bent_2d", ARMS, p -> Math.min(JointAngle.LEFT_ELBOW.of(p, D2), JointAngle.RIGHT_ELBOW.of(p, D2))),
                angle("angle_elbow_straight_2d", ARMS, p -> Math.max(JointAngle.LEFT_ELBOW.of(p, D2), JointAngle.RIGHT_ELBOW.of(p, D2))),
                angle("angle_shoulder_low_2d", ARMS,
                        p -> Math.min(JointAngle.LEFT_SHOULDER.of(p, D2), JointAngle.RIGHT_SHOULDER.of(p, D2))),
                angle("angle_shoulder_high_2d", ARMS,
                        p -> Math.max(JointAngle.LEFT_SHOULDER.of(p, D2), JointAngle.RIGHT_SHOULDER.of(p, D2))),
                incline("incline_thigh_bent_2d", p -> bentLeg(p, Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_HIP, Joint.RIGHT_KNEE, true)),
                incline("incline_thigh_straight_2d",
                        p -> bentLeg(p, Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_HIP, Joint.RIGHT_KNEE, false)),
                incline("incline_shin_bent_2d", p -> bentLeg(p, Joint.LEFT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE, true)),
                incline("incline_shin_straight_2d",
                        p -> bentLeg(p, Joint.LEFT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE, false)),
                new PoseFeatureSet.Feature("incline_arms_line_2d", PoseFeatureSet.Group.INCLINATIONS,
                        Set.of(Joint.LEFT_WRIST, Joint.RIGHT_WRIST), StanceFeatures::armsLine),
                distance("dist_stance_over_leg_2d", LEGS, StanceFeatures::stanceOverLeg),
                distance("dist_knees_over_ankles_2d", LEGS, StanceFeatures::kneesOverAnkles),
                distance("dist_foot_lift_2d", LEGS, p -> Math.abs(p.y(Joint.LEFT_ANKLE) - p.y(Joint.RIGHT_ANKLE))),
                distance("dist_wrists_above_shoulders_2d", ARMS, p -> (p.y(Joint.LEFT_SHOULDER) + p.y(Joint.RIGHT_SHOULDER)
                        - p.y(Joint.LEFT_WRIST) - p.y(Joint.RIGHT_WRIST)) / 2));
    }

    /** {@link PoseFeatureSet#standard()} followed by {@link #all()}. */
    public static PoseFeatureSet withStandard() {
        List<PoseFeatureSet.Feature> features = new java.util.ArrayList<>(PoseFeatureSet.standard().features());
        features.addAll(all());
        return new PoseFeatureSet(features);
    }

    private static PoseFeatureSet.Feature angle(String name, Set<Joint> joints, ToDoubleFunction<Pose> value) {
        return new PoseFeatureSet.Feature(name, PoseFeatureSet.Group.ANGLES, joints, guarded(joints, value));
    }

    private static PoseFeatureSet.Feature incline(String name, ToDoubleFunction<Pose> value) {
        return new PoseFeatureSet.Feature(name, PoseFeatureSet.Group.INCLINATIONS, LEGS, guarded(LEGS, value));
    }

    private static PoseFeatureSet.Feature distance(String name, Set<Joint> joints, ToDoubleFunction<Pose> value) {
        return new PoseFeatureSet.Feature(name, PoseFeatureSet.Group.DISTANCES, joints, guarded(joints, value));
    }

    /** NaN unless every joint is present (Math.min and max would otherwise hide a missing side). */
    private static ToDoubleFunction<Pose> guarded(Set<Joint> joints, ToDoubleFunction<Pose> value) {
        Joint[] needed = joints.toArray(Joint[]::new);
        return p -> p.allPresent(needed) ? value.applyAsDouble(p) : Double.NaN;
    }

    private static double knee(Pose p, boolean left) {
        return (left ? JointAngle.LEFT_KNEE : JointAngle.RIGHT_KNEE).of(p, D2);
    }

    /** Inclination of the segment {@code from -> to} of the more bent ({@code bent}) or the straighter leg. */
    private static double bentLeg(Pose p, Joint leftFrom, Joint leftTo, Joint rightFrom, Joint rightTo, boolean bent) {
        boolean leftMoreBent = knee(p, true) <= knee(p, false);
        boolean left = leftMoreBent == bent;
        return left ? PoseGeometry.inclination(p, leftFrom, leftTo, D2) : PoseGeometry.inclination(p, rightFrom, rightTo, D2);
    }

    /** Angle of the wrist-to-wrist line to the horizontal, 0..90 degrees (0 = level arms). */
    private static double armsLine(Pose p) {
        if (!p.allPresent(Joint.LEFT_WRIST, Joint.RIGHT_WRIST)) {
            return Double.NaN;
        }
        double dx = Math.abs(p.x(Joint.LEFT_WRIST) - p.x(Joint.RIGHT_WRIST));
        double dy = Math.abs(p.y(Joint.LEFT_WRIST) - p.y(Joint.RIGHT_WRIST));
        return dx == 0 && dy == 0 ? Double.NaN : Math.toDegrees(Math.atan2(dy, dx));
    }

    /** Horizontal distance between the ankles over the mean length of the legs (hip-knee-ankle). */
    private static double stanceOverLeg(Pose p) {
        double leg = (legLength(p, Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.LEFT_ANKLE)
                + legLength(p, Joint.RIGHT_HIP, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE)) / 2;
        return leg > 0 ? Math.abs(p.x(Joint.LEFT_ANKLE) - p.x(Joint.RIGHT_ANKLE)) / leg : Double.NaN;
    }

    /** Horizontal distance between the knees over that between the ankles (goddess: knees out over the feet). */
    private static double kneesOverAnkles(Pose p) {
        double ankles = Math.abs(p.x(Joint.LEFT_ANKLE) - p.x(Joint.RIGHT_ANKLE));
        double knees = Math.abs(p.x(Joint.LEFT_KNEE) - p.x(Joint.RIGHT_KNEE));
        return ankles > 1e-6 ? Math.min(knees / ankles, 10) : Double.NaN;
    }

    private static double legLength(Pose p, Joint hip, Joint knee, Joint ankle) {
        return PoseGeometry.distance(p, hip, knee, D2) + PoseGeometry.distance(p, knee, ankle, D2);
    }
}
