package formlab.pose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /** The joints present in every frame (all 33 minus those the recording never has, or sometimes lacks). */
    public Set<Joint> jointsInEveryFrame() {
        Set<Joint> joints = EnumSet.allOf(Joint.class);
        for (PoseFrame frame : frames) {
            joints.retainAll(frame.pose().presentJoints());
        }
        return joints;
    }

    /**
     * Splits a file that concatenates several recordings into takes, cutting wherever the hip
     * centre jumps by more than {@code maxJump} torso lengths (image plane) from one frame to the
     * next; no body moves that far in one video frame, a cut between two videos does. Frames
     * without hips or shoulders stay in the current take. Takes are named {@code <id>#<k>}.
     * Exercise-correction files hold no video ids, so takes are the nearest thing to them for
     * grouped evaluation; a cut between two similar-looking videos can be missed.
     */
    public List<PoseSequence> splitAtJumps(double maxJump) {
        return splitIntoTakes(maxJump, false);
    }

    /**
     * Like {@link #splitAtJumps(double)}, and when {@code atLabelChanges} also wherever the frame
     * label changes: right for files whose label is constant within a recording (a form error
     * such as "lean back"), wrong for labels that change within one (squat phase, lunge stage).
     */
    public List<PoseSequence> splitIntoTakes(double maxJump, boolean atLabelChanges) {
        List<PoseSequence> takes = new ArrayList<>();
        List<PoseFrame> current = new ArrayList<>();
        Vec3 previous = null;
        String previousLabel = null;
        for (PoseFrame frame : frames) {
            Pose pose = frame.pose();
            Vec3 hip = BodyPoint.HIP_CENTRE.in(pose).orElse(null);
            double torso = PoseGeometry.torsoLength(pose, PoseGeometry.Dimension.TWO_D);
            boolean jump = hip != null && previous != null && torso > 0 && hip.minus(previous).flat().length() / torso > maxJump;
            boolean relabelled = atLabelChanges && previousLabel != null && !previousLabel.equals(frame.label());
            previousLabel = frame.label();
            if ((jump || relabelled) && !current.isEmpty()) {
                takes.add(take(takes.size(), current));
                current = new ArrayList<>();
            }
            current.add(frame);
            if (hip != null) {
                previous = hip;
            }
        }
        if (!current.isEmpty()) {
            takes.add(take(takes.size(), current));
        }
        return takes;
    }

    private PoseSequence take(int number, List<PoseFrame> takeFrames) {
        return new PoseSequence(info.asTake(number), takeFrames);
    }

    /** Every {@code step}-th frame, starting with the first (frame indices and labels kept). */
    public PoseSequence every(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        List<PoseFrame> kept = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += step) {
            kept.add(frames.get(i));
        }
        return new PoseSequence(info, kept);
    }

    /** The first {@code count} frames (all of them when there are fewer). */
    public PoseSequence head(int count) {
        return new PoseSequence(info, frames.subList(0, Math.min(count, frames.size())));
    }
}
