package formlab.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LandmarkQualityTest {

    static PoseSequence sequence() {
        Pose a = PoseNormalizerTest.standing().toBuilder().set(Joint.LEFT_KNEE, 0.6, 0.8, 0, 0.2).build();
        Pose b = PoseNormalizerTest.standing().toBuilder().set(Joint.LEFT_KNEE, 0.6, 0.8, 0, 0.8)
                .set(Joint.RIGHT_HIP, 0.4, 0.6, 0, 0.1).build();
        return new PoseSequence(new SequenceInfo(Path.of("s.csv"), "test", "P1", null, null),
                List.of(new PoseFrame(0, "up", a), new PoseFrame(1, "down", b), new PoseFrame(2, "down", a)));
    }

    @Test
    void perJointCountsPresenceAndVisibility() {
        Table table = LandmarkQuality.perJoint(List.of(sequence()), 0.5);
        assertEquals(33, table.rowCount());
        int knee = Joint.LEFT_KNEE.index();
        assertEquals("left_knee", table.stringColumn("joint").get(knee));
        assertEquals(3, table.intColumn("frames present").get(knee));
        assertEquals((0.2 + 0.8 + 0.2) / 3, table.doubleColumn("mean visibility").get(knee), 1e-12);
        assertEquals(2 / 3.0, table.doubleColumn("share low visibility").get(knee), 1e-12);
        int wrist = Joint.LEFT_WRIST.index();
        assertEquals(0, table.doubleColumn("share present").get(wrist));
        assertTrue(table.doubleColumn("mean visibility").isMissing(wrist));
    }

    @Test
    void perLabelReportsUsableTorsoShare() {
        Table table = LandmarkQuality.perLabel(List.of(sequence()), 0.5);
        assertEquals(List.of("down", "up"), table.stringColumn("label").asList());
        assertEquals(2, table.intColumn("frames").get(0));
        assertEquals(0.5, table.doubleColumn("share with usable torso").get(0), 1e-12, "the right hip is hidden in one frame");
        assertEquals(1.0, table.doubleColumn("share with usable torso").get(1), 1e-12);
        // "up" frame: 9 joints present, left knee below threshold
        assertEquals(8, table.doubleColumn("mean usable joints").get(1), 1e-12);
    }

    @Test
    void galleriesHaveOneCellPerExample() {
        BufferedImage perLabel = PoseGallery.perLabel(List.of(sequence()), 3, 100, 120);
        assertEquals(300, perLabel.getWidth());
        assertEquals(240, perLabel.getHeight(), "two labels, one row each");
        BufferedImage strip = PoseGallery.strip(sequence(), 3, 2, 100, 120);
        assertEquals(200, strip.getWidth());
        assertEquals(240, strip.getHeight());
    }
}
