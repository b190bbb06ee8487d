package formlab.eval.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.sim.SimulationSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidationTest {

    @TempDir
    Path dir;

    private static List<Finding> of(ValidationReport report, String check, Severity severity) {
        return report.findings().stream().filter(f -> f.check().equals(check) && f.severity() == severity).toList();
    }

    @Test
    void barbellFolderChecksFindBrokenPairsHeadersAndCopiesWithShiftedClocks() throws Exception {
        Path folder = dir.resolve("barbell");
        ImuDatasets.ensureSimulated(folder, new SimulationSettings(7, 2, 1, 1, false, 0.0));
        ValidationReport clean = BarbellDatasetValidation.validate("clean", folder);
        assertEquals(Severity.PASS, clean.worst(), clean.toString());

        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        // 1. a copy of one recording under another participant with every clock one day later
        Path original = files.stream().filter(p -> p.getFileName().toString().contains("Accelerometer")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(original);
        StringBuilder shifted = new StringBuilder(lines.getFirst()).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[0] = Long.toString(Long.parseLong(cells[0]) + 86_400_000L);
            cells[1] = cells[1].replaceFirst("T", "X").replace("X", "T"); // local time text kept; it is a clock column too
            shifted.append(String.join(",", cells)).append('\n');
        }
        String copyName = original.getFileName().toString().replaceFirst("^S1", "S9");
        Files.writeString(folder.resolve(copyName), shifted.toString());
        Files.writeString(folder.resolve(copyName.replace("Accelerometer_12.500Hz", "Gyroscope_25.000Hz")),
                Files.readString(files.stream().filter(p -> p.getFileName().toString().startsWith(original.getFileName().toString()
                        .substring(0, original.getFileName().toString().indexOf("Accelerometer"))) && p.toString().contains("Gyroscope"))
                        .findFirst().orElseThrow()).replace("\n1", "\n2")); // clocks differ, values equal
        // 2. a gyroscope file deleted: its set is unpaired
        Path gyroscope = files.stream().filter(p -> p.getFileName().toString().startsWith("S2") && p.toString().contains("Gyroscope"))
                .findFirst().orElseThrow();
        Files.delete(gyroscope);
        // 3. an accelerometer file whose header names the wrong unit and whose values exceed the range
        Path other = files.stream().filter(p -> p.getFileName().toString().startsWith("S2") && p.toString().contains("Accelerometer"))
                .skip(1).findFirst().orElseThrow();
        Files.writeString(other, Files.readString(other).replace("x-axis (g)", "x-axis (m/s2)"));

        ValidationReport broken = BarbellDatasetValidation.validate("broken", folder);
        assertFalse(broken.passed(), broken.toString());
        List<Finding> copies = of(broken, "duplicate recordings", Severity.FAIL);
        assertTrue(copies.stream().anyMatch(f -> f.message().contains(copyName) || f.subject().equals(copyName)), broken.toString());
        assertTrue(of(broken, "sensor pairs", Severity.FAIL).stream().anyMatch(f -> f.message().contains("only a Accelerometer file")),
                broken.toString());
        Finding schema = of(broken, "schema", Severity.FAIL).getFirst();
        assertEquals(other.getFileName().toString(), schema.subject());
        assertTrue(schema.message().contains("x-axis (g)") && schema.message().contains("missing"), schema.message());
    }

    @Test
    void exerciseCorrectionSampleShipsWithTheProjectAndPasses() {
        Path sample = ProjectPaths.locate().external().resolve("exercise-correction-sample");
        ValidationReport report = LandmarkDatasetValidation.exerciseCorrection("sample", sample);
        assertTrue(report.passed(), report.toString());
        assertEquals(Severity.PASS, of(report, "squat train/test overlap", Severity.PASS).getFirst().severity());
        assertEquals(1, of(report, "group coverage", Severity.WARN).size(), "no subject ids must be pointed out");
    }

    @Test
    void landmarkFilesWithBadHeadersRowsOrLeakedRowsAreReportedByFileLineAndColumn() throws Exception {
        Path sample = ProjectPaths.locate().external().resolve("exercise-correction-sample/squat_model");
        List<String> train = Files.readAllLines(sample.resolve("train.csv"));
        List<String> test = new java.util.ArrayList<>(Files.readAllLines(sample.resolve("test.csv")).subList(0, 100));
        test.set(7, test.get(7).replaceFirst(",[^,]+$", ",abc"));
        test.add(train.get(3)); // a training row leaked into the test file

        Path root = dir.resolve("ec");
        Files.createDirectories(root.resolve("squat_model"));
        Files.writeString(root.resolve("squat_model/train.csv"), String.join("\n", train.subList(0, 60)));
        Files.writeString(root.resolve("squat_model/test.csv"), String.join("\n", test));
        ValidationReport leaked = LandmarkDatasetValidation.exerciseCorrection("leaked", root);
        Finding row = leaked.findings().stream().filter(f -> f.subject().equals("squat_model/test.csv") && f.check().equals("format"))
                .findFirst().orElseThrow();
        assertEquals(Severity.WARN, row.severity(), "1 bad row in 101 is a warning");
        assertTrue(row.message().contains("line 8") && row.message().contains("abc"), row.message());
        Finding overlap = of(leaked, "squat train/test overlap", Severity.FAIL).getFirst();
        assertTrue(overlap.message().startsWith("1 of 100 test rows"), overlap.message());

        Files.writeString(root.resolve("squat_model/train.csv"), String.join("\n", train.getFirst().replace("nose_x", "nose_q"),
                String.join("\n", train.subList(1, 60))));
        ValidationReport header = LandmarkDatasetValidation.exerciseCorrection("bad header", root);
        Finding bad = header.findings().stream().filter(f -> f.subject().equals("squat_model/train.csv")).findFirst().orElseThrow();
        assertEquals(Severity.FAIL, bad.severity());
        assertTrue(bad.message().contains("line 1") && bad.message().contains("nose_q"), bad.message());
    }

    @Test
    void imageFolderReportsUnreadableFilesLyingExtensionsAndClassCounts() throws Exception {
        Path root = dir.resolve("images");
        for (String label : List.of("Tree Pose", "WARRIOR")) {
            Files.createDirectories(root.resolve(label));
            for (int i = 0; i < 4; i++) {
                BufferedImage image = new BufferedImage(80 + 7 * i, 90, BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < image.getWidth(); x++) {
                    for (int y = 0; y < image.getHeight(); y++) {
                        image.setRGB(x, y, ((x * (i + 3) + y * (label.length() + i)) % 256) * 0x010101);
                    }
                }
                ImageIO.write(image, "png", root.resolve(label).resolve("img" + i + (i == 0 ? ".jpg" : ".png")).toFile());
            }
        }
        Files.writeString(root.resolve("WARRIOR/notes.jpg"), "not an image at all");
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        BufferedImage photo = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(3);
        for (int x = 0; x < photo.getWidth(); x++) {
            for (int y = 0; y < photo.getHeight(); y++) {
                photo.setRGB(x, y, noise.nextInt(0x1000000));
            }
        }
        ImageIO.write(photo, "jpeg", jpeg);
        Files.write(root.resolve("Tree Pose/cut.jpg"), java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2));
        ValidationReport report = ImageDatasetValidation.validate("images", root);
        assertTrue(of(report, "damaged images", Severity.WARN).getFirst().message().contains("Tree Pose/cut.jpg"), report.toString());
        assertTrue(of(report, "unreadable files", Severity.WARN).getFirst().message().contains("WARRIOR/notes.jpg"), report.toString());
        assertTrue(of(report, "file extensions", Severity.WARN).getFirst().subject().startsWith("2 images"), report.toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.subject().equals("Tree Pose") && f.message().startsWith("5 rows")),
                report.toString());
    }

    @Test
    void realDatasetsShowTheirKnownTraps() {
        Optional<Path> barbell = KnownDataset.IMU_BARBELL.path();
        Assumptions.assumeTrue(barbell.isPresent(), "real datasets not available");
        List<ValidatedDataset> all = DatasetValidation.all(ProjectPaths.locate(), true).list();
        ValidationReport imu = all.get(0).report();
        assertTrue(all.get(0).origin().real());
        // No duplicate recordings left (the copies were removed from the shared folder), the four sets with dropouts flagged.
        assertEquals(Severity.PASS, of(imu, "duplicate recordings", Severity.PASS).getFirst().severity(), imu.toString());
        assertEquals(8, of(imu, "gaps", Severity.WARN).size(), imu.toString());
        ValidationReport posePilot = all.get(1).report();
        assertTrue(of(posePilot, "group coverage", Severity.WARN).stream()
                .anyMatch(f -> f.subject().equals("P4") && f.message().contains("cobra")), posePilot.toString());
        ValidationReport keypoints = all.get(3).report();
        assertFalse(of(keypoints, "train/test overlap", Severity.FAIL).isEmpty(), keypoints.toString());
        assertEquals("not checked", DatasetValidation.overview(all).stringColumn("verdict").get(4), "images skipped in smoke mode");
    }
}
