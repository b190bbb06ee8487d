package formlab.pose;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Contact sheets of rendered skeletons for notebooks: examples per label, and a sequence through time. */
public final class PoseGallery {

    private PoseGallery() {
    }

    /**
     * Up to {@code perLabel} examples of every label, one row per label: the middle frame of
     * that label in each of the first {@code perLabel} sequences that have it.
     */
    public static BufferedImage perLabel(List<PoseSequence> sequences, int perLabel, int cellWidth, int cellHeight) {
        Map<String, List<Pose>> poses = new TreeMap<>();
        Map<String, List<String>> titles = new TreeMap<>();
        for (PoseSequence sequence : sequences) {
            Map<String, List<Integer>> framesByLabel = new LinkedHashMap<>();
            for (int i = 0; i < sequence.size(); i++) {
                framesByLabel.computeIfAbsent(Objects.requireNonNullElse(sequence.labelOf(i), "(none)"), k -> new ArrayList<>()).add(i);
            }
            framesByLabel.forEach((label, frames) -> {
                List<Pose> list = poses.computeIfAbsent(label, k -> new ArrayList<>());
                if (list.size() < perLabel) {
                    int middle = frames.get(frames.size() / 2);
                    list.add(sequence.frames().get(middle).pose());
                    titles.computeIfAbsent(label, k -> new ArrayList<>()).add(label + " " + shortId(sequence, middle));
                }
            });
        }
        List<Pose> cells = new ArrayList<>();
        List<String> cellTitles = new ArrayList<>();
        Pose blank = Pose.builder(CoordinateSpace.BODY, false).build();
        for (String label : poses.keySet()) {
            List<Pose> list = poses.get(label);
            for (int i = 0; i < perLabel; i++) {
                cells.add(i < list.size() ? list.get(i) : blank);
                cellTitles.add(i < list.size() ? titles.get(label).get(i) : null);
            }
        }
        return SkeletonRenderer.grid(cells, cellTitles, perLabel, cellWidth, cellHeight);
    }

    /** {@code count} frames spread evenly over a sequence, left to right and top to bottom, titled by frame index. */
    public static BufferedImage strip(PoseSequence sequence, int count, int columns, int cellWidth, int cellHeight) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        List<Pose> poses = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int shown = Math.min(count, sequence.size());
        for (int k = 0; k < shown; k++) {
            int i = shown == 1 ? 0 : (int) Math.round(k * (sequence.size() - 1) / (double) (shown - 1));
            poses.add(sequence.frames().get(i).pose());
            titles.add("frame " + sequence.frames().get(i).index());
        }
        return SkeletonRenderer.grid(poses, titles, columns, cellWidth, cellHeight);
    }

    private static String shortId(PoseSequence sequence, int frame) {
        SequenceInfo info = sequence.info();
        if (info.participant() != null) {
            return info.participant() + (info.camera() != null ? " " + info.camera() : "");
        }
        return "#" + sequence.frames().get(frame).index();
    }
}
