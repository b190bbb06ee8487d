package formlab.eval.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateRecordingsTest {

    static final String HEADER = "epoch (ms),time (01:00),elapsed (s),x-axis (g),y-axis (g),z-axis (g)";
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path dir;

    /** A MetaWear-format accelerometer recording at 12.5 Hz. */
    static List<String> recording(long startEpochMs, int samples, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        LocalDateTime start = LocalDateTime.of(2019, 1, 11, 16, 10, 8, 431_000_000);
        for (int i = 0; i < samples; i++) {
            long ms = startEpochMs + 80L * i;
            lines.add(String.format(java.util.Locale.ROOT, "%d,%s,%.3f,%.3f,%.3f,%.3f", ms,
                    start.plusNanos(80_000_000L * i), 0.08 * i, random.nextGaussian() * 0.1,
                    0.96 + random.nextGaussian() * 0.05, -0.08 + random.nextGaussian() * 0.05));
        }
        return lines;
    }

    /** The same file with epoch and wall-clock columns shifted by one day, values untouched. */
    static List<String> shiftedByOneDay(List<String> lines) {
        List<String> shifted = new ArrayList<>();
        shifted.add(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[0] = Long.toString(Long.parseLong(cells[0]) + DAY_MS);
            cells[1] = LocalDateTime.parse(cells[1]).plusDays(1).toString();
            shifted.add(String.join(",", cells));
        }
        return shifted;
    }

    @Test
    void aCopyWithShiftedClocksIsFoundBesideItsOriginal() throws IOException {
        List<String> original = recording(1547219408431L, 200, 1);
        Path a = Files.write(dir.resolve("A-bench-heavy2_MetaWear_Accelerometer.csv"), original);
        Path other = Files.write(dir.resolve("B-bench-heavy2_MetaWear_Accelerometer.csv"), recording(1547219408431L, 200, 2));
        Path copy = Files.write(dir.resolve("E-bench-heavy2_MetaWear_Accelerometer.csv"), shiftedByOneDay(original));
        assertTrue(Files.mismatch(a, copy) >= 0, "the copy must differ byte-wise");

        List<List<Path>> duplicates = DuplicateRecordings.find(List.of(a, other, copy), DuplicateRecordings.NOT_A_CLOCK);
        assertEquals(List.of(List.of(a, copy)), duplicates);
        List<Finding> findings = DuplicateRecordings.check(List.of(a, other, copy), DuplicateRecordings.NOT_A_CLOCK);
        assertEquals(Severity.FAIL, findings.getFirst().severity());
        assertTrue(findings.getFirst().message().contains("E-bench-heavy2"), findings.getFirst().message());
        // Comparing every column, clocks included, would have missed it.
        assertTrue(DuplicateRecordings.find(List.of(a, other, copy), name -> true).isEmpty());
    }

    @Test
    void aShiftedCopyOfARealRecordingIsFoundAndTheRealFolderHasNone() throws IOException {
        Optional<Path> dataset = DataSettings.dataset("imu-barbell-metawear");
        Assumptions.assumeTrue(dataset.isPresent(), "imu-barbell-metawear not available");
        List<Path> files;
        try (Stream<Path> list = Files.list(dataset.get().resolve("raw"))) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(DuplicateRecordings.find(files, DuplicateRecordings.NOT_A_CLOCK).isEmpty(),
                "the shared copy of the dataset had its duplicates removed");

        Path real = files.stream().filter(p -> p.getFileName().toString().contains("Accelerometer")).findFirst().orElseThrow();
        Path original = Files.copy(real, dir.resolve(real.getFileName()));
        Path copy = Files.write(dir.resolve("E-" + real.getFileName().toString().substring(2)),
                shiftedByOneDay(Files.readAllLines(real)));
        List<Path> candidates = new ArrayList<>(files.subList(0, 10));
        candidates.add(original);
        candidates.add(copy);
        List<List<Path>> duplicates = DuplicateRecordings.find(candidates, DuplicateRecordings.NOT_A_CLOCK);
        assertFalse(duplicates.isEmpty());
        assertTrue(duplicates.stream().anyMatch(g -> g.contains(original) && g.contains(copy)), duplicates.toString());
    }
}
