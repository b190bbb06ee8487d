package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkeletonTest {

    @Test
    void jointIndicesFollowMediaPipe() {
        assertEquals(33, Joint.values().length);
        assertEquals(Joint.NOSE, Joint.byIndex(0));
        assertEquals(Joint.LEFT_EYE_OUTER, Joint.byIndex(3));
        assertEquals(Joint.MOUTH_RIGHT, Joint.byIndex(10));
        assertEquals(Joint.LEFT_SHOULDER, Joint.byIndex(11));
        assertEquals(Joint.RIGHT_WRIST, Joint.byIndex(16));
        assertEquals(Joint.LEFT_HIP, Joint.byIndex(23));
        assertEquals(Joint.RIGHT_ANKLE, Joint.byIndex(28));
        assertEquals(Joint.RIGHT_FOOT_INDEX, Joint.byIndex(32));
        assertEquals("left_foot_index", Joint.LEFT_FOOT_INDEX.mediaPipeName());
        assertEquals(Joint.RIGHT_KNEE, Joint.byMediaPipeName("Right_Knee").orElseThrow());
        assertTrue(Joint.byMediaPipeName("left_toe").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Joint.byIndex(33));
    }

    @Test
    void mirrorSwapsSidesAndIsItsOwnInverse() {
        assertEquals(Joint.RIGHT_ELBOW, Joint.LEFT_ELBOW.mirror());
        assertEquals(Joint.MOUTH_LEFT, Joint.MOUTH_RIGHT.mirror());
        assertEquals(Joint.LEFT_EYE_INNER, Joint.RIGHT_EYE_INNER.mirror());
        assertEquals(Joint.NOSE, Joint.NOSE.mirror());
        for (Joint joint : Joint.values()) {
            assertEquals(joint, joint.mirror().mirror(), joint.name());
            if (joint != Joint.NOSE) {
                assertNotEquals(joint.side(), joint.mirror().side(), joint.name());
            }
        }
        assertEquals(16, Skeleton.LEFT_RIGHT_PAIRS.size());
    }

    @Test
    void bonesAreDistinctAndMirrorOntoBones() {
        Set<Set<Joint>> bones = new HashSet<>();
        for (Bone bone : Skeleton.BONES) {
            assertTrue(bones.add(Set.of(bone.from(), bone.to())), "duplicate bone " + bone);
        }
        assertEquals(35, bones.size());
        for (Bone bone : Skeleton.BONES) {
            Bone mirrored = bone.mirror();
            assertTrue(bones.contains(Set.of(mirrored.from(), mirrored.to())), "mirror of " + bone);
        }
        Set<Joint> covered = new HashSet<>();
        Skeleton.BONES.forEach(b -> covered.addAll(List.of(b.from(), b.to())));
        assertEquals(33, covered.size(), "every landmark is on a bone");
    }
}
