package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoseDatasetsTest {

    @TempDir
    Path emptyDataRoot;

    @Test
    void squatFallsBackToTheEmbeddedMitSample() {
        String before = System.getProperty("formlab.data.dir");
        System.setProperty("formlab.data.dir", emptyDataRoot.toString());
        try {
            PoseData train = PoseDatasets.exerciseCorrection(DatasetFile.SQUAT_TRAIN);
            assertFalse(train.origin().real());
            assertTrue(train.origin().summary().contains("every 5th"), train.origin().summary());
            assertEquals(832, train.frameCount());
            assertEquals(2, train.framesPerLabel().size());
            assertThrows(IllegalStateException.class, () -> PoseDatasets.exerciseCorrection(DatasetFile.PLANK_TEST));
            assertTrue(PoseDatasets.posePilot().isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty("formlab.data.dir");
            } else {
                System.setProperty("formlab.data.dir", before);
            }
        }
    }

    @Test
    void smokeModeKeepsOneCameraOfEveryParticipant() {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available");
        PoseData smoke = PoseDatasets.posePilot(root, true);
        assertEquals(35, smoke.sequences().size());
        assertTrue(smoke.sequences().stream().allMatch(s -> s.info().camera().equals(PoseDatasets.SMOKE_CAMERA)));
        assertTrue(smoke.origin().real());
        assertTrue(smoke.origin().size().contains("6 participants"), smoke.origin().size());
        assertEquals(35, smoke.sequenceTable().rowCount());
        assertEquals(6, smoke.framesPerLabel().size());
        assertEquals("P4", smoke.find("tree/cam_0/P4").orElseThrow().info().participant());
        assertTrue(smoke.find("tree/cam_1/P4").isEmpty());
    }
}
