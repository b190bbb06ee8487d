package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosePilotReaderTest {

    @TempDir
    Path dir;

    static String header() {
        return IntStream.range(0, 132).mapToObj(Integer::toString).collect(Collectors.joining(",")) + ",asana";
    }

    /** A row whose landmark j has x = j/100, y = j/100 + 0.5, z = -j/1000, visibility 0.9. */
    static String row(String label) {
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < 33; j++) {
            row.append(j / 100.0).append(',').append(j / 100.0 + 0.5).append(',').append(-j / 1000.0).append(",0.9,");
        }
        return row.append(label).toString();
    }

    private Path write(String relative, String... lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void readsLandmarkMajorValuesAndPathMetadata() throws IOException {
        Path file = write("tree/cam_2/P5.csv", header(), row("tree"), row("tree"));
        LandmarkRead read = new PosePilotReader().read(file);
        assertEquals(2, read.sequence().size());
        Pose pose = read.sequence().frames().get(0).pose();
        assertEquals(CoordinateSpace.IMAGE_NORMALISED, pose.space());
        assertEquals(0.11, pose.x(Joint.LEFT_SHOULDER), 1e-12);
        assertEquals(0.61, pose.y(Joint.LEFT_SHOULDER), 1e-12);
        assertEquals(-0.028, pose.z(Joint.RIGHT_ANKLE), 1e-12);
        assertEquals(0.9, pose.visibility(Joint.RIGHT_FOOT_INDEX));
        assertEquals("P5", read.sequence().info().participant());
        assertEquals("cam_2", read.sequence().info().camera());
        assertEquals("tree", read.sequence().info().label());
        assertEquals(0, read.report().skippedRows());
    }

    @Test
    void fileOutsideTheLayoutTakesItsLabelFromTheRows() throws IOException {
        Path file = write("upload.csv", header(), row("goddess"));
        LandmarkRead read = new PosePilotReader().read(file);
        assertNull(read.sequence().info().participant());
        assertEquals("goddess", read.sequence().info().label());
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws IOException {
        String shortRow = row("tree").replaceFirst("^[^,]*,", "");
        Path file = write("tree/cam_0/P1.csv", header(), row("tree"), shortRow);
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new PosePilotReader().read(file));
        assertEquals(Problem.WRONG_COLUMN_COUNT, e.problem());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("P1.csv, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 133 columns"), e.getMessage());
    }

    @Test
    void nonNumericAndNonFiniteCellsNameTheColumnAndJoint() throws IOException {
        String[] cells = row("tree").split(",");
        cells[45] = "abc"; // landmark 11 (left shoulder) y
        Path bad = write("a.csv", header(), String.join(",", cells));
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new PosePilotReader().read(bad));
        assertEquals(Problem.NOT_A_NUMBER, e.problem());
        assertEquals(2, e.line());
        assertEquals(46, e.column());
        assertTrue(e.getMessage().contains("left_shoulder y"), e.getMessage());

        cells[45] = "NaN";
        Path nan = write("b.csv", header(), String.join(",", cells));
        assertEquals(Problem.NON_FINITE_VALUE,
                assertThrows(LandmarkFormatException.class, () -> new PosePilotReader().read(nan)).problem());

        cells[45] = "0.5f"; // Double.parseDouble would accept this
        Path suffix = write("c.csv", header(), String.join(",", cells));
        assertEquals(Problem.NOT_A_NUMBER,
                assertThrows(LandmarkFormatException.class, () -> new PosePilotReader().read(suffix)).problem());
    }

    @Test
    void visibilityOutsideUnitRangeIsRejected() throws IOException {
        String[] cells = row("tree").split(",");
        cells[3] = "1.5";
        Path file = write("a.csv", header(), String.join(",", cells));
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> new PosePilotReader().read(file));
        assertEquals(Problem.OUT_OF_RANGE, e.problem());
        assertEquals(4, e.column());
    }

    @Test
    void badHeaderEmptyAndMissingFilesFailWhateverThePolicy() throws IOException {
        PosePilotReader skipping = new PosePilotReader(BadRowPolicy.SKIP);
        Path noHeader = write("a.csv", row("tree"));
        assertEquals(Problem.BAD_HEADER, assertThrows(LandmarkFormatException.class, () -> skipping.read(noHeader)).problem());
        Path renamed = write("b.csv", header().replace(",asana", ",pose"), row("tree"));
        LandmarkFormatException e = assertThrows(LandmarkFormatException.class, () -> skipping.read(renamed));
        assertEquals(133, e.column());
        Path headerOnly = write("c.csv", header());
        assertEquals(Problem.EMPTY_FILE, assertThrows(LandmarkFormatException.class, () -> skipping.read(headerOnly)).problem());
        Path empty = write("d.csv", "");
        assertEquals(Problem.EMPTY_FILE, assertThrows(LandmarkFormatException.class, () -> skipping.read(empty)).problem());
        assertEquals(Problem.MISSING_FILE,
                assertThrows(LandmarkFormatException.class, () -> skipping.read(dir.resolve("none.csv"))).problem());
    }

    @Test
    void skipPolicyCountsBadRowsAndKeepsFrameNumbering() throws IOException {
        String[] nan = row("tree").split(",");
        nan[0] = "nan";
        Path file = write("tree/cam_0/P1.csv", header(), row("tree"), "1,2,3", String.join(",", nan), row("cobra"), row("tree"));
        LandmarkRead read = new PosePilotReader(BadRowPolicy.SKIP).read(file);
        assertEquals(5, read.report().dataRows());
        assertEquals(2, read.report().keptRows());
        assertEquals(Map.of(Problem.WRONG_COLUMN_COUNT, 1, Problem.NON_FINITE_VALUE, 1, Problem.LABEL_MISMATCH, 1),
                read.report().skipped());
        assertEquals(3, read.report().examples().size());
        assertEquals(List.of(0, 4), read.sequence().frames().stream().map(f -> f.index()).toList());
        String summary = read.report().summary();
        assertTrue(summary.startsWith("tree/cam_0/P1.csv: 2/5 rows kept, skipped"), summary);
        assertTrue(summary.contains("WRONG_COLUMN_COUNT=1"), summary);
    }

    @Test
    void realDatasetHasSixPosesSixParticipantsFourCameras() throws IOException {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available");
        List<LandmarkRead> reads = new PosePilotReader().readAll(root);
        assertEquals(140, reads.size());
        Map<String, Set<String>> participants = new TreeMap<>();
        int frames = 0;
        for (LandmarkRead read : reads) {
            var info = read.sequence().info();
            participants.computeIfAbsent(info.label(), k -> new TreeSet<>()).add(info.participant());
            assertEquals(0, read.report().skippedRows(), read.report().summary());
            frames += read.sequence().size();
            for (var frame : read.sequence().frames()) {
                assertEquals(33, frame.pose().presentCount());
                assertEquals(info.label(), frame.label());
            }
        }
        assertEquals(PosePilotReader.POSES, List.copyOf(participants.keySet()));
        assertEquals(Set.of("P1", "P2", "P3", "P5", "P6"), participants.get("cobra"));
        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5", "P6"), participants.get("tree"));
        assertEquals(16116, frames);

        // Landmark-major layout: landmark j's x, y sit in columns 4j and 4j+1 of the raw line.
        Path file = root.resolve("chair/cam_0/P1.csv");
        String[] raw = Files.readAllLines(file).get(1).split(",");
        Pose first = new PosePilotReader().read(file).sequence().frames().get(0).pose();
        for (Joint joint : Joint.values()) {
            assertEquals(Double.parseDouble(raw[4 * joint.index()]), first.x(joint), joint.name());
            assertEquals(Double.parseDouble(raw[4 * joint.index() + 1]), first.y(joint), joint.name());
        }
        // A standing pose: the nose is above the ankles (y grows downwards).
        assertTrue(first.y(Joint.NOSE) < first.y(Joint.LEFT_ANKLE));
    }
}
