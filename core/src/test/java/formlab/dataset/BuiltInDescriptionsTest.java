package formlab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The descriptions shipped with FormLab: every one reads without error, and on the real datasets
 * (skipped without FORMLAB_DATA_DIR) each finds what the dataset's SOURCE.txt says it holds, with no
 * file that does not fit.
 */
class BuiltInDescriptionsTest {

    @Test
    void everyDatasetKnownByNameHasTheBuiltInDescriptionOfThatName() {
        for (KnownDataset known : KnownDataset.values()) {
            assertTrue(DatasetDescriptions.builtInNames().contains(known.folderName()), known + " has no built-in description");
            DatasetDescription description = DatasetDescriptions.builtIn(known.folderName()).description();
            assertEquals(known.folderName(), description.name());
            assertTrue(description.folder() == null || description.folder().equals(known.folderName()),
                    known + ": the description points at another folder, " + description.folder());
        }
    }

    @Test
    void everyBuiltInDescriptionReads() {
        List<String> names = DatasetDescriptions.builtInNames();
        assertTrue(names.containsAll(List.of("imu-barbell-metawear", "imu-physio-yurtman", "pose-repcount",
                "pose-yoga-posepilot", "pose-exercise-correction", "pose-yoga-11kp", "images-yoga-5class")), names.toString());
        for (String name : names) {
            LoadedDescription loaded = DatasetDescriptions.builtIn(name);
            assertEquals(name, loaded.description().name());
            assertTrue(loaded.builtIn());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetDescriptions.locate("no-such-dataset"));
        assertTrue(e.getMessage().contains("imu-physio-yurtman"), e.getMessage());
    }

    private static DatasetReport check(String name) {
        Assumptions.assumeTrue(DataSettings.dataset(name).isPresent(), name + " not available (FORMLAB_DATA_DIR)");
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.builtIn(name));
        assertTrue(report.ok(), report.text());
        assertTrue(report.seconds() < 60, name + " took " + report.seconds() + " s");
        return report;
    }

    @Test
    void physioYurtman() {
        DatasetReport report = check("imu-physio-yurtman");
        assertEquals(80, report.recordings().size(), "5 subjects x 8 exercises x (test, template)");
        assertTrue(report.recordings().stream().allMatch(r -> r.files.size() == 5), "5 units each");
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), report.subjects());
        assertEquals(8, report.classes().size());
        report.rates().forEach((unit, rate) -> assertEquals(25.0, rate, 1e-9, unit));
        List<Recording> tests = report.recordings().stream().filter(r -> r.groups().get("session").equals("test")).toList();
        assertEquals(40, tests.size());
        assertTrue(tests.stream().allMatch(r -> r.count() == 30));
        List<Recording> subjectOneTests = tests.stream().filter(r -> r.groups().get("subject").equals("s1")).toList();
        assertTrue(subjectOneTests.stream().allMatch(r -> r.repetitions().size() == 30), "subject 1's test_times");
        assertTrue(tests.stream().filter(r -> !r.groups().get("subject").equals("s1")).allMatch(r -> r.repetitions().isEmpty()));
        Map<String, Long> qualities = subjectOneTests.stream().flatMap(r -> r.qualities.stream())
                .collect(Collectors.groupingBy(q -> q, Collectors.counting()));
        assertEquals(Map.of("correct", 80L, "too fast", 80L, "low amplitude", 80L), qualities, "10 of each per session");
    }

    @Test
    void barbellMetaWear() {
        DatasetReport report = check("imu-barbell-metawear");
        assertEquals(List.of("A", "B", "C", "D"), report.subjects());
        assertEquals(List.of("bench", "dead", "ohp", "rest", "row", "squat"), List.copyOf(report.classes().keySet()));
        assertEquals(12.5, report.rates().get("Accelerometer"), 0.01);
        assertEquals(25.0, report.rates().get("Gyroscope"), 0.01);
        assertTrue(report.recordings().stream().allMatch(r -> r.files.size() == 2), "accelerometer + gyroscope per set");
        assertTrue(report.recordings().stream().filter(r -> r.groups().get("set").startsWith("heavy")).allMatch(r -> r.count() == 5));
        assertTrue(report.notTaken().get(DatasetCheck.NOT_INCLUDED).stream().anyMatch(f -> f.startsWith("raw/form/")),
                "bad-form sets are not taken");
    }

    @Test
    void poseRepCount() {
        DatasetReport report = check("pose-repcount");
        assertEquals(103, report.recordings().size());
        assertEquals(10, report.subjects().size());
        assertEquals(9, report.classes().size());
        for (Recording recording : report.recordings()) {
            assertEquals(recording.count(), recording.repetitions().size(), recording.id());
            assertTrue(recording.repetitions().stream().allMatch(r -> r[1] <= recording.rows()), recording.id());
        }
    }

    @Test
    void landmarkAndImageDatasets() {
        DatasetReport posePilot = check("pose-yoga-posepilot");
        assertEquals(List.of("chair", "cobra", "downdog", "goddess", "tree", "warrior"), List.copyOf(posePilot.classes().keySet()));
        assertTrue(posePilot.subjects().size() >= 6, posePilot.subjects().toString());
        DatasetReport correction = check("pose-exercise-correction");
        assertTrue(correction.classes().keySet().containsAll(List.of("up", "down", "C", "L", "H", "I", "M", "D")));
        DatasetReport keypoints = check("pose-yoga-11kp");
        assertEquals(10, keypoints.classes().size());
        assertEquals(863, keypoints.classes().values().stream().mapToInt(Integer::intValue).sum(), "train 747 + test 116");
        DatasetReport images = check("images-yoga-5class");
        assertEquals(5, images.classes().size());
        assertTrue(images.notes().stream().anyMatch(n -> n.contains("00000181.bmp") && n.contains("holds jpeg")), "a JPEG named .bmp");
    }

    @Test
    void aFolderNamedLikeABuiltInDescriptionIsCheckedWithIt() {
        Path folder = DataSettings.dataset("pose-yoga-11kp").orElse(null);
        Assumptions.assumeTrue(folder != null, "pose-yoga-11kp not available (FORMLAB_DATA_DIR)");
        LoadedDescription loaded = DatasetDescriptions.locate(folder.toString());
        assertEquals("pose-yoga-11kp", loaded.description().name());
        assertEquals(folder, loaded.folder().orElseThrow());
        assertFalse(DatasetCheck.run(loaded).recordings().isEmpty());
    }
}
