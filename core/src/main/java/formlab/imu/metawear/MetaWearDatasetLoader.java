package formlab.imu.metawear;

import formlab.imu.ImuDataException;
import formlab.imu.ImuDataException.Problem;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.SetInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the MetaWear exports under a folder, pairs each set's accelerometer and gyroscope file
 * and reads them into {@link ImuRecording}s.
 *
 * <p>Files are found recursively; those under a folder named {@value #BAD_FORM_FOLDER} are
 * flagged as bad-form sets ({@link SetInfo#badForm()}). Files are paired by the set they name
 * (participant, exercise, intensity, set number, RPE, start stamp, device), so a stray space in
 * one name does not break the pair. Other files (README, PDF, TSV) are ignored; a {@code .csv}
 * file with {@code _MetaWear_} in its name that does not parse is an error, as is a set with
 * only one sensor or two files for the same sensor and set.
 *
 * @param reader the reader for single files (gap and rate rules)
 */
public record MetaWearDatasetLoader(MetaWearCsvReader reader) {

    /** Name of the sub-folder holding deliberately bad-form sets. */
    public static final String BAD_FORM_FOLDER = "form";

    /** A loader with the default reader. */
    public static MetaWearDatasetLoader defaults() {
        return new MetaWearDatasetLoader(MetaWearCsvReader.defaults());
    }

    /** Reads every set under {@code folder}, sorted by participant, exercise and start time. */
    public List<ImuRecording> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ImuDataException(Problem.MISSING_FILE, folder, "dataset folder does not exist; expected a folder of MetaWear CSV exports");
        }
        Map<SetInfo, Map<SensorKind, MetaWearFileName>> sets = new LinkedHashMap<>();
        for (Path file : csvFiles(folder)) {
            MetaWearFileName name = MetaWearFileName.parse(file, inBadFormFolder(folder, file));
            Map<SensorKind, MetaWearFileName> pair = sets.computeIfAbsent(name.set(), k -> new EnumMap<>(SensorKind.class));
            MetaWearFileName previous = pair.put(name.sensor(), name);
            if (previous != null) {
                throw new ImuDataException(Problem.DUPLICATE_FILE, file, "second " + name.sensor().fileToken()
                        + " file for set " + name.set().id() + " (the first is " + previous.file().getFileName()
                        + "); expected one file per sensor and set");
            }
        }
        List<ImuRecording> recordings = new ArrayList<>();
        for (Map.Entry<SetInfo, Map<SensorKind, MetaWearFileName>> entry : sets.entrySet()) {
            Map<SensorKind, MetaWearFileName> pair = entry.getValue();
            for (SensorKind kind : SensorKind.values()) {
                if (!pair.containsKey(kind)) {
                    MetaWearFileName present = pair.values().iterator().next();
                    throw new ImuDataException(Problem.UNPAIRED_SENSOR, present.file(), "no " + kind.fileToken()
                            + " file for set " + entry.getKey().id() + "; expected one named like "
                            + MetaWearFileName.format(entry.getKey(), kind, present.rateHz(), present.firmware())
                                    .replace(String.format(java.util.Locale.ROOT, "%.3f", present.rateHz()) + "Hz", "<rate>Hz"));
                }
            }
            recordings.add(read(pair.get(SensorKind.ACCELEROMETER), pair.get(SensorKind.GYROSCOPE)));
        }
        recordings.sort(Comparator.comparing((ImuRecording r) -> r.info().participant())
                .thenComparing(r -> r.info().exercise())
                .thenComparing(r -> r.info().start()));
        return List.copyOf(recordings);
    }

    /**
     * Loads the set that {@code file} belongs to: {@code file} is either of its two exports
     * (accelerometer or gyroscope); the other is looked up beside it.
     *
     * @throws ImuDataException when the file or its partner is missing or malformed
     */
    public ImuRecording loadSetOf(Path file) {
        MetaWearFileName name = MetaWearFileName.parse(file, false);
        Path partner = partner(file, name);
        return name.sensor() == SensorKind.ACCELEROMETER ? loadPair(file, partner) : loadPair(partner, file);
    }

    private static Path partner(Path file, MetaWearFileName name) {
        Path folder = file.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matches = files.filter(MetaWearFileName::looksLikeMetaWear).filter(p -> !p.equals(file.toAbsolutePath()))
                    .filter(p -> {
                        try {
                            MetaWearFileName other = MetaWearFileName.parse(p, false);
                            return other.set().equals(name.set()) && other.sensor() != name.sensor();
                        } catch (ImuDataException e) {
                            return false;
                        }
                    }).toList();
            if (matches.isEmpty()) {
                SensorKind wanted = name.sensor() == SensorKind.ACCELEROMETER ? SensorKind.GYROSCOPE : SensorKind.ACCELEROMETER;
                throw new ImuDataException(Problem.UNPAIRED_SENSOR, file, "no " + wanted.fileToken()
                        + " file of set " + name.set().id() + " in " + folder + "; a replay needs both sensors of the set");
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /**
     * Reads one set from an explicit accelerometer and gyroscope file.
     *
     * @throws ImuDataException ({@link Problem#MISMATCHED_PAIR}) when the files name different
     *                          sets, are not one accelerometer and one gyroscope, or do not overlap in time
     */
    public ImuRecording loadPair(Path accelerometerFile, Path gyroscopeFile) {
        for (Path file : List.of(accelerometerFile, gyroscopeFile)) {
            if (!Files.exists(file)) {
                throw new ImuDataException(Problem.MISSING_FILE, file, "file does not exist; expected a MetaWear CSV export");
            }
        }
        MetaWearFileName acc = MetaWearFileName.parse(accelerometerFile, false);
        MetaWearFileName gyr = MetaWearFileName.parse(gyroscopeFile, false);
        return read(acc, gyr);
    }

    private ImuRecording read(MetaWearFileName acc, MetaWearFileName gyr) {
        if (acc.sensor() != SensorKind.ACCELEROMETER || gyr.sensor() != SensorKind.GYROSCOPE) {
            throw new ImuDataException(Problem.MISMATCHED_PAIR, acc.file(), "paired with " + gyr.file().getFileName()
                    + ": got " + acc.sensor().fileToken() + " and " + gyr.sensor().fileToken()
                    + "; expected an Accelerometer and a Gyroscope file");
        }
        if (!acc.set().equals(gyr.set())) {
            throw new ImuDataException(Problem.MISMATCHED_PAIR, gyr.file(), "belongs to set " + gyr.set().id()
                    + " but its accelerometer file " + acc.file().getFileName() + " belongs to set " + acc.set().id()
                    + "; expected both files of one set");
        }
        SensorSeries a = reader.read(acc.file(), acc.sensor(), acc.rateHz());
        SensorSeries g = reader.read(gyr.file(), gyr.sensor(), gyr.rateHz());
        if (Math.min(a.endMillis(), g.endMillis()) <= Math.max(a.startMillis(), g.startMillis())) {
            throw new ImuDataException(Problem.MISMATCHED_PAIR, gyr.file(), "gyroscope spans epoch " + g.startMillis()
                    + ".." + g.endMillis() + " ms but accelerometer spans " + a.startMillis() + ".." + a.endMillis()
                    + " ms; expected the two sensors of one set to overlap in time");
        }
        return new ImuRecording(acc.set(), a, g, List.of(acc.file(), gyr.file()));
    }

    private static boolean inBadFormFolder(Path root, Path file) {
        Path rootName = root.toAbsolutePath().normalize().getFileName();
        if (rootName != null && rootName.toString().equals(BAD_FORM_FOLDER)) {
            return true; // the bad-form folder itself was given
        }
        Path parent = root.relativize(file).getParent();
        if (parent != null) {
            for (Path part : parent) {
                if (part.toString().equals(BAD_FORM_FOLDER)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> csvFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(MetaWearFileName::looksLikeMetaWear).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
