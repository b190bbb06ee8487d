package formlab.imu.metawear;

import formlab.imu.SensorSeries;
import formlab.data.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a {@link SensorSeries} exactly as the MetaWear app exports it (header, epoch ms, local
 * time at UTC+01:00, elapsed seconds and three axes with three decimals), so that everything
 * written here reads back through {@link MetaWearCsvReader}. Files appear atomically
 * ({@link AtomicFiles}).
 */
public final class MetaWearCsvWriter {

    /** The offset of the {@code time (01:00)} column. */
    public static final ZoneOffset TIME_COLUMN_OFFSET = ZoneOffset.ofHours(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(TIME_COLUMN_OFFSET);

    private MetaWearCsvWriter() {
    }

    /** Writes {@code series} to {@code file} (replacing it atomically, see {@link AtomicFiles}). */
    public static void write(SensorSeries series, Path file) {
        try {
            AtomicFiles.write(file, out -> write(series, out));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code series} in MetaWear format to {@code out} (not closed). */
    public static void write(SensorSeries series, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write(MetaWearCsvReader.expectedHeader(series.kind()));
        text.write('\n');
        long start = series.startMillis();
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < series.size(); i++) {
            long t = series.epochMillis(i);
            line.setLength(0);
            line.append(t).append(',').append(TIME.format(Instant.ofEpochMilli(t))).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", (t - start) / 1000.0,
                            series.value(0, i), series.value(1, i), series.value(2, i)))
                    .append('\n');
            text.write(line.toString());
        }
        text.flush();
    }
}
