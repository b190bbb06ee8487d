package formlab.pose;

import java.util.List;
import java.util.Optional;

/**
 * Finds when a person starts to move in a recording: the first frame whose body-space pose
 * differs from the first frame's by more than a threshold. Before it, the person is still in the
 * stance they started from (in PosePilot every video starts standing, whatever the pose), so no
 * classifier that sees only past and present frames can tell which pose will follow.
 *
 * <p>Distance: the mean image-plane (x, y) distance, in torso lengths after
 * {@link PoseNormalizer#DEFAULT}, over the {@link #JOINTS} present in both frames. Frames that
 * cannot be normalised (no torso) are skipped.
 *
 * @param threshold mean displacement, in torso lengths, that counts as moving (0.3 by default)
 */
public record MovementOnset(double threshold) {

    /** Default: a mean displacement of 0.3 torso lengths, about a forearm raised halfway. */
    public static final MovementOnset DEFAULT = new MovementOnset(0.3);

    /** The joints compared: nose, shoulders, elbows, wrists, hips, knees, ankles. */
    public static final List<Joint> JOINTS = List.of(Joint.NOSE, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER,
            Joint.LEFT_ELBOW, Joint.RIGHT_ELBOW, Joint.LEFT_WRIST, Joint.RIGHT_WRIST, Joint.LEFT_HIP, Joint.RIGHT_HIP,
            Joint.LEFT_KNEE, Joint.RIGHT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);

    public MovementOnset {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0 torso lengths, got " + threshold);
        }
    }

    /**
     * Index (0-based, into {@code sequence.frames()}) of the first frame that has moved away from the
     * first normalisable frame, or {@code sequence.size()} when the person never moves that far.
     */
    public int frameOf(PoseSequence sequence) {
        Pose start = null;
        for (int i = 0; i < sequence.size(); i++) {
            Optional<Pose> pose = PoseNormalizer.DEFAULT.normalise(sequence.frames().get(i).pose());
            if (pose.isEmpty()) {
                continue;
            }
            if (start == null) {
                start = pose.get();
            } else if (displacement(start, pose.get()) > threshold) {
                return i;
            }
        }
        return sequence.size();
    }

    /** Mean image-plane distance between the {@link #JOINTS} present in both poses; 0 when none is. */
    public static double displacement(Pose a, Pose b) {
        double sum = 0;
        int count = 0;
        for (Joint joint : JOINTS) {
            if (a.isPresent(joint) && b.isPresent(joint)) {
                sum += Math.hypot(a.x(joint) - b.x(joint), a.y(joint) - b.y(joint));
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
