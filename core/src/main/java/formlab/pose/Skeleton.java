package formlab.pose;

import static formlab.pose.Joint.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Topology of the BlazePose 33-landmark skeleton: the bones drawn between landmarks (the same
 * connections MediaPipe draws) and the left/right pairs used to mirror a pose.
 */
public final class Skeleton {

    /** The 35 BlazePose connections: face, arms and hands, torso, legs and feet. */
    public static final List<Bone> BONES = List.of(
            // face
            new Bone(NOSE, LEFT_EYE_INNER), new Bone(LEFT_EYE_INNER, LEFT_EYE), new Bone(LEFT_EYE, LEFT_EYE_OUTER),
            new Bone(LEFT_EYE_OUTER, LEFT_EAR), new Bone(NOSE, RIGHT_EYE_INNER), new Bone(RIGHT_EYE_INNER, RIGHT_EYE),
            new Bone(RIGHT_EYE, RIGHT_EYE_OUTER), new Bone(RIGHT_EYE_OUTER, RIGHT_EAR), new Bone(MOUTH_LEFT, MOUTH_RIGHT),
            // torso
            new Bone(LEFT_SHOULDER, RIGHT_SHOULDER), new Bone(LEFT_SHOULDER, LEFT_HIP),
            new Bone(RIGHT_SHOULDER, RIGHT_HIP), new Bone(LEFT_HIP, RIGHT_HIP),
            // left arm and hand
            new Bone(LEFT_SHOULDER, LEFT_ELBOW), new Bone(LEFT_ELBOW, LEFT_WRIST), new Bone(LEFT_WRIST, LEFT_PINKY),
            new Bone(LEFT_WRIST, LEFT_INDEX), new Bone(LEFT_WRIST, LEFT_THUMB), new Bone(LEFT_PINKY, LEFT_INDEX),
            // right arm and hand
            new Bone(RIGHT_SHOULDER, RIGHT_ELBOW), new Bone(RIGHT_ELBOW, RIGHT_WRIST), new Bone(RIGHT_WRIST, RIGHT_PINKY),
            new Bone(RIGHT_WRIST, RIGHT_INDEX), new Bone(RIGHT_WRIST, RIGHT_THUMB), new Bone(RIGHT_PINKY, RIGHT_INDEX),
            // left leg and foot
            new Bone(LEFT_HIP, LEFT_KNEE), new Bone(LEFT_KNEE, LEFT_ANKLE), new Bone(LEFT_ANKLE, LEFT_HEEL),
            new Bone(LEFT_HEEL, LEFT_FOOT_INDEX), new Bone(LEFT_ANKLE, LEFT_FOOT_INDEX),
            // right leg and foot
            new Bone(RIGHT_HIP, RIGHT_KNEE), new Bone(RIGHT_KNEE, RIGHT_ANKLE), new Bone(RIGHT_ANKLE, RIGHT_HEEL),
            new Bone(RIGHT_HEEL, RIGHT_FOOT_INDEX), new Bone(RIGHT_ANKLE, RIGHT_FOOT_INDEX));

    /** Each left joint paired with its right counterpart (16 pairs; the nose has none). */
    public static final List<List<Joint>> LEFT_RIGHT_PAIRS = leftRightPairs();

    /** The joints a body-space normalisation needs: both shoulders and both hips. */
    public static final Set<Joint> TORSO = Collections.unmodifiableSet(
            EnumSet.of(LEFT_SHOULDER, RIGHT_SHOULDER, LEFT_HIP, RIGHT_HIP));

    private Skeleton() {
    }

    private static List<List<Joint>> leftRightPairs() {
        List<List<Joint>> pairs = new ArrayList<>();
        for (Joint joint : Joint.values()) {
            if (joint.side() == Joint.Side.LEFT) {
                pairs.add(List.of(joint, joint.mirror()));
            }
        }
        return List.copyOf(pairs);
    }
}
