package formlab.label;

import formlab.features.pose.PoseFeatureExtractor;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SkeletonRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmark frames as a labelling pool: every {@code everyNth} frame of each sequence becomes an item
 * ({@link ItemKind#POSE_FRAME}) with the per-frame features of a {@link PoseFeatureExtractor}, its
 * sequence as source (so diversity caps frames of one video) and its participant as group; the
 * picture a person labels is the skeleton ({@link SkeletonRenderer}).
 *
 * @param pool  the items
 * @param poses the pose of each item, by item id
 */
public record PoseFramePool(UnlabelledPool pool, Map<String, Pose> poses) {

    public PoseFramePool {
        poses = Map.copyOf(poses);
    }

    /** Frames of {@code sequences} (every {@code everyNth}, starting with the first) with {@code extractor}'s features. */
    public static PoseFramePool of(List<PoseSequence> sequences, PoseFeatureExtractor extractor, int everyNth) {
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be at least 1, got " + everyNth);
        }
        List<PoolItem> items = new ArrayList<>();
        Map<String, Pose> poses = new LinkedHashMap<>();
        for (PoseSequence sequence : sequences) {
            String source = sequence.info().source().toString();
            String group = sequence.info().participantId().orElse(sequence.info().source().getFileName().toString());
            for (int f = 0; f < sequence.size(); f += everyNth) {
                PoseFrame frame = sequence.frames().get(f);
                String id = sequence.info().id() + "#" + frame.index();
                items.add(new PoolItem(id, ItemKind.POSE_FRAME, source, group, "", extractor.frame(frame.pose())));
                poses.put(id, frame.pose());
            }
        }
        return new PoseFramePool(new UnlabelledPool(extractor.names(), items), poses);
    }

    /** Skeleton pictures (480 x 480) of the items, for Label Studio. */
    public LabelStudioExport.Pictures pictures() {
        return item -> {
            Pose pose = poses.get(item.id());
            if (pose == null) {
                throw new IllegalArgumentException("No pose for item '" + item.id() + "'");
            }
            return SkeletonRenderer.render(pose, 480, 480);
        };
    }
}
