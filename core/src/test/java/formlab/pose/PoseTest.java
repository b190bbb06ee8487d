package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseTest {

    @Test
    void missingJointsAreExplicitNotZero() {
        Pose pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true)
                .set(Joint.LEFT_HIP, 0.4, 0.6, -0.1, 0.9)
                .build();
        assertTrue(pose.isPresent(Joint.LEFT_HIP));
        assertFalse(pose.isPresent(Joint.RIGHT_HIP));
        assertTrue(Double.isNaN(pose.x(Joint.RIGHT_HIP)));
        assertTrue(Double.isNaN(pose.visibility(Joint.RIGHT_HIP)));
        assertTrue(pose.position(Joint.RIGHT_HIP).isEmpty());
        assertTrue(pose.midpoint(Joint.LEFT_HIP, Joint.RIGHT_HIP).isEmpty());
        assertEquals(1, pose.presentCount());
        assertEquals(new Vec3(0.4, 0.6, -0.1), pose.position(Joint.LEFT_HIP).orElseThrow());
        double[] flat = pose.toArray();
        assertEquals(132, flat.length);
        assertEquals(0.4, flat[23 * 4]);
        assertTrue(Double.isNaN(flat[24 * 4]));
    }

    @Test
    void lowVisibilityJointsBecomeMissing() {
        Pose pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true)
                .set(Joint.LEFT_KNEE, 0.1, 0.2, 0, 0.3)
                .set(Joint.RIGHT_KNEE, 0.3, 0.2, 0, 0.8)
                .build();
        Pose filtered = pose.withMinVisibility(0.5);
        assertFalse(filtered.isPresent(Joint.LEFT_KNEE));
        assertTrue(filtered.isPresent(Joint.RIGHT_KNEE));
        assertTrue(pose.isPresent(Joint.LEFT_KNEE), "the original is unchanged");
    }

    @Test
    void builderRejectsNonFiniteCoordinatesAndDepthlessSetOn3d() {
        Pose.Builder builder = Pose.builder(CoordinateSpace.IMAGE_CENTRED, false);
        assertThrows(IllegalArgumentException.class, () -> builder.set(Joint.NOSE, Double.NaN, 1));
        Pose twoD = builder.set(Joint.NOSE, 1, 2).build();
        assertFalse(twoD.hasDepth());
        assertTrue(Double.isNaN(twoD.z(Joint.NOSE)));
        assertThrows(IllegalStateException.class,
                () -> Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true).set(Joint.NOSE, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true).set(Joint.NOSE, 1, 2, Double.NaN, 1));
    }

    @Test
    void sequenceKeepsFrameOrderAndFallsBackToSequenceLabel() {
        Pose pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, false).set(Joint.NOSE, 0.5, 0.5).build();
        SequenceInfo info = new SequenceInfo(Path.of("tree/cam_1/P2.csv"), "test", "P2", "cam_1", "tree");
        PoseSequence sequence = new PoseSequence(info, List.of(new PoseFrame(0, null, pose), new PoseFrame(2, "x", pose)));
        assertEquals("tree", sequence.labelOf(0));
        assertEquals("x", sequence.labelOf(1));
        assertEquals("tree/cam_1/P2", info.id());
        assertThrows(IllegalArgumentException.class,
                () -> new PoseSequence(info, List.of(new PoseFrame(3, null, pose), new PoseFrame(2, null, pose))));
    }

    @Test
    void takesAreCutAtJumpsAndOptionallyAtLabelChanges() {
        List<PoseFrame> frames = new java.util.ArrayList<>();
        double[] hipX = {0.50, 0.51, 0.52, 0.90, 0.91, 0.92, 0.93};
        String[] labels = {"C", "C", "C", "C", "L", "L", "L"};
        for (int i = 0; i < hipX.length; i++) {
            Pose pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, false)
                    .set(Joint.LEFT_HIP, hipX[i] + 0.02, 0.6).set(Joint.RIGHT_HIP, hipX[i] - 0.02, 0.6)
                    .set(Joint.LEFT_SHOULDER, hipX[i] + 0.02, 0.4).set(Joint.RIGHT_SHOULDER, hipX[i] - 0.02, 0.4).build();
            frames.add(new PoseFrame(i, labels[i], pose));
        }
        PoseSequence file = new PoseSequence(new SequenceInfo(Path.of("curl.csv"), "test", null, null, null), frames);
        List<PoseSequence> takes = file.splitAtJumps(0.5);
        assertEquals(List.of(3, 4), takes.stream().map(PoseSequence::size).toList(), "0.38 image widths = 1.9 torsos");
        assertEquals("curl.csv#1", takes.get(1).info().id());
        assertEquals(3, takes.get(1).frames().get(0).index(), "frame indices are kept");
        assertEquals(List.of(3, 1, 3), file.splitIntoTakes(0.5, true).stream().map(PoseSequence::size).toList());
        assertEquals(java.util.Set.of(Joint.LEFT_HIP, Joint.RIGHT_HIP, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER),
                file.jointsInEveryFrame());
    }
}
