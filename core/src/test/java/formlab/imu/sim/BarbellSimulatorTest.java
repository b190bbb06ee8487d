package formlab.imu.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.Exercise;
import formlab.imu.ImuDataset;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarbellSimulatorTest {

    static final SimulationSettings SMALL = new SimulationSettings(7, 2, 1, 1, true, 0.0);

    @TempDir
    Path dir;

    @Test
    void outputLoadsThroughTheMetaWearLoader() {
        ImuDataset dataset = ImuDatasets.simulated(dir.resolve("sim"), SMALL);
        assertFalse(dataset.origin().real());
        assertEquals(2 * (5 * 2 + 2), dataset.recordings().size());
        assertEquals(List.of("S1", "S2"), dataset.participants());
        assertEquals(2 * 5 * 2, dataset.liftSets().size());
        for (ImuRecording r : dataset.recordings()) {
            assertEquals(12.5, r.accelerometer().measuredRateHz(), 1e-9);
            assertEquals(25.0, r.gyroscope().measuredRateHz(), 1e-9);
            assertEquals(2, r.sources().size());
            // Specific force is about 1 g on average whatever the orientation.
            double meanMagnitude = java.util.Arrays.stream(r.accelerometer().magnitude()).average().orElseThrow();
            assertEquals(1.0, meanMagnitude, 0.08, r.toString());
        }
        assertTrue(dataset.recordings().stream().anyMatch(r -> r.startOffsetMillis() != 0), "clocks start apart");
        Map<Exercise, Long> perExercise = dataset.recordings().stream()
                .collect(Collectors.groupingBy(r -> r.info().exercise(), Collectors.counting()));
        assertEquals(6, perExercise.size());
        assertEquals(4L, perExercise.get(Exercise.REST));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        new BarbellSimulator(SMALL).writeTo(dir.resolve("a"));
        new BarbellSimulator(SMALL).writeTo(dir.resolve("b"));
        new BarbellSimulator(SMALL.withSeed(8)).writeTo(dir.resolve("c"));
        List<String> names = list(dir.resolve("a"));
        assertEquals(names, list(dir.resolve("b")));
        assertEquals(2 * 24, names.size());
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)), Files.readAllBytes(dir.resolve("b").resolve(name)), name);
        }
        String first = names.get(0);
        assertNotEquals(Files.readString(dir.resolve("a").resolve(first)),
                list(dir.resolve("c")).isEmpty() ? "" : Files.readString(dir.resolve("c").resolve(list(dir.resolve("c")).get(0))));
    }

    @Test
    void generationIsIdempotentAndRegeneratesForOtherSettings() throws IOException {
        Path folder = dir.resolve("sim");
        ImuDatasets.ensureSimulated(folder, SMALL);
        Path file = folder.resolve(list(folder).get(0));
        FileTime stamp = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, stamp);
        ImuDatasets.ensureSimulated(folder, SMALL);
        assertEquals(stamp, Files.getLastModifiedTime(file), "second call must reuse the files");
        ImuDatasets.ensureSimulated(folder, SMALL.withSeed(99));
        assertTrue(Files.readString(folder.resolve(ImuDatasets.FINGERPRINT_FILE)).contains("seed=99"));
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertEquals(List.of("sim"), leftovers.map(p -> p.getFileName().toString()).toList(), "no temporary folders left");
        }
    }

    @Test
    void repetitionPeriodIsVisibleInTheSignal() {
        BarbellSimulator simulator = new BarbellSimulator(SMALL);
        for (SimulatedSet set : simulator.plan()) {
            if (set.info().intensity() != Intensity.MEDIUM) {
                continue;
            }
            ImuRecording recording = simulator.simulate(set);
            double expected = (set.repStarts().get(set.reps() - 1) - set.repStarts().get(0)) / (set.reps() - 1);
            double found = dominantPeriod(mostVariedAxis(recording.gyroscope()), 25.0);
            assertEquals(expected, found, 0.2 * expected, set.info().id());
            assertEquals(10, set.reps());
        }
    }

    /** Lag (s) of the highest autocorrelation between 0.8 and 6 s: a test-local estimate, independent of the library. */
    static double dominantPeriod(double[] signal, double rateHz) {
        double mean = java.util.Arrays.stream(signal).average().orElseThrow();
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = 0;
        for (int lag = (int) (0.8 * rateHz); lag < Math.min(signal.length / 2, 6 * rateHz); lag++) {
            double sum = 0;
            for (int i = 0; i + lag < signal.length; i++) {
                sum += (signal[i] - mean) * (signal[i + lag] - mean);
            }
            sum /= signal.length - lag;
            if (sum > best) {
                best = sum;
                bestLag = lag;
            }
        }
        return bestLag / rateHz;
    }

    /** The gyroscope axis with the largest variance (the magnitude would peak twice per repetition). */
    static double[] mostVariedAxis(formlab.imu.SensorSeries series) {
        double[] best = null;
        double bestVariance = -1;
        for (int a = 0; a < 3; a++) {
            double[] axis = series.axis(a);
            double mean = java.util.Arrays.stream(axis).average().orElseThrow();
            double variance = java.util.Arrays.stream(axis).map(v -> (v - mean) * (v - mean)).sum();
            if (variance > bestVariance) {
                bestVariance = variance;
                best = axis;
            }
        }
        return best;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }
}
