package formlab.pose;

import java.util.Objects;

/**
 * One frame of a sequence.
 *
 * @param index 0-based frame number within the source (the data row number, counting rows that
 *              were skipped), so gaps show where frames were dropped
 * @param label the frame's label, or null when unlabeled
 * @param pose  the skeleton
 */
public record PoseFrame(int index, String label, Pose pose) {

    public PoseFrame {
        if (index < 0) {
            throw new IllegalArgumentException("frame index must be >= 0, got " + index);
        }
        Objects.requireNonNull(pose, "pose");
    }
}
