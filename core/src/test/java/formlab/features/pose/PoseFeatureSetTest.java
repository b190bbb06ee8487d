package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.*;

import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseGeometry.Dimension;
import formlab.pose.PoseNormalizer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseFeatureSetTest {

    /** A random but plausible 3D pose in image space, all 33 joints present. */
    static Pose randomPose(long seed) {
        Random random = new Random(seed);
        Pose.Builder builder = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            builder.set(joint, 0.2 + 0.6 * random.nextDouble(), 0.1 + 0.8 * random.nextDouble(),
                    0.3 * random.nextGaussian(), random.nextDouble());
        }
        // keep a real torso so normalisation is well defined
        return builder.set(Joint.LEFT_SHOULDER, 0.55, 0.3, 0, 1).set(Joint.RIGHT_SHOULDER, 0.45, 0.3, 0, 1)
                .set(Joint.LEFT_HIP, 0.54, 0.6, 0, 1).set(Joint.RIGHT_HIP, 0.46, 0.6, 0, 1).build();
    }

    @Test
    void standardSetHasUniqueNamesInADocumentedOrder() {
        PoseFeatureSet set = PoseFeatureSet.standard();
        List<String> names = set.names();
        assertEquals(names.size(), new HashSet<>(names).size());
        // 8 angles + 9 inclinations + 9 distances, in 2D and 3D, then 13 joints x 3 coordinates
        assertEquals(2 * (8 + 9 + 9) + 13 * 3, set.size());
        assertEquals("angle_left_elbow_2d", names.get(0));
        assertEquals("incline_torso_2d", names.get(8));
        assertEquals("dist_wrists_2d", names.get(17));
        assertEquals("angle_left_elbow_3d", names.get(26));
        assertEquals("pos_nose_x", names.get(52));
        assertEquals(2 * (8 + 9 + 9) / 2 + 13 * 2, PoseFeatureSet.twoD().size());
        assertThrows(IllegalArgumentException.class, () -> new PoseFeatureSet(List.of(
                new PoseFeatureSet.Feature("a", PoseFeatureSet.Group.ANGLES, java.util.Set.of(), p -> 0),
                new PoseFeatureSet.Feature("a", PoseFeatureSet.Group.ANGLES, java.util.Set.of(), p -> 1))));
    }

    @Test
    void describeListsEveryFeatureWithItsUnit() {
        var table = PoseFeatureSet.standard().describe();
        assertEquals(PoseFeatureSet.standard().size(), table.rowCount());
        assertEquals("degrees", table.stringColumn("unit").get(0));
        assertEquals("torso lengths", table.stringColumn("unit").get(17));
        assertEquals("positions", table.stringColumn("group").get(table.rowCount() - 1));
    }

    @Test
    void mirroringAPoseSwapsTheLeftAndRightFeatures() {
        PoseFeatureSet set = PoseFeatureSet.standard();
        List<String> names = set.names();
        for (long seed = 0; seed < 5; seed++) {
            Pose body = PoseNormalizer.DEFAULT.normalise(randomPose(seed)).orElseThrow();
            double[] original = set.compute(body);
            double[] mirrored = set.compute(PoseNormalizer.mirror(body));
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String other = name.contains("left_") ? name.replace("left_", "right_") : name.replace("right_", "left_");
                double expected = mirrored[names.indexOf(other)];
                if (name.startsWith("pos_") && name.endsWith("_x")) {
                    expected = -expected;
                }
                assertEquals(original[i], expected, 1e-9, name + " vs mirrored " + other);
            }
        }
    }

    @Test
    void eachFeatureDeclaresExactlyTheJointsItNeeds() {
        PoseFeatureSet set = PoseFeatureSet.standard();
        Pose full = PoseNormalizer.DEFAULT.normalise(randomPose(11)).orElseThrow();
        double[] reference = set.compute(full);
        for (Joint removed : Joint.values()) {
            double[] without = set.compute(full.toBuilder().missing(removed).build());
            for (int i = 0; i < set.size(); i++) {
                PoseFeatureSet.Feature feature = set.features().get(i);
                if (feature.joints().contains(removed)) {
                    assertTrue(Double.isNaN(without[i]), feature.name() + " needs " + removed);
                } else {
                    assertEquals(reference[i], without[i], 0, feature.name() + " does not need " + removed);
                }
            }
        }
    }

    @Test
    void restrictingToRecordedJointsLeavesNoFeatureUnknown() {
        var squatJoints = java.util.Set.of(Joint.NOSE, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER, Joint.LEFT_HIP,
                Joint.RIGHT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);
        PoseFeatureSet restricted = PoseFeatureSet.standard().restrictTo(squatJoints);
        assertTrue(restricted.names().contains("angle_left_knee_2d"));
        assertTrue(restricted.names().contains("dist_nose_to_ankles_3d"));
        assertTrue(restricted.names().contains("angle_left_hip_2d"));
        assertFalse(restricted.names().contains("angle_left_elbow_2d"));
        assertFalse(restricted.names().contains("incline_left_forearm_2d"));
        Pose.Builder builder = randomPose(3).toBuilder();
        for (Joint joint : Joint.values()) {
            if (!squatJoints.contains(joint)) {
                builder.missing(joint);
            }
        }
        Pose body = PoseNormalizer.DEFAULT.normalise(builder.build()).orElseThrow();
        for (double value : restricted.compute(body)) {
            assertFalse(Double.isNaN(value));
        }
    }

    @Test
    void positionsNeedABodySpacePoseAndAnglesDoNot() {
        Pose image = randomPose(7);
        assertThrows(IllegalArgumentException.class, () -> PoseFeatureSet.standard().compute(image));
        PoseFeatureSet angles = PoseFeatureSet.of(EnumSet.of(PoseFeatureSet.Group.ANGLES), EnumSet.of(Dimension.TWO_D));
        assertEquals(8, angles.compute(image).length);
        Pose body = PoseNormalizer.DEFAULT.normalise(image).orElseThrow();
        assertArrayEquals(angles.compute(image), angles.compute(body), 1e-9, "angles do not change with translation and scale");
    }
}
