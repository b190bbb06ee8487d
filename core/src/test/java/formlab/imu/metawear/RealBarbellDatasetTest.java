package formlab.imu.metawear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real MetaWear barbell recordings; skipped when FORMLAB_DATA_DIR does not hold them. */
class RealBarbellDatasetTest {

    static Path raw;
    static List<ImuRecording> recordings;

    @BeforeAll
    static void load() {
        raw = DataSettings.dataset("imu-barbell-metawear").map(p -> p.resolve("raw")).orElse(null);
        Assumptions.assumeTrue(raw != null && Files.isDirectory(raw), "real barbell dataset not available");
        recordings = MetaWearDatasetLoader.defaults().load(raw);
    }

    private static List<String> accelerometerFileNames() throws IOException {
        try (Stream<Path> files = Files.walk(raw)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("_Accelerometer_")).toList();
        }
    }

    @Test
    void everySetLoadsWithBothSensors() throws IOException {
        assertEquals(accelerometerFileNames().size(), recordings.size());
        assertEquals(61, recordings.size());
        assertEquals(59, recordings.stream().filter(r -> !r.info().badForm()).count());
        assertEquals(2, recordings.stream().filter(r -> r.info().badForm()).count());
        assertTrue(recordings.stream().filter(r -> r.info().badForm())
                .allMatch(r -> r.info().exercise() == Exercise.BENCH && r.info().expectedReps().isEmpty()));
    }

    @Test
    void countsPerParticipantMatchTheFileNames() throws IOException {
        Map<String, Long> fromNames = accelerometerFileNames().stream()
                .collect(Collectors.groupingBy(n -> n.substring(0, 1), Collectors.counting()));
        Map<String, Long> loaded = recordings.stream()
                .collect(Collectors.groupingBy(r -> r.info().participant(), Collectors.counting()));
        assertEquals(fromNames, loaded);
        assertEquals(List.of("A", "B", "C", "D"), loaded.keySet().stream().sorted().toList());
    }

    @Test
    void countsPerExerciseMatchTheFileNames() throws IOException {
        Map<String, Long> fromNames = accelerometerFileNames().stream()
                .collect(Collectors.groupingBy(n -> n.split("-")[1], Collectors.counting()));
        Map<String, Long> loaded = recordings.stream()
                .collect(Collectors.groupingBy(r -> r.info().exercise().label(), Collectors.counting()));
        assertEquals(fromNames, loaded);
        assertEquals(2, loaded.get("rest"));
    }

    @Test
    void ratesAreNominalAndSensorsOverlap() {
        for (ImuRecording r : recordings) {
            assertEquals(12.5, r.accelerometer().measuredRateHz(), 0.1, r.toString());
            assertEquals(25.0, r.gyroscope().measuredRateHz(), 0.1, r.toString());
            assertEquals(12.5, r.accelerometer().nominalRateHz(), 1e-9);
            assertTrue(r.overlapSeconds() > 5, r.toString());
            assertTrue(Math.abs(r.startOffsetMillis()) < 1000, r + " offset " + r.startOffsetMillis());
        }
        // The two clocks really do start at different times: aligning by row would be wrong.
        assertTrue(recordings.stream().anyMatch(r -> r.startOffsetMillis() != 0));
    }

    @Test
    void dropoutsAreKeptAsGaps() {
        List<ImuRecording> withGaps = recordings.stream().filter(r -> !r.accelerometer().gaps().isEmpty()).toList();
        assertTrue(withGaps.size() >= 1);
        Map<String, ImuRecording> byId = recordings.stream().collect(Collectors.toMap(r -> r.info().id(), Function.identity()));
        assertTrue(withGaps.stream().allMatch(r -> byId.containsKey(r.info().id())));
        assertTrue(withGaps.stream().allMatch(r -> !r.gyroscope().gaps().isEmpty()), "a dropout hits both sensors");
    }
}
