package formlab.exercise;

import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.data.AtomicFiles;
import formlab.eval.Progress;
import formlab.features.ImuFeatures;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.signal.WindowSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The window feature tables of a dataset for one or more window settings: what training and
 * evaluation read. Every normal set is included (the five lifts and rest; bad-form sets are not
 * a class and stay out). Tables can be cached as CSV under a folder (normally
 * {@code data/processed}); the file name carries a hash of the pipeline settings and of the
 * recordings' ids and content (every timestamp and value), so a change of either builds a new table.
 *
 * @param dataset  the recordings
 * @param pipeline the base pipeline (its window settings are replaced by each entry of {@code tables})
 * @param tables   feature table per window setting: metadata columns ({@link ImuFeatures#METADATA_COLUMNS}) then features
 */
public record ExerciseData(ImuDataset dataset, ExercisePipeline pipeline, Map<WindowSettings, Table> tables) {

    /** Label column. */
    public static final String LABEL = "exercise";
    /** Group column: participant. */
    public static final String GROUP = "participant";

    public ExerciseData {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * Builds (or reads from {@code cache}) the tables of {@code dataset}'s normal sets for each of
     * {@code windows}.
     *
     * @param cache folder of cached tables, or null for none
     */
    public static ExerciseData build(ImuDataset dataset, ExercisePipeline pipeline, List<WindowSettings> windows,
                                     Path cache, Progress progress) {
        Map<WindowSettings, Table> tables = new LinkedHashMap<>();
        if (cache != null) {
            try {
                AtomicFiles.deleteStale(cache, java.time.Instant.now()); // half-written tables of a killed run
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean temporary files in " + cache, e);
            }
        }
        int done = 0;
        for (WindowSettings window : windows) {
            ExercisePipeline p = pipeline.withWindow(window);
            Optional<Path> file = Optional.ofNullable(cache).map(folder -> folder.resolve(cacheName(dataset, p)));
            Table table;
            String how;
            if (file.isPresent() && Files.isRegularFile(file.get())) {
                table = read(file.get(), p);
                how = "read " + file.get().getFileName();
            } else {
                table = p.featureTable(p.windows(dataset.normalSets()));
                table.setName("Exercise windows " + p.describe());
                how = "computed";
                if (file.isPresent()) {
                    write(table, file.get());
                    how += ", cached as " + file.get().getFileName();
                }
            }
            tables.put(window, table);
            progress.step("feature tables", ++done, windows.size(), String.format(java.util.Locale.ROOT,
                    "%s s windows: %d rows x %d features (%s)", window.lengthSeconds(), table.rowCount(),
                    table.columnCount() - ImuFeatures.METADATA_COLUMNS.size(), how));
        }
        return new ExerciseData(dataset, pipeline, tables);
    }

    /** The pipeline with {@code window}. */
    public ExercisePipeline pipeline(WindowSettings window) {
        return pipeline.withWindow(window);
    }

    /** The full table (lifts and rest) of {@code window}. */
    public Table table(WindowSettings window) {
        Table table = tables.get(window);
        if (table == null) {
            throw new IllegalArgumentException("no table for " + window + "; built for " + tables.keySet());
        }
        return table;
    }

    /** Rows of the five lifts (no rest) of {@code window}. */
    public Table lifts(WindowSettings window) {
        Table table = table(window);
        return table.where(table.stringColumn(LABEL).isNotEqualTo(WindowDecisions.REST));
    }

    /** The lift windows of {@code window} as training data over the features of {@code set}. */
    public formlab.model.LabelledData lifts(WindowSettings window, FeatureSet set) {
        return new formlab.model.LabelledData(lifts(window), set.select(pipeline(window).featureNames()), LABEL, GROUP);
    }

    /** Participants, sorted. */
    public List<String> participants() {
        return dataset.participants();
    }

    /** The source files of every normal set (for the model card). */
    public List<Path> sourceFiles() {
        List<Path> files = new ArrayList<>();
        for (ImuRecording recording : dataset.normalSets()) {
            files.addAll(recording.sources());
        }
        return files;
    }

    /**
     * SHA-256 of a recording's content: every timestamp and axis value of both sensors. A cached
     * table is reused only for the very same values, so an edited recording never meets a stale table.
     */
    static String contentHash(ImuRecording recording) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(32);
            for (formlab.imu.SensorSeries series : List.of(recording.accelerometer(), recording.gyroscope())) {
                for (int i = 0; i < series.size(); i++) {
                    buffer.clear();
                    buffer.putLong(series.epochMillis(i)).putDouble(series.value(0, i)).putDouble(series.value(1, i))
                            .putDouble(series.value(2, i));
                    digest.update(buffer.array(), 0, buffer.position());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Cache file name: {@code exercise-windows-<length>s-<hash>.csv}. */
    static String cacheName(ImuDataset dataset, ExercisePipeline pipeline) {
        Map<String, Object> key = new LinkedHashMap<>(pipeline.toMap());
        key.put("dataset", dataset.origin().dataset());
        key.put("sets", dataset.normalSets().stream().map(r -> r.info().id() + ":" + contentHash(r)).toList());
        key.put("featureNames", pipeline.featureNames());
        key.put("featureCode", ImuFeatures.codeFingerprint());
        try {
            byte[] text = new ObjectMapper().writeValueAsBytes(key);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 12);
            return "exercise-windows-" + new java.math.BigDecimal(pipeline.window().lengthSeconds()).stripTrailingZeros()
                    .toPlainString() + "s-" + hash + ".csv";
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the pipeline settings", e);
        }
    }

    /** Writes a feature table as CSV (atomically; doubles at full precision). */
    public static void write(Table table, Path file) {
        try {
            AtomicFiles.write(file, out -> table.write().csv(CsvWriteOptions.builder(
                    new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)).build()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a feature table written by {@link #write}: metadata columns as text/number, features as doubles. */
    public static Table read(Path file, ExercisePipeline pipeline) {
        List<String> features = pipeline.featureNames();
        Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                .columnTypes(name -> name.equals("window_start_s") || features.contains(name) ? ColumnType.DOUBLE
                        : ColumnType.STRING).build());
        List<String> expected = new ArrayList<>(ImuFeatures.METADATA_COLUMNS);
        expected.addAll(features);
        if (!table.columnNames().equals(expected)) {
            throw new IllegalArgumentException(file + ": columns differ from the pipeline's (" + table.columnCount()
                    + " found, " + expected.size() + " expected); delete the file to rebuild it");
        }
        table.setName("Exercise windows " + pipeline.describe());
        return table;
    }
}
