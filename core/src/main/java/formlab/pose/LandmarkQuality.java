package formlab.pose;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How trustworthy landmark recordings are: per joint and per label, how often a joint is
 * present and how visible MediaPipe thought it was. Joints with low visibility are usually
 * occluded (the far arm in a side view) and their positions are guesses.
 */
public final class LandmarkQuality {

    private LandmarkQuality() {
    }

    /**
     * One row per joint: frames in which it is present, mean visibility over those frames, and
     * the share of present frames with visibility below {@code threshold}.
     */
    public static Table perJoint(List<PoseSequence> sequences, double threshold) {
        int[] present = new int[Joint.COUNT];
        int[] low = new int[Joint.COUNT];
        int[] withVisibility = new int[Joint.COUNT];
        double[] sum = new double[Joint.COUNT];
        int frames = 0;
        for (PoseSequence sequence : sequences) {
            for (PoseFrame frame : sequence.frames()) {
                frames++;
                Pose pose = frame.pose();
                for (Joint joint : Joint.values()) {
                    if (pose.isPresent(joint)) {
                        int j = joint.index();
                        present[j]++;
                        double v = pose.visibility(joint);
                        if (!Double.isNaN(v)) {
                            withVisibility[j]++;
                            sum[j] += v;
                            low[j] += v < threshold ? 1 : 0;
                        }
                    }
                }
            }
        }
        Table table = Table.create("Landmark quality per joint (" + frames + " frames, low = visibility < " + threshold + ")");
        StringColumn name = StringColumn.create("joint");
        IntColumn presentColumn = IntColumn.create("frames present");
        DoubleColumn presentShare = DoubleColumn.create("share present");
        DoubleColumn mean = DoubleColumn.create("mean visibility");
        DoubleColumn lowShare = DoubleColumn.create("share low visibility");
        for (Joint joint : Joint.values()) {
            int j = joint.index();
            name.append(joint.mediaPipeName());
            presentColumn.append(present[j]);
            presentShare.append(frames == 0 ? Double.NaN : present[j] / (double) frames);
            mean.append(withVisibility[j] == 0 ? Double.NaN : sum[j] / withVisibility[j]);
            lowShare.append(withVisibility[j] == 0 ? Double.NaN : low[j] / (double) withVisibility[j]);
        }
        return table.addColumns(name, presentColumn, presentShare, mean, lowShare);
    }

    /**
     * One row per label: frames, mean number of joints with visibility at least
     * {@code threshold} (or present, when visibility is unknown), and the share of frames in
     * which both shoulders and both hips pass, which normalisation needs.
     */
    public static Table perLabel(List<PoseSequence> sequences, double threshold) {
        Map<String, double[]> stats = new TreeMap<>();
        for (PoseSequence sequence : sequences) {
            for (int i = 0; i < sequence.size(); i++) {
                String label = Objects.requireNonNullElse(sequence.labelOf(i), "(none)");
                Pose pose = sequence.frames().get(i).pose();
                int good = 0;
                for (Joint joint : Joint.values()) {
                    good += usable(pose, joint, threshold) ? 1 : 0;
                }
                boolean torso = Skeleton.TORSO.stream().allMatch(j -> usable(pose, j, threshold));
                double[] s = stats.computeIfAbsent(label, k -> new double[3]);
                s[0]++;
                s[1] += good;
                s[2] += torso ? 1 : 0;
            }
        }
        Table table = Table.create("Landmark quality per label (usable = visibility >= " + threshold + ")");
        StringColumn label = StringColumn.create("label");
        IntColumn frames = IntColumn.create("frames");
        DoubleColumn joints = DoubleColumn.create("mean usable joints");
        DoubleColumn torso = DoubleColumn.create("share with usable torso");
        stats.forEach((name, s) -> {
            label.append(name);
            frames.append((int) s[0]);
            joints.append(s[1] / s[0]);
            torso.append(s[2] / s[0]);
        });
        return table.addColumns(label, frames, joints, torso);
    }

    private static boolean usable(Pose pose, Joint joint, double threshold) {
        if (!pose.isPresent(joint)) {
            return false;
        }
        double v = pose.visibility(joint);
        return Double.isNaN(v) || v >= threshold;
    }
}
