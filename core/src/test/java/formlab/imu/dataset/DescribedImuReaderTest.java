package formlab.imu.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DescriptionException;
import formlab.dataset.LoadedDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the physiotherapy IMU dataset through its description (skipped without FORMLAB_DATA_DIR). */
class DescribedImuReaderTest {

    private static final String NAME = "imu-physio-yurtman";
    private static List<DescribedImuRecording> recordings;

    @BeforeAll
    static void read() {
        Assumptions.assumeTrue(DataSettings.dataset(NAME).isPresent(), NAME + " not available (FORMLAB_DATA_DIR)");
        recordings = DescribedImuReader.read(DatasetDescriptions.builtIn(NAME));
    }

    @Test
    void findsEveryRecordingWithSubjectClassAndFiveUnits() {
        assertEquals(80, recordings.size(), "5 subjects x 8 exercises x (template + test)");
        assertEquals(Set.of("s1", "s2", "s3", "s4", "s5"), recordings.stream().map(DescribedImuRecording::subject).collect(Collectors.toSet()));
        assertEquals(8, recordings.stream().map(DescribedImuRecording::label).distinct().count());
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), DescribedImuReader.commonUnits(recordings));
    }

    @Test
    void convertsMetresPerSecondSquaredToGAndRadiansToDegrees() throws IOException {
        DescribedImuRecording recording = recordings.stream().filter(r -> r.id().equals("s1/e1/test")).findFirst().orElseThrow();
        DescribedImuRecording.Part u1 = recording.parts().get("u1");
        assertEquals(List.of("g", "g", "g", "deg/s", "deg/s", "deg/s", "relative", "relative", "relative"), u1.units());
        // first data row of s1/e1/u1/test.txt: 1;-9.685645;-1.645149;0.505022;-0.020696;...
        String[] first = Files.readAllLines(DataSettings.dataset(NAME).orElseThrow().resolve("s1/e1/u1/test.txt")).get(1).split(";");
        assertEquals(Double.parseDouble(first[1]) / 9.80665, u1.values()[0][0], 1e-12);
        assertEquals(Math.toDegrees(Double.parseDouble(first[4])), u1.values()[3][0], 1e-9);
        assertEquals(40, u1.millis()[1] - u1.millis()[0], "25 Hz = 40 ms per sample");
        DescribedImuRecording.Sensors sensors = recording.sensors("u1");
        assertEquals(25.0, sensors.gyroscope().nominalRateHz());
        double gravity = 0;
        for (int i = 0; i < sensors.accelerometer().size(); i++) {
            gravity += sensors.accelerometer().magnitude()[i] / sensors.accelerometer().size();
        }
        assertEquals(1.0, gravity, 0.1, "mean acceleration magnitude of a body-worn unit is about 1 g");
    }

    @Test
    void attachesRepetitionsQualitiesAndCounts() {
        DescribedImuRecording test = recordings.stream().filter(r -> r.id().equals("s1/e3/test")).findFirst().orElseThrow();
        assertEquals(30, test.count());
        assertEquals(30, test.repetitions().size());
        assertEquals(Set.of("correct", "too fast", "low amplitude"), Set.copyOf(test.qualities()));
        DescribedImuRecording template = recordings.stream().filter(r -> r.id().equals("s4/e3/template_session")).findFirst().orElseThrow();
        assertEquals(List.of("correct", "too fast", "low amplitude"), template.qualities(), "one annotated repetition of each type");
        assertTrue(template.repetitions().get(0)[1] > template.repetitions().get(0)[0]);
    }

    @Test
    void joinsMetaWearSensorFilesIntoOneCombinedUnit() {
        Assumptions.assumeTrue(DataSettings.dataset("imu-barbell-metawear").isPresent(), "imu-barbell-metawear not available");
        List<DescribedImuRecording> barbell = DescribedImuReader.read(DatasetDescriptions.builtIn("imu-barbell-metawear"));
        assertEquals(List.of(DescribedImuRecording.COMBINED), DescribedImuReader.commonUnits(barbell));
        DescribedImuRecording.Sensors sensors = barbell.getFirst().sensors(DescribedImuRecording.COMBINED);
        assertEquals(12.5, sensors.accelerometer().measuredRateHz(), 0.5, "MetaWear accelerometer in g at 12.5 Hz");
        assertEquals(25, sensors.gyroscope().measuredRateHz(), 1, "gyroscope in deg/s at 25 Hz");
        assertEquals(Set.of("A", "B", "C", "D"), barbell.stream().map(DescribedImuRecording::subject).collect(Collectors.toSet()));
    }

    @Test
    void refusesADescriptionThatIsNoImuDescription(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.csv"), "x,y\n1,2\n");
        Path description = folder.resolve(DatasetDescriptions.FILE_NAME);
        Files.writeString(description, """
                {"name": "landmarks", "modality": "pose",
                 "recordings": {"include": ["*.csv"], "format": "landmark-csv",
                                "landmarks": {"layout": "named", "values": ["x", "y"]}},
                 "labels": {"path": "{class}.csv", "class": "class"}}
                """);
        LoadedDescription loaded = DatasetDescriptions.read(description);
        DescriptionException e = assertThrows(DescriptionException.class, () -> DescribedImuReader.read(loaded));
        assertEquals("modality", e.key());
        assertTrue(e.getMessage().contains(description.toString()), e.getMessage());
    }
}
