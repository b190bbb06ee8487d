package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovementOnsetTest {

    /** The standing person of {@link PoseNormalizerTest#standing()} with both elbows raised by {@code lift}. */
    private static Pose elbowsRaised(double lift) {
        Pose standing = PoseNormalizerTest.standing();
        Pose.Builder builder = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : standing.presentJoints()) {
            double y = standing.y(joint) - (joint == Joint.LEFT_ELBOW || joint == Joint.RIGHT_ELBOW ? lift : 0);
            builder.set(joint, standing.x(joint), y, standing.z(joint), 1);
        }
        return builder.build();
    }

    private static PoseSequence sequence(List<Pose> poses) {
        List<PoseFrame> frames = new ArrayList<>();
        for (int i = 0; i < poses.size(); i++) {
            frames.add(new PoseFrame(i, null, poses.get(i)));
        }
        return new PoseSequence(new SequenceInfo(Path.of("onset.csv"), "onset", null, null, "any"), frames);
    }

    @Test
    void onsetIsTheFirstFrameThatMovedFarEnoughFromTheStart() {
        // 9 joints present, torso 0.4 long: raising both elbows by 0.1 per frame moves the mean joint
        // by 2 * (0.1 k / 0.4) / 9 torso lengths, which first exceeds 0.3 at k = 6 (frame 4 + 6)
        List<Pose> poses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            poses.add(PoseNormalizerTest.standing());
        }
        for (int k = 1; k <= 8; k++) {
            poses.add(elbowsRaised(0.1 * k));
        }
        assertEquals(10, MovementOnset.DEFAULT.frameOf(sequence(poses)));
        assertEquals(4 + 2, new MovementOnset(0.1).frameOf(sequence(poses)), "a lower threshold fires earlier");
    }

    @Test
    void aPersonWhoNeverMovesHasNoOnsetAndUnusableFramesAreSkipped() {
        Pose noTorso = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true).set(Joint.NOSE, 0.5, 0.1, 0, 1).build();
        List<Pose> poses = new ArrayList<>(List.of(noTorso, noTorso));
        for (int i = 0; i < 6; i++) {
            poses.add(PoseNormalizerTest.standing());
        }
        assertEquals(8, MovementOnset.DEFAULT.frameOf(sequence(poses)));
        poses.add(elbowsRaised(1.0));
        assertEquals(8, MovementOnset.DEFAULT.frameOf(sequence(poses)), "the first frame with a torso is the reference");
        assertThrows(IllegalArgumentException.class, () -> new MovementOnset(0));
    }
}
