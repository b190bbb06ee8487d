package formlab.deploy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.sensor.ImuSample;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {

    @TempDir
    Path dir;

    private static SetRecord record(int set, int reps) {
        return new SetRecord(set, "2026-01-01T10:00:00Z", "2026-01-01T10:00:30Z", 1_767_261_600_000L,
                1_767_261_630_000L, "squat", 0.9, reps, reps, 1500, 1, Map.of("duplicate", 2), 0, "test",
                List.of("raw/a.csv", "raw/g.csv"));
    }

    @Test
    void recordsRoundTripOnePerLine() throws Exception {
        try (SessionLog log = SessionLog.open(dir)) {
            assertEquals(1, log.nextSetNumber());
            log.append(record(1, 10));
            log.append(record(2, 5));
            assertEquals(3, log.nextSetNumber());
        }
        List<String> lines = Files.readAllLines(dir.resolve(SessionLog.FILE_NAME));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"set\":1,"), lines.get(0));
        SessionLogReader.Result read = SessionLogReader.read(dir.resolve(SessionLog.FILE_NAME));
        assertEquals(List.of(record(1, 10), record(2, 5)), read.records());
        assertTrue(read.warnings().isEmpty());
        try (SessionLog again = SessionLog.open(dir)) {
            assertEquals(3, again.nextSetNumber(), "numbering continues across restarts");
        }
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndCutOffBeforeTheNextAppend() throws Exception {
        try (SessionLog log = SessionLog.open(dir)) {
            log.append(record(1, 10));
            log.append(record(2, 5));
        }
        Path file = dir.resolve(SessionLog.FILE_NAME);
        String full = Files.readString(file);
        Files.writeString(file, full.substring(0, full.length() - 40)); // power cut in the middle of record 2
        SessionLogReader.Result torn = SessionLogReader.read(file);
        assertEquals(List.of(record(1, 10)), torn.records());
        assertEquals(1, torn.warnings().size());
        assertTrue(torn.warnings().get(0).contains(":2: skipped a torn last record"), torn.warnings().get(0));

        try (SessionLog log = SessionLog.open(dir)) {
            assertEquals(2, log.nextSetNumber());
            log.append(record(2, 6));
        }
        SessionLogReader.Result repaired = SessionLogReader.read(file);
        assertEquals(List.of(record(1, 10), record(2, 6)), repaired.records());
        assertTrue(repaired.warnings().isEmpty());
    }

    @Test
    void nulFillFromACrashIsTornToo() throws Exception {
        try (SessionLog log = SessionLog.open(dir)) {
            log.append(record(1, 10));
        }
        Path file = dir.resolve(SessionLog.FILE_NAME);
        Files.write(file, new byte[64], StandardOpenOption.APPEND);
        SessionLogReader.Result read = SessionLogReader.read(file);
        assertEquals(1, read.records().size());
        assertEquals(64, read.tornBytes());
        assertEquals(1, read.warnings().size());
        try (SessionLog log = SessionLog.open(dir)) {
            log.append(record(2, 3));
        }
        assertEquals(2, SessionLogReader.read(file).records().size());
        assertEquals(0, SessionLogReader.read(file).tornBytes());
    }

    @Test
    void aLastRecordMissingOnlyItsNewlineIsKeptAndTheNextStartsOnANewLine() throws Exception {
        try (SessionLog log = SessionLog.open(dir)) {
            log.append(record(1, 10));
        }
        Path file = dir.resolve(SessionLog.FILE_NAME);
        String text = Files.readString(file);
        Files.writeString(file, text.stripTrailing());
        try (SessionLog log = SessionLog.open(dir)) {
            log.append(record(2, 4));
        }
        assertEquals(List.of(record(1, 10), record(2, 4)), SessionLogReader.read(file).records());
    }

    @Test
    void damageBeforeTheLastLineIsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve(SessionLog.FILE_NAME);
        Files.writeString(file, "{\"set\":1}\nnot json\n{\"set\":3}\n", StandardCharsets.UTF_8);
        SessionLogException e = assertThrows(SessionLogException.class, () -> SessionLogReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: not a set record"), e.getMessage());
    }

    @Test
    void rawSamplesLoadBackThroughTheMetaWearLoader() {
        SampleBuffer buffer = new SampleBuffer();
        for (int i = 0; i < 100; i++) {
            double t = i / 50.0;
            buffer.add(ImuSample.both(1_767_261_600_000L + i * 20L, Math.sin(t), 0.25, 1 - 0.5 * t, 10 * t, -3, 0.5));
        }
        RawSetWriter writer = new RawSetWriter(dir.resolve("raw"), "P7", Intensity.MEDIUM, "0168");
        List<Path> files = writer.write(buffer, 4, "ohp", 50, 50);
        assertEquals(2, files.size());
        assertTrue(files.get(0).getFileName().toString().startsWith("P7-ohp-medium4_MetaWear_"), files.get(0).toString());
        List<ImuRecording> loaded = MetaWearDatasetLoader.defaults().load(dir.resolve("raw"));
        assertEquals(1, loaded.size());
        ImuRecording set = loaded.get(0);
        assertEquals("ohp", set.info().exercise().label());
        assertEquals(4, set.info().setNumber());
        assertEquals(100, set.accelerometer().size());
        assertEquals(50, set.gyroscope().nominalRateHz());
        assertEquals(1_767_261_600_000L + 37 * 20L, set.accelerometer().epochMillis(37));
        assertEquals(Math.sin(37 / 50.0), set.accelerometer().value(0, 37), 5e-4, "three decimals in the CSV");
        assertEquals(10 * 37 / 50.0, set.gyroscope().value(0, 37), 5e-4);
    }
}
