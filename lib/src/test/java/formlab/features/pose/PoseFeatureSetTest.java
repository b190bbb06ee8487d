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
                new PoseFeatureSet.Feature("a", PoseFeatureSet.Group.ANGLES, p -> 0),
                new PoseFeatureSet.Feature("a", PoseFeatureSet.Group.ANGLES, p -> 1))));
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
    void positionsNeedABodySpacePoseAndAnglesDoNot() {
        Pose image = randomPose(7);
        assertThrows(IllegalArgumentException.class, () -> PoseFeatureSet.standard().compute(image));
        PoseFeatureSet angles = PoseFeatureSet.of(EnumSet.of(PoseFeatureSet.Group.ANGLES), EnumSet.of(Dimension.TWO_D));
        assertEquals(8, angles.compute(image).length);
        Pose body = PoseNormalizer.DEFAULT.normalise(image).orElseThrow();
        assertArrayEquals(angles.compute(image), angles.compute(body), 1e-9, "angles do not change with translation and scale");
    }
}
