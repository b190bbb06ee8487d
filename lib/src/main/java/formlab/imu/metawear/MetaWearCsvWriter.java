package formlab.imu.metawear;

import formlab.imu.SensorSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a {@link SensorSeries} exactly as the MetaWear app exports it (header, epoch ms, local
 * time at UTC+01:00, elapsed seconds and three axes with three decimals), so that everything
 * written here reads back through {@link MetaWearCsvReader}. The file appears atomically: it is
 * written to a temporary file in the same folder and renamed.
 */
public final class MetaWearCsvWriter {

    /** The offset of the {@code time (01:00)} column. */
    public static final ZoneOffset TIME_COLUMN_OFFSET = ZoneOffset.ofHours(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(TIME_COLUMN_OFFSET);

    private MetaWearCsvWriter() {
    }

    /** Writes {@code series} to {@code file} (replacing it atomically). */
    public static void write(SensorSeries series, Path file) {
        Path tmp = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, ".writing-", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(MetaWearCsvReader.expectedHeader(series.kind()));
                out.write('\n');
                long start = series.startMillis();
                StringBuilder line = new StringBuilder(96);
                for (int i = 0; i < series.size(); i++) {
                    long t = series.epochMillis(i);
                    line.setLength(0);
                    line.append(t).append(',').append(TIME.format(Instant.ofEpochMilli(t))).append(',')
                            .append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", (t - start) / 1000.0,
                                    series.value(0, i), series.value(1, i), series.value(2, i)))
                            .append('\n');
                    out.write(line.toString());
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless; the real error (if any) is already thrown
                }
            }
        }
    }
}
