package formlab.imu.metawear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.ImuDataException;
import formlab.imu.ImuDataException.Problem;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaWearCsvReaderTest {

    static final String ACC_NAME = "A-bench-heavy_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv";
    static final String ACC_HEADER = "epoch (ms),time (01:00),elapsed (s),x-axis (g),y-axis (g),z-axis (g)";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        return Files.writeString(dir.resolve(ACC_NAME), String.join("\n", lines) + "\n");
    }

    private static String row(long epoch, String x) {
        return epoch + ",2019-01-14T14:22:49.000,0.000," + x + ",0.96,-0.08";
    }

    private ImuDataException fails(Problem expected, Path file) {
        ImuDataException e = assertThrows(ImuDataException.class, () -> MetaWearCsvReader.defaults().read(file));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void readsValuesTimesUnitAndRate() throws IOException {
        Path file = write(ACC_HEADER, row(1000, "0.010"), row(1080, "-0.5"), row(1160, "1e-3"), "");
        SensorSeries series = MetaWearCsvReader.defaults().read(file);
        assertEquals(SensorKind.ACCELEROMETER, series.kind());
        assertEquals("g", series.unit().symbol());
        assertEquals(3, series.size());
        assertEquals(-0.5, series.value(0, 1), 1e-12);
        assertEquals(0.001, series.value(0, 2), 1e-12);
        assertEquals(12.5, series.measuredRateHz(), 1e-9);
        assertEquals(0.16, series.durationSeconds(), 1e-12);
        assertTrue(series.gaps().isEmpty());
    }

    @Test
    void missingFile() {
        ImuDataException e = fails(Problem.MISSING_FILE, dir.resolve(ACC_NAME));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path empty = Files.writeString(dir.resolve(ACC_NAME), "");
        assertTrue(fails(Problem.EMPTY_FILE, empty).getMessage().contains("expected the header"));
        Path headerOnly = write(ACC_HEADER);
        assertTrue(fails(Problem.EMPTY_FILE, headerOnly).getMessage().contains("no data rows"));
    }

    @Test
    void gyroscopeHeaderInAccelerometerFileNamesTheColumn() throws IOException {
        Path file = write(ACC_HEADER.replace("x-axis (g)", "x-axis (deg/s)"), row(1000, "0.0"));
        ImuDataException e = fails(Problem.BAD_HEADER, file);
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("x-axis (g)"), e.getMessage());
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        Path file = write(ACC_HEADER, row(1000, "0.0"), row(1080, "abc"), row(1160, "0.0"));
        ImuDataException e = fails(Problem.NOT_A_NUMBER, file);
        assertEquals(3, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("'abc'") && e.getMessage().contains("x-axis (g)"), e.getMessage());
    }

    @Test
    void nonNumericEpoch() throws IOException {
        Path file = write(ACC_HEADER, row(1000, "0.0"), "12:00,2019,0.0,0.1,0.2,0.3");
        ImuDataException e = fails(Problem.NOT_A_NUMBER, file);
        assertEquals(3, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        Path nan = write(ACC_HEADER, row(1000, "0.0"), row(1080, "NaN"));
        ImuDataException e = fails(Problem.NON_FINITE_VALUE, nan);
        assertEquals(3, e.line());
        assertEquals(4, e.column());
        Path inf = write(ACC_HEADER, row(1000, "-Infinity"));
        assertEquals(2, fails(Problem.NON_FINITE_VALUE, inf).line());
    }

    @Test
    void wrongColumnCount() throws IOException {
        Path file = write(ACC_HEADER, row(1000, "0.0"), "1080,2019-01-14T14:22:49.080,0.08,0.1,0.2");
        ImuDataException e = fails(Problem.WRONG_COLUMN_COUNT, file);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("5 columns"), e.getMessage());
    }

    @Test
    void timestampsGoingBackwardsOrRepeating() throws IOException {
        Path back = write(ACC_HEADER, row(1000, "0.0"), row(1080, "0.0"), row(1040, "0.0"));
        ImuDataException e = fails(Problem.TIME_NOT_INCREASING, back);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("before"), e.getMessage());
        Path same = write(ACC_HEADER, row(1000, "0.0"), row(1000, "0.0"));
        assertTrue(fails(Problem.TIME_NOT_INCREASING, same).getMessage().contains("equal"));
    }

    @Test
    void shortGapIsKeptLongGapFails() throws IOException {
        Path shortGap = write(ACC_HEADER, row(1000, "0"), row(1080, "0"), row(1160, "0"), row(3640, "0"), row(3720, "0"));
        SensorSeries series = MetaWearCsvReader.defaults().read(shortGap);
        assertEquals(1, series.gaps().size());
        assertEquals(2, series.gaps().get(0).afterIndex());
        assertEquals(2.48, series.gaps().get(0).seconds(), 1e-12);

        Path longGap = write(ACC_HEADER, row(1000, "0"), row(1080, "0"), row(7080, "0"), row(7160, "0"));
        ImuDataException e = fails(Problem.GAP_TOO_LONG, longGap);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("6.000 s"), e.getMessage());
        assertEquals(1, new MetaWearCsvReader(10, 0.2).read(longGap).gaps().size());
    }

    @Test
    void rateFarFromFileNameFails() throws IOException {
        Path file = write(ACC_HEADER, row(1000, "0"), row(1040, "0"), row(1080, "0"), row(1120, "0"));
        assertTrue(fails(Problem.RATE_MISMATCH, file).getMessage().contains("25.00 Hz"));
    }
}
