package formlab.imu.metawear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.ImuDataException;
import formlab.imu.ImuDataException.Problem;
import formlab.imu.ImuRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaWearDatasetLoaderTest {

    static final String SET = "B-row-medium2-rpe7_MetaWear_2019-01-11T16.10.08.270_C42732BE255C_";

    @TempDir
    Path dir;

    /** Writes a small valid file of the given sensor starting at {@code startMillis}. */
    static Path writeSensor(Path folder, String prefix, String sensor, long startMillis) throws IOException {
        boolean acc = sensor.equals("Accelerometer");
        String unit = acc ? "g" : "deg/s";
        int period = acc ? 80 : 40;
        StringBuilder text = new StringBuilder("epoch (ms),time (01:00),elapsed (s),x-axis (" + unit + "),y-axis ("
                + unit + "),z-axis (" + unit + ")\n");
        for (int i = 0; i < 20; i++) {
            text.append(startMillis + (long) i * period).append(",2019-01-11T16:10:08.000,").append(i * period / 1000.0)
                    .append(",0.1,0.2,").append(i % 3).append('\n');
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(prefix + sensor + (acc ? "_12.500Hz" : "_25.000Hz") + "_1.4.4.csv"), text);
    }

    @Test
    void pairsBySetNotByRowAndFlagsFormFolder() throws IOException {
        writeSensor(dir, SET, "Accelerometer", 1_547_219_408_431L);
        writeSensor(dir, SET, "Gyroscope", 1_547_219_408_351L);
        String form = "B-bench-half _MetaWear_2019-01-18T18.28.28.218_C42732BE255C_";
        writeSensor(dir.resolve("form"), form, "Accelerometer", 5000);
        writeSensor(dir.resolve("form"), form.replace(" ", ""), "Gyroscope", 5010);
        Files.writeString(dir.resolve("README.md"), "not data");

        List<ImuRecording> recordings = MetaWearDatasetLoader.defaults().load(dir);
        assertEquals(2, recordings.size());
        ImuRecording bench = recordings.get(0);
        assertTrue(bench.info().badForm());
        ImuRecording row = recordings.get(1);
        assertEquals(-80, row.startOffsetMillis());
        assertEquals(1_547_219_408_431L, row.overlapStartMillis());
        assertEquals(1_547_219_408_351L + 19 * 40, row.overlapEndMillis());
        assertEquals(2, row.sources().size());
    }

    @Test
    void eitherFileOfASetLoadsTheWholeSet() throws IOException {
        Path acc = writeSensor(dir, SET, "Accelerometer", 1_547_219_408_431L);
        Path gyr = writeSensor(dir, SET, "Gyroscope", 1_547_219_408_351L);
        writeSensor(dir, SET.replace("medium2", "medium3"), "Gyroscope", 1_547_219_500_000L);
        MetaWearDatasetLoader loader = MetaWearDatasetLoader.defaults();
        ImuRecording fromAcc = loader.loadSetOf(acc);
        ImuRecording fromGyr = loader.loadSetOf(gyr);
        assertEquals(loader.loadPair(acc, gyr).info(), fromAcc.info());
        assertEquals(fromAcc.info(), fromGyr.info());
        assertEquals(List.of(acc, gyr), fromGyr.sources(), "the other set's gyroscope file is not its partner");
        assertEquals(20, fromGyr.accelerometer().size());

        Files.delete(gyr);
        ImuDataException e = assertThrows(ImuDataException.class, () -> loader.loadSetOf(acc));
        assertEquals(Problem.UNPAIRED_SENSOR, e.problem());
        assertEquals(acc, e.file());
        assertTrue(e.getMessage().contains("no Gyroscope file of set"), e.getMessage());
    }

    @Test
    void missingFolder() {
        ImuDataException e = assertThrows(ImuDataException.class,
                () -> MetaWearDatasetLoader.defaults().load(dir.resolve("nowhere")));
        assertEquals(Problem.MISSING_FILE, e.problem());
    }

    @Test
    void accelerometerWithoutGyroscope() throws IOException {
        Path acc = writeSensor(dir, SET, "Accelerometer", 1000);
        ImuDataException e = assertThrows(ImuDataException.class, () -> MetaWearDatasetLoader.defaults().load(dir));
        assertEquals(Problem.UNPAIRED_SENSOR, e.problem());
        assertEquals(acc, e.file());
        assertTrue(e.getMessage().contains("no Gyroscope file"), e.getMessage());
    }

    @Test
    void twoFilesForOneSensorAndSet() throws IOException {
        writeSensor(dir, SET, "Accelerometer", 1000);
        writeSensor(dir, SET, "Gyroscope", 1000);
        writeSensor(dir, SET.replace("_MetaWear", " _MetaWear"), "Gyroscope", 1000);
        ImuDataException e = assertThrows(ImuDataException.class, () -> MetaWearDatasetLoader.defaults().load(dir));
        assertEquals(Problem.DUPLICATE_FILE, e.problem());
    }

    @Test
    void pairFromDifferentSets() throws IOException {
        Path acc = writeSensor(dir, SET, "Accelerometer", 1000);
        Path otherGyr = writeSensor(dir, SET.replace("16.10.08.270", "16.20.00.000"), "Gyroscope", 1000);
        ImuDataException e = assertThrows(ImuDataException.class,
                () -> MetaWearDatasetLoader.defaults().loadPair(acc, otherGyr));
        assertEquals(Problem.MISMATCHED_PAIR, e.problem());
        assertTrue(e.getMessage().contains("16.20.00.000") && e.getMessage().contains("16.10.08.270"), e.getMessage());

        ImuDataException swapped = assertThrows(ImuDataException.class,
                () -> MetaWearDatasetLoader.defaults().loadPair(otherGyr, acc));
        assertEquals(Problem.MISMATCHED_PAIR, swapped.problem());
    }

    @Test
    void pairThatDoesNotOverlapInTime() throws IOException {
        Path acc = writeSensor(dir, SET, "Accelerometer", 1000);
        Path gyr = writeSensor(dir, SET, "Gyroscope", 600_000);
        ImuDataException e = assertThrows(ImuDataException.class,
                () -> MetaWearDatasetLoader.defaults().loadPair(acc, gyr));
        assertEquals(Problem.MISMATCHED_PAIR, e.problem());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void badFileInFolderStopsTheLoadAndIsNamed() throws IOException {
        writeSensor(dir, SET, "Accelerometer", 1000);
        Path gyr = writeSensor(dir, SET, "Gyroscope", 1000);
        Files.writeString(gyr, Files.readString(gyr).replace("0.1,0.2,1", "0.1,x,1"));
        ImuDataException e = assertThrows(ImuDataException.class, () -> MetaWearDatasetLoader.defaults().load(dir));
        assertEquals(Problem.NOT_A_NUMBER, e.problem());
        assertEquals(gyr, e.file());
        assertEquals(5, e.column());
    }
}
