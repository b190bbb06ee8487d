package formlab.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Frames of one recording in time order (one video, one image set or one landmark file), with
 * where it came from.
 *
 * @param info   source file, participant, camera, sequence label
 * @param frames frames in time order
 */
public record PoseSequence(SequenceInfo info, List<PoseFrame> frames) {

    public PoseSequence {
        Objects.requireNonNull(info, "info");
        frames = List.copyOf(frames);
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).index() <= frames.get(i - 1).index()) {
                throw new IllegalArgumentException("Frames of " + info.source() + " must have increasing indices: "
                        + frames.get(i - 1).index() + " then " + frames.get(i).index());
            }
        }
    }

    /** Number of frames. */
    public int size() {
        return frames.size();
    }

    /** The poses, in frame order. */
    public List<Pose> poses() {
        return frames.stream().map(PoseFrame::pose).toList();
    }

    /** The label of frame {@code i}: its own label, else the sequence label, else null. */
    public String labelOf(int i) {
        String own = frames.get(i).label();
        return own != null ? own : info.label();
    }

    /** The same sequence with every pose replaced by {@code transform(pose)}. */
    public PoseSequence mapPoses(UnaryOperator<Pose> transform) {
        List<PoseFrame> mapped = new ArrayList<>(frames.size());
        for (PoseFrame frame : frames) {
            mapped.add(new PoseFrame(frame.index(), frame.label(), transform.apply(frame.pose())));
        }
        return new PoseSequence(info, mapped);
    }

    /** The first {@code count} frames (all of them when there are fewer). */
    public PoseSequence head(int count) {
        return new PoseSequence(info, frames.subList(0, Math.min(count, frames.size())));
    }
}
