package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Yoga11KeypointReaderTest {

    @TempDir
    Path dir;

    @Test
    void mapsKeypointsOntoBlazePoseAndFlipsY() throws IOException {
        // x: head, shoulders, elbowR, wristR, elbowL, wristL, hips, kneeR, footR, kneeL, footL; then y likewise
        String row = "mountain,1,2,-30,-40,30,40,3,-10,-11,10,11,"
                + "160,110,60,10,61,11,12,-65,-150,-66,-151";
        Path file = dir.resolve("kp.csv");
        Files.writeString(file, row + "\n\n");
        var read = new Yoga11KeypointReader().read(file);
        Pose pose = read.sequence().frames().get(0).pose();
        assertEquals(CoordinateSpace.IMAGE_CENTRED, pose.space());
        assertFalse(pose.hasDepth());
        assertEquals(1, pose.x(Joint.NOSE));
        assertEquals(-160, pose.y(Joint.NOSE));
        assertEquals(2, pose.x(Joint.LEFT_SHOULDER));
        assertEquals(2, pose.x(Joint.RIGHT_SHOULDER));
        assertEquals(-110, pose.y(Joint.RIGHT_SHOULDER));
        assertEquals(-30, pose.x(Joint.RIGHT_ELBOW));
        assertEquals(-10, pose.y(Joint.RIGHT_WRIST));
        assertEquals(30, pose.x(Joint.LEFT_ELBOW));
        assertEquals(3, pose.x(Joint.LEFT_HIP));
        assertEquals(3, pose.x(Joint.RIGHT_HIP));
        assertEquals(-11, pose.x(Joint.RIGHT_ANKLE));
        assertEquals(150, pose.y(Joint.RIGHT_ANKLE));
        assertEquals(10, pose.x(Joint.LEFT_KNEE));
        assertEquals(151, pose.y(Joint.LEFT_ANKLE));
        assertEquals(13, pose.presentCount());
        assertEquals("mountain", read.sequence().frames().get(0).label());
        assertEquals(1, read.report().dataRows(), "the trailing blank line is not a row");
    }

    @Test
    void missingMarkerMakesJointsMissingNotZero() throws IOException {
        String row = "bridge,54,33,9999,9999,8,-33,-63,9999,9999,9999,9999,"
                + "32,14,9999,9999,-30,-57,41,9999,9999,9999,9999";
        String empty = "bridge" + ",9999".repeat(22);
        Path file = dir.resolve("kp.csv");
        Files.writeString(file, row + "\n" + empty + "\n");
        var read = new Yoga11KeypointReader().read(file);
        Pose pose = read.sequence().frames().get(0).pose();
        assertFalse(pose.isPresent(Joint.RIGHT_ELBOW));
        assertFalse(pose.isPresent(Joint.RIGHT_KNEE));
        assertTrue(Double.isNaN(pose.x(Joint.RIGHT_WRIST)));
        assertTrue(pose.isPresent(Joint.LEFT_ELBOW));
        assertEquals(0, read.sequence().frames().get(1).pose().presentCount());
        assertEquals(6 + 11, read.report().missingJoints());
        assertEquals(1, read.report().emptyFrames());
    }

    @Test
    void wrongColumnCountAndTextCellsAreTypedErrors() throws IOException {
        Path file = dir.resolve("kp.csv");
        Files.writeString(file, "tree,1,2,3\n");
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new Yoga11KeypointReader().read(file));
        assertEquals(Problem.WRONG_COLUMN_COUNT, e.problem());
        assertTrue(e.getMessage().contains("expected 23 columns"));
        Files.writeString(file, "tree" + ",1".repeat(11) + ",oops" + ",1".repeat(10) + "\n");
        e = assertThrows(LandmarkFormatException.class, () -> new Yoga11KeypointReader().read(file));
        assertEquals(Problem.NOT_A_NUMBER, e.problem());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("y of head"), e.getMessage());
    }

    @Test
    void aClassTheDatasetDoesNotHaveIsRefusedWithItsLine() throws IOException {
        Path file = dir.resolve("kp.csv");
        Files.writeString(file, formlab.faults.BadInputs.keypointRow("mountain") + "\n"
                + formlab.faults.BadInputs.keypointRow("headstand") + "\n");
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new Yoga11KeypointReader().read(file));
        assertEquals(Problem.UNKNOWN_LABEL, e.problem());
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("class 'headstand' is not one of the dataset's classes"), e.getMessage());
        assertEquals(10, Yoga11KeypointReader.datasetClasses().size());
    }

    @Test
    void realFileHasTenClassesAndStandingPosesUpright() throws IOException {
        Path root = KnownDataset.POSE_YOGA_11KP.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-11kp not available");
        var read = new Yoga11KeypointReader().read(root.resolve("data/all.csv"));
        assertEquals(863, read.sequence().size());
        Map<String, Long> counts = read.sequence().frames().stream()
                .collect(Collectors.groupingBy(PoseFrame::label, Collectors.counting()));
        assertEquals(10, counts.size());
        assertEquals(190L, counts.get("mountain"));
        assertTrue(read.report().emptyFrames() > 0);
        long upright = read.sequence().frames().stream()
                .filter(f -> f.label().equals("mountain"))
                .map(PoseFrame::pose)
                .filter(p -> p.allPresent(Joint.NOSE, Joint.LEFT_ANKLE))
                .filter(p -> p.y(Joint.NOSE) < p.y(Joint.LEFT_ANKLE))
                .count();
        long withBoth = read.sequence().frames().stream()
                .filter(f -> f.label().equals("mountain"))
                .filter(f -> f.pose().allPresent(Joint.NOSE, Joint.LEFT_ANKLE)).count();
        assertTrue(upright > 0.95 * withBoth, upright + " of " + withBoth + " mountain poses have the head above the feet");
    }
}
