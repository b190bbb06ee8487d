package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCorrectionReaderTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("landmarks.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n");
        return file;
    }

    @Test
    void jointsAreFoundByColumnNameInAnyOrder() throws IOException {
        Path file = write("label,right_elbow_x,right_elbow_y,right_elbow_z,right_elbow_v,left_elbow_v,left_elbow_x,left_elbow_y,left_elbow_z",
                "C,0.1,0.2,0.3,0.4,0.9,0.5,0.6,0.7");
        LandmarkRead read = new ExerciseCorrectionReader().read(file);
        Pose pose = read.sequence().frames().get(0).pose();
        assertEquals(0.1, pose.x(Joint.RIGHT_ELBOW));
        assertEquals(0.4, pose.visibility(Joint.RIGHT_ELBOW));
        assertEquals(0.5, pose.x(Joint.LEFT_ELBOW));
        assertEquals(0.9, pose.visibility(Joint.LEFT_ELBOW));
        assertEquals(2, pose.presentCount());
        assertFalse(pose.isPresent(Joint.NOSE));
        assertEquals("C", read.sequence().frames().get(0).label());
        assertNull(read.sequence().info().participant());
    }

    @Test
    void headerProblemsNameTheColumn() throws IOException {
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader(BadRowPolicy.SKIP);
        LandmarkFormatException unknown = assertThrows(LandmarkFormatException.class,
                () -> reader.read(write("label,left_toe_x,left_toe_y,left_toe_z,left_toe_v", "C,1,2,3,0.5")));
        assertEquals(Problem.BAD_HEADER, unknown.problem());
        assertEquals(2, unknown.column());
        assertTrue(unknown.getMessage().contains("left_toe_x"));

        LandmarkFormatException incomplete = assertThrows(LandmarkFormatException.class,
                () -> reader.read(write("label,nose_x,nose_y,nose_z,nose_x", "C,1,2,3,4")));
        assertEquals(5, incomplete.column());
        assertTrue(incomplete.getMessage().contains("twice"));

        LandmarkFormatException noVisibility = assertThrows(LandmarkFormatException.class,
                () -> reader.read(write("label,nose_x,nose_y,nose_z,left_hip_x,left_hip_y,left_hip_z,left_hip_v", "C,1,2,3,4,5,6,0.5")));
        assertTrue(noVisibility.getMessage().contains("nose_v"), noVisibility.getMessage());

        LandmarkFormatException noLabel = assertThrows(LandmarkFormatException.class,
                () -> reader.read(write("class,nose_x,nose_y,nose_z,nose_v", "C,1,2,3,0.5")));
        assertEquals(1, noLabel.column());
    }

    @Test
    void badRowsAreSkippedWithReasonsOrFail() throws IOException {
        Path file = write("label,nose_x,nose_y,nose_z,nose_v", "up,0.1,0.2,0.3,0.4", ",0.1,0.2,0.3,0.4",
                "down,0.1,x,0.3,0.4", "down,0.1,0.2,0.3", "down,0.5,0.5,0.5,0.5");
        LandmarkRead read = new ExerciseCorrectionReader(BadRowPolicy.SKIP).read(file);
        assertEquals(2, read.report().keptRows());
        assertEquals(Map.of(Problem.MISSING_LABEL, 1, Problem.NOT_A_NUMBER, 1, Problem.WRONG_COLUMN_COUNT, 1),
                read.report().skipped());
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new ExerciseCorrectionReader().read(file));
        assertEquals(Problem.MISSING_LABEL, e.problem());
        assertEquals(3, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void realSquatFilesHaveNineJointsAndPhaseLabels() throws IOException {
        Path root = KnownDataset.POSE_EXERCISE_CORRECTION.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-exercise-correction not available");
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader();
        LandmarkRead train = reader.read(DatasetFile.SQUAT_TRAIN.in(root));
        assertEquals(4160, train.sequence().size());
        Map<String, Long> labels = train.sequence().frames().stream()
                .collect(Collectors.groupingBy(PoseFrame::label, Collectors.counting()));
        assertEquals(Map.of("down", 2127L, "up", 2033L), labels);
        assertEquals(List.of(Joint.NOSE, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER, Joint.LEFT_HIP, Joint.RIGHT_HIP,
                Joint.LEFT_KNEE, Joint.RIGHT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE),
                ExerciseCorrectionReader.joints(DatasetFile.SQUAT_TRAIN.in(root)));
        assertEquals(853, reader.read(DatasetFile.SQUAT_TEST.in(root)).sequence().size());

        // The curl file lists right_elbow before left_elbow: check the mapping against the raw header.
        Path curl = DatasetFile.CURL_TEST.in(root);
        List<String> lines = Files.readAllLines(curl);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] raw = lines.get(1).split(",");
        Pose pose = reader.read(curl).sequence().frames().get(0).pose();
        assertEquals(Double.parseDouble(raw[header.indexOf("left_elbow_x")]), pose.x(Joint.LEFT_ELBOW));
        assertEquals(Double.parseDouble(raw[header.indexOf("right_elbow_y")]), pose.y(Joint.RIGHT_ELBOW));
        assertEquals(604, reader.read(curl).sequence().size());

        for (DatasetFile each : DatasetFile.values()) {
            LandmarkRead read = reader.read(each.in(root));
            assertEquals(0, read.report().skippedRows(), each.name());
        }
    }
}
