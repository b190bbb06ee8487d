package formlab.imu.dataset;

import formlab.data.KnownDataset;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.data.AtomicFiles;
import formlab.data.DataOrigin;
import formlab.data.ProjectPaths;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.metawear.MetaWearFileName;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Entry points to the IMU datasets that notebooks and commands use.
 *
 * <p>{@link #barbell()} gives the real MetaWear barbell recordings when {@code FORMLAB_DATA_DIR}
 * holds the {@link KnownDataset#IMU_BARBELL} folder, and otherwise the simulated default, generated once into
 * {@code data/interim/}{@value #SIMULATED_FOLDER} and reused. The real recordings are read through the
 * built-in dataset description {@code imu-barbell-metawear} ({@link DescribedImuReader}, the reader of every
 * {@code --dataset} command), so the barbell dataset is one description among others; the simulated
 * default and any other folder of MetaWear exports ({@link #folder}) go through the MetaWear loader.
 * The returned dataset's {@link DataOrigin} says which data and which description it is.
 */
public final class ImuDatasets {

    /** Name of the built-in description the real barbell dataset is read through. */
    public static final String DESCRIPTION = KnownDataset.IMU_BARBELL.folderName();
    /** Name of the simulated dataset (the real one is {@link KnownDataset#IMU_BARBELL}). */
    public static final String SIMULATED_NAME = "imu-barbell-simulated";
    /** Folder under {@code data/interim} holding the simulated recordings. */
    public static final String SIMULATED_FOLDER = "simulated-barbell";
    /** File in the simulated folder holding the settings fingerprint it was generated with. */
    public static final String FINGERPRINT_FILE = "SIMULATION.txt";

    private ImuDatasets() {
    }

    /** The real barbell dataset if configured, else the simulated default under the project's {@code data/interim}. */
    public static ImuDataset barbell() {
        Optional<Path> real = KnownDataset.IMU_BARBELL.path();
        if (real.isPresent()) {
            return real(real.get());
        }
        return simulated(ProjectPaths.locate().interim().resolve(SIMULATED_FOLDER), SimulationSettings.defaults());
    }

    /** The built-in description {@code imu-barbell-metawear}, applied to the dataset root's barbell folder when it is set. */
    public static LoadedDescription barbellDescription() {
        return DatasetDescriptions.builtIn(DESCRIPTION);
    }

    /** Loads the real dataset from its folder (the one holding {@code raw/}) through the description {@code imu-barbell-metawear}. */
    public static ImuDataset real(Path datasetFolder) {
        return described(barbellDescription().withFolder(datasetFolder));
    }

    /**
     * Loads a MetaWear barbell dataset through {@code description} (the built-in {@code imu-barbell-metawear} or a
     * copy of it): the recordings are the ones {@code formlab dataset check} lists, read by
     * {@link DescribedImuReader}; what the barbell file names say beyond the description's groups
     * (intensity, set number, RPE, nominal rate) comes from {@link MetaWearFileName}. The deliberately
     * bad-form sets under {@code raw/}{@value MetaWearDatasetLoader#BAD_FORM_FOLDER} are no class of the
     * description (it leaves them out); they are added, flagged, for exploration only.
     *
     * @throws IllegalStateException when the description names no dataset folder
     */
    public static ImuDataset described(LoadedDescription description) {
        Path folder = description.folder().orElseThrow(() -> new IllegalStateException("description "
                + description.file() + " names no dataset folder; set FORMLAB_DATA_DIR"));
        List<ImuRecording> recordings = new ArrayList<>(DescribedImuReader.read(description).stream()
                .map(ImuDatasets::barbellSet).toList());
        Path badFormFolder = folder.resolve("raw").resolve(MetaWearDatasetLoader.BAD_FORM_FOLDER);
        List<ImuRecording> badForm = Files.isDirectory(badFormFolder) ? MetaWearDatasetLoader.defaults().load(badFormFolder)
                : List.of();
        recordings.addAll(badForm);
        recordings.sort(BY_PARTICIPANT_EXERCISE_START);
        String through = "description " + description.description().name() + " ("
                + (description.builtIn() ? "built-in, " : "") + description.file() + ", sha256 "
                + DescriptionHash.of(description).substring(0, 12) + ")"
                + (badForm.isEmpty() ? "" : "; bad-form sets of raw/" + MetaWearDatasetLoader.BAD_FORM_FOLDER
                        + " (not in the description) for exploration");
        return new ImuDataset(recordings, new DataOrigin(KnownDataset.IMU_BARBELL.folderName(), true,
                folder + " through " + through, size(recordings)));
    }

    private static final Comparator<ImuRecording> BY_PARTICIPANT_EXERCISE_START = Comparator
            .comparing((ImuRecording r) -> r.info().participant())
            .thenComparing(r -> r.info().exercise())
            .thenComparing(r -> r.info().start());

    /** One described barbell recording as a set: signal from the description, set details from the file names. */
    private static ImuRecording barbellSet(DescribedImuRecording recording) {
        MetaWearFileName accelerometer = null;
        MetaWearFileName gyroscope = null;
        for (Path file : recording.sources()) {
            MetaWearFileName name = MetaWearFileName.parse(file, false);
            if (name.sensor() == SensorKind.ACCELEROMETER) {
                accelerometer = name;
            } else {
                gyroscope = name;
            }
        }
        if (accelerometer == null || gyroscope == null) {
            throw new IllegalArgumentException("recording " + recording.id() + " needs one Accelerometer and one Gyroscope"
                    + " file; has " + recording.sources());
        }
        DescribedImuRecording.Sensors sensors = recording.sensors(DescribedImuRecording.COMBINED);
        return new ImuRecording(accelerometer.set(), nominal(sensors.accelerometer(), accelerometer.rateHz()),
                nominal(sensors.gyroscope(), gyroscope.rateHz()), List.of(accelerometer.file(), gyroscope.file()));
    }

    /** The series with the rate the file name gives (the sensor's setting; the description measures it). */
    private static SensorSeries nominal(SensorSeries series, double rateHz) {
        return new SensorSeries(series.kind(), rateHz, series.epochMillis(), series.x(), series.y(), series.z());
    }

    /**
     * Loads every MetaWear set under {@code folder} (any folder of exports, named as the barbell
     * dataset names them; a {@code raw/} sub-folder is used when present).
     */
    public static ImuDataset folder(Path folder) {
        Path raw = folder.resolve("raw");
        List<ImuRecording> recordings = MetaWearDatasetLoader.defaults().load(Files.isDirectory(raw) ? raw : folder);
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? folder.toString()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        return new ImuDataset(recordings, new DataOrigin(name, true, folder.toAbsolutePath().normalize().toString(), size(recordings)));
    }

    /**
     * Loads simulated recordings from {@code folder}, generating them first if the folder is
     * missing or was generated with other settings. Generation writes into a temporary sibling
     * folder and renames it, so a crash or a concurrent run never leaves a half-written dataset.
     */
    public static ImuDataset simulated(Path folder, SimulationSettings settings) {
        ensureSimulated(folder, settings);
        List<ImuRecording> recordings = MetaWearDatasetLoader.defaults().load(folder);
        return new ImuDataset(recordings, new DataOrigin(SIMULATED_NAME, false,
                folder + " (" + settings.fingerprint() + ")", size(recordings)));
    }

    /**
     * Generates the simulated recordings into {@code folder} unless it already holds them for
     * {@code settings}; the folder is replaced as a whole ({@link AtomicFiles#replaceDirectory}).
     * A folder that exists without the simulator's fingerprint file is never replaced.
     */
    public static void ensureSimulated(Path folder, SimulationSettings settings) {
        if (settings.fingerprint().equals(fingerprint(folder))) {
            return;
        }
        if (Files.exists(folder) && fingerprint(folder) == null) {
            throw new IllegalStateException(folder + " exists but was not generated by the simulator (no "
                    + FINGERPRINT_FILE + "); move it away or choose another folder");
        }
        try {
            AtomicFiles.replaceDirectory(folder, tmp -> {
                new BarbellSimulator(settings).writeTo(tmp);
                Files.writeString(tmp.resolve(FINGERPRINT_FILE), settings.fingerprint() + "\n", StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate simulated recordings into " + folder, e);
        }
    }

    private static String fingerprint(Path folder) {
        Path file = folder.resolve(FINGERPRINT_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String size(List<ImuRecording> recordings) {
        long participants = recordings.stream().map(r -> r.info().participant()).distinct().count();
        long badForm = recordings.stream().filter(r -> r.info().badForm()).count();
        return recordings.size() + " sets" + (badForm > 0 ? " (" + badForm + " bad-form)" : "") + ", " + participants
                + " participants, " + 2 * recordings.size() + " files";
    }
}
