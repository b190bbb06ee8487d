package formlab.pose.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import formlab.data.ProjectPaths;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import formlab.pose.Vec3;
import formlab.pose.io.ExerciseCorrectionReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The estimator on figures drawn from the MIT squat sample in data/external (needs the pose models for the run). */
class MannequinCheckTest {

    private static PoseSequence squats;

    @BeforeAll
    static void read() {
        squats = new ExerciseCorrectionReader().read(ProjectPaths.locate().external()
                .resolve("exercise-correction-sample/squat_model/test.csv")).sequence();
    }

    @Test
    void theErrorIsTheMeanJointDistanceInTorsoLengths() {
        Pose drawn = squats.frames().get(0).pose();
        double torsoPx = 100 * Math.hypot(
                (drawn.x(Joint.LEFT_SHOULDER) + drawn.x(Joint.RIGHT_SHOULDER) - drawn.x(Joint.LEFT_HIP) - drawn.x(Joint.RIGHT_HIP)) / 2,
                (drawn.y(Joint.LEFT_SHOULDER) + drawn.y(Joint.RIGHT_SHOULDER) - drawn.y(Joint.LEFT_HIP) - drawn.y(Joint.RIGHT_HIP)) / 2);
        assertEquals(0, MannequinCheck.error(drawn, estimate(drawn, 0), 100), 1e-9);
        // Every joint 0.05 of the image to the right: 5 px on a 100 px image.
        assertEquals(5 / torsoPx, MannequinCheck.error(drawn, estimate(drawn, 0.05), 100), 1e-9);
    }

    @Test
    void findsThePersonInMostDrawingsAndPutsTheJointsCloseToWhereTheyWereDrawn() {
        PoseModels models = PoseModels.locate();
        assumeTrue(models.isProvisioned(PoseModels.Variant.FULL), "MediaPipe Pose models not provisioned (make pose-models)");
        MannequinCheck check;
        try (PoseEstimator estimator = new PoseEstimator(models, PoseModels.Variant.FULL, 1)) {
            check = MannequinCheck.run(estimator, squats, 12, 256);
        }
        assertEquals(12, check.frames().size());
        assertEquals(12, check.table().rowCount());
        assertTrue(check.found() >= 6, check.summary());
        assertTrue(check.meanError() < 0.35, check.summary());
        assertTrue(check.frames().stream().allMatch(f -> f.drawing().getWidth() == 256), "drawn at the asked size");
    }

    private static LandmarkEstimate estimate(Pose drawn, double shift) {
        Pose moved = drawn.transform(CoordinateSpace.IMAGE_NORMALISED, v -> new Vec3(v.x() + shift, v.y(), v.z()));
        return new LandmarkEstimate(moved, new double[Joint.values().length], 0.9, Roi.wholeImage(100, 100), true, 100, 100);
    }
}
