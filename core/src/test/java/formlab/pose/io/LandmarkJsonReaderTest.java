package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkJsonReaderTest {

    private static final Path SOURCE = Path.of("frames.json");

    @TempDir
    Path dir;

    /** One frame with the values of {@link PosePilotReaderTest#row}: landmark j at x = j/100, y = j/100 + 0.5, z = -j/1000, visibility 0.9. */
    private static String frame(int landmarks) {
        StringJoiner frame = new StringJoiner(",", "[", "]");
        for (int j = 0; j < landmarks; j++) {
            frame.add("{\"x\":" + j / 100.0 + ",\"y\":" + (j / 100.0 + 0.5) + ",\"z\":" + (-j / 1000.0)
                    + ",\"visibility\":0.9,\"presence\":0.99}");
        }
        return frame.toString();
    }

    private static PoseSequence read(String json) {
        return new LandmarkJsonReader().read(json.getBytes(StandardCharsets.UTF_8), SOURCE);
    }

    private static LandmarkFormatException failure(String json) {
        return assertThrows(LandmarkFormatException.class, () -> read(json));
    }

    @Test
    void readsTheSamePosesAsTheCsvLayout() throws IOException {
        PoseSequence json = read("{\"frames\": [" + frame(33) + ",\n" + frame(33) + "]}");
        Path csv = dir.resolve("frames.csv");
        Files.writeString(csv, PosePilotReaderTest.header() + "\n" + PosePilotReaderTest.row("x") + "\n"
                + PosePilotReaderTest.row("x") + "\n");
        PoseSequence fromCsv = new PosePilotReader().read(csv).sequence();
        assertEquals(2, json.size());
        for (int i = 0; i < 2; i++) {
            Pose a = json.frames().get(i).pose();
            Pose b = fromCsv.frames().get(i).pose();
            assertEquals(CoordinateSpace.IMAGE_NORMALISED, a.space());
            for (Joint joint : Joint.values()) {
                assertEquals(b.x(joint), a.x(joint), 0.0);
                assertEquals(b.y(joint), a.y(joint), 0.0);
                assertEquals(b.z(joint), a.z(joint), 0.0);
                assertEquals(b.visibility(joint), a.visibility(joint), 0.0);
            }
        }
        assertEquals(SOURCE, json.info().source());
    }

    @Test
    void badFramesNameTheLineColumnFrameAndLandmark() {
        LandmarkFormatException e = failure("{\"frames\": [" + frame(33) + ",\n" + frame(32) + "]}");
        assertEquals(Problem.MALFORMED_JSON, e.problem());
        assertTrue(e.getMessage().contains("frames.json, line 2") && e.getMessage().contains("frame 1 has 32 landmarks"),
                e.getMessage());

        e = failure("{\"frames\": [" + frame(33).replaceFirst("\"y\":0.5", "\"y\":\"a\"") + "]}");
        assertTrue(e.getMessage().contains("frame 0, landmark 0 (nose): expected a number for y, found the string \"a\""),
                e.getMessage());
        e = failure("{\"frames\": [" + frame(33).replace("\"visibility\":0.9,\"presence\":0.99}]", "\"presence\":1}]") + "]}");
        assertTrue(e.getMessage().contains("landmark 32 (right_foot_index): missing visibility"), e.getMessage());
        e = failure("{\"frames\": [" + frame(33).replaceFirst("\"visibility\":0.9", "\"visibility\":1.5") + "]}");
        assertEquals(Problem.OUT_OF_RANGE, e.problem());

        assertTrue(failure("{\"frames\": [").getMessage().contains("not valid JSON"));
        assertTrue(failure("[1, 2]").getMessage().contains("expected a JSON object"));
        assertTrue(failure("{\"poses\": []}").getMessage().contains("unknown field 'poses'"));
        assertEquals(Problem.EMPTY_FILE, failure("{\"frames\": []}").problem());
        assertEquals(Problem.EMPTY_FILE, failure("{}").problem());
        assertTrue(failure("{\"frames\": [" + frame(34) + "]}").getMessage().contains("more than 33 landmarks"));
        assertTrue(failure("{\"frames\": [" + frame(33) + "]} {}").getMessage().contains("after the object"));
    }
}
