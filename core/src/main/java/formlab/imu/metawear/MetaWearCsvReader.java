package formlab.imu.metawear;

import formlab.imu.ImuDataException;
import formlab.imu.ImuDataException.Problem;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one MetaWear CSV export into a {@link SensorSeries}.
 *
 * <p>Expected layout: the header {@code epoch (ms),time (01:00),elapsed (s),x-axis (g),y-axis (g),z-axis (g)}
 * (with {@code deg/s} instead of {@code g} for gyroscopes), then one row per sample. Column 1
 * (epoch milliseconds) is the time base; column 2 (local time) must be present; column 3
 * (elapsed seconds) must be numeric; columns 4-6 are the axes. Blank lines are skipped.
 *
 * <p>Checks, each reported as an {@link ImuDataException} naming file, line and column: the
 * header, the number of columns, numbers that parse (NaN and infinities rejected), axis values
 * within the sensor's full-scale range ({@link #fullScale(SensorKind)}), strictly
 * increasing timestamps, and the sample rate (median interval within {@link #rateTolerance()} of
 * the nominal rate).
 *
 * <p>Gaps: the real recordings contain Bluetooth dropouts of up to 3.5 s (5 of 59 sets). Gaps
 * up to {@link #maxGapSeconds()} (default {@value #DEFAULT_MAX_GAP_SECONDS} s) are kept and
 * listed in {@link SensorSeries#gaps()} (linear resampling bridges them); a longer gap means the
 * recording lost a large part of a set (typically 2-8 repetitions), so reading fails with
 * {@link Problem#GAP_TOO_LONG}. The limit is in seconds rather than periods because what
 * matters is how much movement was lost, not how many samples.
 *
 * @param maxGapSeconds longest accepted time between consecutive samples
 * @param rateTolerance accepted relative difference between measured and nominal rate
 */
public record MetaWearCsvReader(double maxGapSeconds, double rateTolerance) {

    /** Default for {@link #maxGapSeconds()}: above the longest real dropout (3.52 s), below one heavy repetition pair. */
    public static final double DEFAULT_MAX_GAP_SECONDS = 5.0;

    /** Default for {@link #rateTolerance()}. */
    public static final double DEFAULT_RATE_TOLERANCE = 0.2;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final String[] COLUMN_NAMES = {"epoch (ms)", "time", "elapsed (s)", "x-axis", "y-axis", "z-axis"};

    public MetaWearCsvReader {
        if (!(maxGapSeconds > 0) || !(rateTolerance > 0)) {
            throw new IllegalArgumentException("maxGapSeconds and rateTolerance must be positive");
        }
    }

    /** A reader with the default gap limit and rate tolerance. */
    public static MetaWearCsvReader defaults() {
        return new MetaWearCsvReader(DEFAULT_MAX_GAP_SECONDS, DEFAULT_RATE_TOLERANCE);
    }

    /**
     * The largest magnitude the MetaWear's BMI160 can report for {@code sensor}, in its unit: 16 g for
     * the accelerometer, 2000 deg/s for the gyroscope (its widest settings). A value beyond it cannot
     * have been measured, so a file holding one is refused rather than let it change features and
     * repetition counts. The real recordings stay below 2 g and 400 deg/s.
     */
    public static double fullScale(SensorKind sensor) {
        return switch (sensor) {
            case ACCELEROMETER -> 16.0;
            case GYROSCOPE -> 2000.0;
        };
    }

    /** The header a MetaWear export of {@code sensor} starts with. */
    public static String expectedHeader(SensorKind sensor) {
        String unit = sensor.unit().symbol();
        return "epoch (ms),time (01:00),elapsed (s),x-axis (" + unit + "),y-axis (" + unit + "),z-axis (" + unit + ")";
    }

    /** Reads a file whose name follows the MetaWear scheme (sensor and rate come from the name). */
    public SensorSeries read(Path file) {
        MetaWearFileName name = MetaWearFileName.parse(file, false);
        return read(file, name.sensor(), name.rateHz());
    }

    /** Reads a MetaWear-format file of the given sensor and nominal rate, whatever its name. */
    public SensorSeries read(Path file, SensorKind sensor, double nominalRateHz) {
        if (!Files.exists(file)) {
            throw new ImuDataException(Problem.MISSING_FILE, file, "file does not exist; expected a MetaWear "
                    + sensor.fileToken() + " CSV export");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in, sensor, nominalRateHz);
        } catch (NoSuchFileException e) {
            throw new ImuDataException(Problem.MISSING_FILE, file, "file does not exist");
        } catch (IOException e) {
            throw new ImuDataException(file, e);
        }
    }

    private SensorSeries parse(Path file, BufferedReader in, SensorKind sensor, double rateHz) throws IOException {
        String header = in.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || header.isBlank()) {
            throw new ImuDataException(Problem.EMPTY_FILE, file, 1, 0, "file is empty; expected the header '"
                    + expectedHeader(sensor) + "' followed by data rows");
        }
        String expected = expectedHeader(sensor);
        if (!header.strip().equals(expected)) {
            throw new ImuDataException(Problem.BAD_HEADER, file, 1, firstDifferentColumn(header.strip(), expected),
                    "header '" + header.strip() + "' differs from the expected " + sensor.fileToken()
                            + " header '" + expected + "'");
        }
        long[] time = new long[1024];
        double[][] axes = new double[3][1024];
        int n = 0;
        int lineNumber = 1;
        long maxGapMillis = Math.round(maxGapSeconds * 1000);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 6) {
                throw new ImuDataException(Problem.WRONG_COLUMN_COUNT, file, lineNumber, 0,
                        "row has " + cells.length + " columns; expected 6 (" + expected + ")");
            }
            if (n == time.length) {
                time = Arrays.copyOf(time, 2 * n);
                for (int a = 0; a < 3; a++) {
                    axes[a] = Arrays.copyOf(axes[a], 2 * n);
                }
            }
            String epochCell = cells[0].strip();
            if (!INTEGER.matcher(epochCell).matches()) {
                throw new ImuDataException(Problem.NOT_A_NUMBER, file, lineNumber, 1,
                        "'" + epochCell + "' in column 'epoch (ms)'; expected whole milliseconds since 1970");
            }
            time[n] = Long.parseLong(epochCell);
            if (cells[1].isBlank()) {
                throw new ImuDataException(Problem.NOT_A_NUMBER, file, lineNumber, 2,
                        "empty cell in column 'time'; expected a local time such as 2019-01-11T16:10:08.431");
            }
            number(file, cells[2], lineNumber, 3, sensor);
            for (int a = 0; a < 3; a++) {
                axes[a][n] = number(file, cells[3 + a], lineNumber, 4 + a, sensor);
                if (Math.abs(axes[a][n]) > fullScale(sensor)) {
                    throw new ImuDataException(Problem.OUT_OF_RANGE, file, lineNumber, 4 + a, String.format(Locale.ROOT,
                            "'%s' in column '%s (%s)' is beyond the %s's range of +-%.0f %s; expected a value the sensor can measure",
                            cells[3 + a].strip(), COLUMN_NAMES[3 + a], sensor.unit().symbol(), sensor.fileToken().toLowerCase(Locale.ROOT),
                            fullScale(sensor), sensor.unit().symbol()));
                }
            }
            if (n > 0) {
                long step = time[n] - time[n - 1];
                if (step <= 0) {
                    throw new ImuDataException(Problem.TIME_NOT_INCREASING, file, lineNumber, 1,
                            "timestamp " + time[n] + " ms is " + (step == 0 ? "equal to" : "before")
                                    + " the previous sample's " + time[n - 1] + " ms; expected strictly increasing times");
                }
                if (step > maxGapMillis) {
                    throw new ImuDataException(Problem.GAP_TOO_LONG, file, lineNumber, 1,
                            String.format(Locale.ROOT, "%.3f s since the previous sample; expected at most %.1f s"
                                    + " (nominal period %.0f ms)", step / 1000.0, maxGapSeconds, 1000 / rateHz));
                }
            }
            n++;
        }
        if (n == 0) {
            throw new ImuDataException(Problem.EMPTY_FILE, file, lineNumber, 0,
                    "file has a header but no data rows; expected at least one sample");
        }
        SensorSeries series = new SensorSeries(sensor, rateHz, Arrays.copyOf(time, n),
                Arrays.copyOf(axes[0], n), Arrays.copyOf(axes[1], n), Arrays.copyOf(axes[2], n));
        if (n > 2) {
            double measured = series.measuredRateHz();
            if (Math.abs(measured - rateHz) > rateTolerance * rateHz) {
                throw new ImuDataException(Problem.RATE_MISMATCH, file, String.format(Locale.ROOT,
                        "median sample interval gives %.2f Hz; expected %.3f Hz (+-%.0f%%) as named", measured, rateHz,
                        100 * rateTolerance));
            }
        }
        return series;
    }

    private static double number(Path file, String cell, int line, int column, SensorKind sensor) {
        String text = cell.strip();
        String name = COLUMN_NAMES[column - 1] + (column >= 4 ? " (" + sensor.unit().symbol() + ")" : "");
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.contains("inf")) {
            throw new ImuDataException(Problem.NON_FINITE_VALUE, file, line, column,
                    "'" + text + "' in column '" + name + "'; expected a finite number");
        }
        throw new ImuDataException(Problem.NOT_A_NUMBER, file, line, column,
                "'" + text + "' in column '" + name + "'; expected a decimal number");
    }

    /** 1-based index of the first CSV column whose header cell differs. */
    private static int firstDifferentColumn(String found, String expected) {
        String[] a = found.split(",", -1);
        String[] b = expected.split(",", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].strip().equals(b[i])) {
            i++;
        }
        return i + 1;
    }
}
