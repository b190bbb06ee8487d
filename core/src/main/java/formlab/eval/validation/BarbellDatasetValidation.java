package formlab.eval.validation;

import formlab.imu.ImuDataException;
import formlab.imu.SensorKind;
import formlab.imu.SetInfo;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.metawear.MetaWearFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Checks a folder of MetaWear barbell recordings file by file, without trusting the loader (which
 * stops at the first bad file): file names, header and value ranges, missing values, sample rate
 * and gaps against the rate in the name, sensor pairs, sets per participant and exercise, class
 * balance, and duplicate recordings by content (clock columns ignored).
 */
public final class BarbellDatasetValidation {

    /** MetaWear accelerometer full-scale range, g. */
    public static final double ACCELEROMETER_RANGE_G = formlab.imu.metawear.MetaWearCsvReader.fullScale(SensorKind.ACCELEROMETER);
    /** MetaWear gyroscope full-scale range, deg/s. */
    public static final double GYROSCOPE_RANGE_DPS = formlab.imu.metawear.MetaWearCsvReader.fullScale(SensorKind.GYROSCOPE);
    /** Relative tolerance of the measured sample rate. */
    public static final double RATE_TOLERANCE = 0.1;

    private BarbellDatasetValidation() {
    }

    /** Validates every {@code *_MetaWear_*.csv} under {@code folder}; {@code name} titles the report. */
    public static ValidationReport validate(String name, Path folder) {
        List<Path> files = files(folder);
        if (files.isEmpty()) {
            return new ValidationReport(name, List.of(Finding.fail("files", folder.toString(),
                    "no MetaWear CSV exports (*_MetaWear_*.csv) under this folder")));
        }
        List<Finding> perFile = new ArrayList<>();
        Map<SetInfo, Map<SensorKind, Path>> sets = new LinkedHashMap<>();
        for (Path file : files) {
            String subject = folder.relativize(file).toString();
            MetaWearFileName parsed;
            try {
                parsed = MetaWearFileName.parse(file, inBadFormFolder(folder, file));
            } catch (ImuDataException e) {
                perFile.add(Finding.fail("file name", subject, e.getMessage()));
                continue;
            }
            perFile.add(Finding.pass("file name", subject, "follows the MetaWear scheme"));
            Path previous = sets.computeIfAbsent(parsed.set(), k -> new EnumMap<>(SensorKind.class)).put(parsed.sensor(), file);
            if (previous != null) {
                perFile.add(Finding.fail("sensor pairs", subject, "second " + parsed.sensor().fileToken()
                        + " file of set " + parsed.set().id() + " (first: " + previous.getFileName() + ")"));
            }
            perFile.addAll(content(file, subject, parsed));
        }
        List<Finding> perSet = new ArrayList<>();
        for (var entry : sets.entrySet()) {
            if (entry.getValue().size() == 1) {
                SensorKind present = entry.getValue().keySet().iterator().next();
                perSet.add(Finding.fail("sensor pairs", entry.getKey().id(), "only a " + present.fileToken()
                        + " file; expected an Accelerometer and a Gyroscope file per set"));
            } else {
                perSet.add(Finding.pass("sensor pairs", entry.getKey().id(), "accelerometer and gyroscope present"));
            }
        }
        Table setTable = setTable(sets);
        List<Finding> duplicates;
        try {
            duplicates = DuplicateRecordings.check(files, DuplicateRecordings.NOT_A_CLOCK);
        } catch (IOException e) {
            duplicates = List.of(Finding.fail("duplicate recordings", folder.toString(), "cannot compare: " + e.getMessage()));
        }
        long badForm = sets.keySet().stream().filter(SetInfo::badForm).count();
        return ValidationReport.of(name,
                Findings.condense(perFile, "files"),
                Findings.condense(perSet, "sets"),
                List.of(Finding.pass("bad-form sets", badForm + " sets", badForm
                        + " bad-form sets (in a '" + MetaWearDatasetLoader.BAD_FORM_FOLDER + "' folder) are kept apart from the classes")),
                setTable.rowCount() == 0 ? List.of() : TableChecks.labelDistribution(setTable, "exercise", 3, 5),
                setTable.rowCount() == 0 ? List.of() : TableChecks.groupCoverage(setTable, "exercise", "participant", 2),
                duplicates);
    }

    /** One row per complete normal set: participant, exercise (the table behind the class and coverage checks). */
    public static Table setTable(Map<SetInfo, Map<SensorKind, Path>> sets) {
        StringColumn participant = StringColumn.create("participant");
        StringColumn exercise = StringColumn.create("exercise");
        sets.forEach((set, pair) -> {
            if (pair.size() == 2 && !set.badForm()) {
                participant.append(set.participant());
                exercise.append(set.exercise().label());
            }
        });
        return Table.create("Sets", participant, exercise);
    }

    private static List<Finding> content(Path file, String subject, MetaWearFileName parsed) {
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(file.toFile()).tableName(subject).build());
        } catch (RuntimeException e) {
            return List.of(Finding.fail("schema", subject, "cannot read as CSV: " + e.getMessage()));
        }
        String unit = parsed.sensor().unit().symbol();
        double range = parsed.sensor() == SensorKind.ACCELEROMETER ? ACCELEROMETER_RANGE_G : GYROSCOPE_RANGE_DPS;
        List<ColumnRule> rules = List.of(
                ColumnRule.numeric("epoch (ms)", 1e12, 1e13),
                new ColumnRule("time (01:00)", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true),
                ColumnRule.numeric("elapsed (s)", 0, 86_400),
                ColumnRule.numeric("x-axis (" + unit + ")", -range, range),
                ColumnRule.numeric("y-axis (" + unit + ")", -range, range),
                ColumnRule.numeric("z-axis (" + unit + ")", -range, range));
        List<Finding> findings = new ArrayList<>();
        findings.add(Findings.summarise("schema", subject, TableChecks.schema(table, rules, false),
                table.rowCount() + " rows; header and value ranges as expected"));
        findings.add(Findings.summarise("missing values", subject, TableChecks.missingValues(table, 0, 0.01),
                "no missing values"));
        if (table.columnNames().contains("epoch (ms)") && table.column("epoch (ms)") instanceof NumericColumn<?> epoch
                && epoch.countMissing() == 0) {
            double[] seconds = new double[epoch.size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = epoch.getDouble(i) / 1000.0;
            }
            findings.addAll(TimestampChecks.sampleRate(subject, seconds, parsed.rateHz(), RATE_TOLERANCE));
        }
        try {
            formlab.imu.metawear.MetaWearCsvReader.defaults().read(file, parsed.sensor(), parsed.rateHz());
            findings.add(Finding.pass("loadable", subject, "the MetaWear reader accepts every row"));
        } catch (ImuDataException e) {
            findings.add(Finding.fail("loadable", subject, "the loader refuses it: " + e.getMessage()));
        }
        return findings;
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(MetaWearFileName::looksLikeMetaWear).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static boolean inBadFormFolder(Path root, Path file) {
        Path rootName = root.toAbsolutePath().normalize().getFileName();
        if (rootName != null && rootName.toString().equals(MetaWearDatasetLoader.BAD_FORM_FOLDER)) {
            return true; // the bad-form folder itself was given
        }
        Path parent = root.relativize(file).getParent();
        if (parent != null) {
            for (Path part : parent) {
                if (part.toString().equals(MetaWearDatasetLoader.BAD_FORM_FOLDER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
