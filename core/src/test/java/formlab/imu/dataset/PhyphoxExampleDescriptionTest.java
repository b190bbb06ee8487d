package formlab.imu.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetCheck;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DatasetReport;
import formlab.dataset.LoadedDescription;
import formlab.dataset.Recording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented phone example description (docs/examples/phyphox-example/formlab-dataset.json) applied to a
 * fresh phyphox-style export written here (synthetic: quoted header, scientific notation, a phone's jittery
 * time steps, the accelerometer at about 100 Hz and the gyroscope at about 50 Hz, two subjects): {@code dataset
 * check} finds every recording with both sensors and the measured rate of each, and the reader converts m/s^2
 * to g and rad/s to deg/s. The semicolon / decimal-comma export the example's README describes reads the same.
 * So the documented example cannot drift from what a phyphox export looks like.
 */
class PhyphoxExampleDescriptionTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "phyphox-example", DatasetDescriptions.FILE_NAME);
    private static final double G = 9.80665;
    private static final List<String> SETS = List.of("bob/squat-1", "bob/rest-1", "carol/squat-1", "carol/squat-2");

    @TempDir
    Path dir;

    @Test
    void theExampleDescriptionReadsAPhyphoxCommaExport() throws IOException {
        LoadedDescription description = export(",", '.', Files.readString(EXAMPLE, StandardCharsets.UTF_8));

        DatasetReport report = DatasetCheck.run(description);
        assertTrue(report.ok(), report.text());
        // a recording's id joins its identifying path groups (subject, exercise, set)
        assertEquals(SETS.stream().map(set -> set.replace('-', '/')).sorted().toList(),
                report.recordings().stream().map(Recording::id).sorted().toList());
        assertTrue(report.recordings().stream().allMatch(r -> r.files().size() == 2), "Accelerometer.csv + Gyroscope.csv");
        assertEquals(List.of("bob", "carol"), report.subjects());
        assertEquals(Map.of("squat", 3, "rest", 1), report.classes());
        assertEquals(100.0, report.rates().get("Accelerometer"), 2.0, report.rates().toString());
        assertEquals(50.0, report.rates().get("Gyroscope"), 1.0, report.rates().toString());

        assertConvertedUnits(DescribedImuReader.read(description));
    }

    @Test
    void theSemicolonDecimalCommaExportReadsTheSameWithTheDocumentedChange() throws IOException {
        String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String changed = text.replace("\"separator\": \",\"", "\"separator\": \";\"")
                .replace("\"decimalMark\": \".\"", "\"decimalMark\": \",\"");
        assertTrue(!changed.equals(text), "the example names its separator and decimal mark, as its README says to change");
        LoadedDescription description = export(";", ',', changed);

        DatasetReport report = DatasetCheck.run(description);
        assertTrue(report.ok(), report.text());
        assertEquals(SETS.size(), report.recordings().size());
        assertConvertedUnits(DescribedImuReader.read(description));
    }

    /** Acceleration 0.5 g along x and angular velocity pi rad/s about z, written in m/s^2 and rad/s. */
    private static void assertConvertedUnits(List<DescribedImuRecording> recordings) {
        assertEquals(SETS.size(), recordings.size());
        for (DescribedImuRecording recording : recordings) {
            assertEquals(List.of(DescribedImuRecording.COMBINED), recording.units(), recording.id());
            DescribedImuRecording.Sensors sensors = recording.sensors(DescribedImuRecording.COMBINED);
            assertEquals(0.5, sensors.accelerometer().x()[0], 1e-9, recording.id() + " acceleration in g");
            assertEquals(180.0, sensors.gyroscope().z()[0], 1e-6, recording.id() + " angular velocity in deg/s");
            assertEquals(recording.label().equals("rest") ? 0 : 3, recording.count(), recording.id() + " repetitions.csv");
        }
    }

    /** Writes the sets as phyphox exports them, the description beside them, and reads the description. */
    private LoadedDescription export(String separator, char decimal, String descriptionText) throws IOException {
        Random random = new Random(7);
        StringBuilder repetitions = new StringBuilder("recording,count\n");
        for (String set : SETS) {
            Path folder = Files.createDirectories(dir.resolve(set));
            write(folder.resolve("Accelerometer.csv"), separator, decimal, "Acceleration", "m/s^2", 100, 0.5 * G, 0, random);
            write(folder.resolve("Gyroscope.csv"), separator, decimal, "Gyroscope", "rad/s", 50, 0, Math.PI, random);
            repetitions.append(set).append(',').append(set.contains("rest") ? 0 : 3).append('\n');
        }
        Files.writeString(dir.resolve("repetitions.csv"), repetitions);
        Path file = dir.resolve(DatasetDescriptions.FILE_NAME);
        Files.writeString(file, descriptionText);
        return DatasetDescriptions.read(file);
    }

    /** Six seconds of one sensor: x holds {@code x0}, z holds {@code z0} at the first row, then noise around them. */
    private static void write(Path file, String separator, char decimal, String quantity, String unit, double rateHz,
            double x0, double z0, Random random) throws IOException {
        String q = "\"";
        StringBuilder text = new StringBuilder(String.join(separator, q + "Time (s)" + q,
                q + quantity + " x (" + unit + ")" + q, q + quantity + " y (" + unit + ")" + q, q + quantity + " z (" + unit + ")" + q))
                .append('\n');
        double t = 0.004; // phyphox starts at the first sensor event, a few ms after the start
        for (int i = 0; i < 6 * rateHz; i++) {
            double noise = i == 0 ? 0 : 0.05;
            text.append(String.join(separator, number(t, decimal), number(x0 + noise * random.nextGaussian(), decimal),
                    number(noise * random.nextGaussian(), decimal), number(z0 + noise * random.nextGaussian(), decimal)))
                    .append('\n');
            t += (1 + 0.05 * random.nextGaussian()) / rateHz; // phone sensor events are not evenly spaced
        }
        Files.writeString(file, text);
    }

    private static String number(double value, char decimal) {
        String text = String.format(Locale.ROOT, "%.9E", value);
        return decimal == '.' ? text : text.replace('.', decimal);
    }
}
