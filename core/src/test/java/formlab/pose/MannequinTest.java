package formlab.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.ProjectPaths;
import formlab.pose.io.ExerciseCorrectionReader;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Figures drawn from the MIT exercise-correction squat sample shipped in data/external. */
class MannequinTest {

    private static PoseSequence squats;

    @BeforeAll
    static void read() {
        squats = new ExerciseCorrectionReader().read(ProjectPaths.locate().external()
                .resolve("exercise-correction-sample/squat_model/test.csv")).sequence();
    }

    @Test
    void theFigureCoversItsJointsAndLeavesTheCornersEmpty() {
        int size = 256;
        for (PoseFrame frame : List.of(squats.frames().get(0), squats.frames().get(200))) {
            BufferedImage image = Mannequin.draw(frame.pose(), size);
            assertEquals(size, image.getWidth());
            int background = image.getRGB(0, 0);
            assertEquals(background, image.getRGB(size - 1, size - 1));
            for (Joint joint : Mannequin.REQUIRED) {
                int x = (int) Math.round(frame.pose().x(joint) * size);
                int y = (int) Math.round(frame.pose().y(joint) * size);
                assertNotEquals(background, image.getRGB(x, y), "frame " + frame.index() + ": nothing drawn at " + joint);
            }
        }
    }

    @Test
    void aSequenceGivesOneDrawingPerFrameAndEveryKeepsEveryNthFrame() {
        PoseSequence clip = squats.head(30).every(3);
        assertEquals(10, clip.size());
        assertEquals(List.of(0, 3, 6, 9, 12, 15, 18, 21, 24, 27), clip.frames().stream().map(PoseFrame::index).toList());
        assertEquals(squats.frames().get(3).label(), clip.frames().get(1).label());
        assertEquals(10, Mannequin.draw(clip, 64).size());
        assertThrows(IllegalArgumentException.class, () -> squats.every(0));
    }

    @Test
    void aPoseItCannotDrawIsRejectedNamingWhatIsMissing() {
        Pose withoutKnee = squats.frames().get(0).pose().toBuilder().missing(Joint.LEFT_KNEE).build();
        var error = assertThrows(IllegalArgumentException.class, () -> Mannequin.draw(withoutKnee, 128));
        assertTrue(error.getMessage().contains("missing [LEFT_KNEE]"), error.getMessage());
        Pose normalised = PoseNormalizer.DEFAULT.normalise(squats.head(1)).frames().get(0).pose();
        var space = assertThrows(IllegalArgumentException.class, () -> Mannequin.draw(normalised, 128));
        assertTrue(space.getMessage().contains("BODY"), space.getMessage());
    }
}
