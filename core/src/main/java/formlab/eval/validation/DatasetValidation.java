package formlab.eval.validation;

import formlab.data.DataOrigin;
import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.sim.SimulationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The data checks of every FormLab dataset, assembled: one {@link ValidatedDataset} per dataset,
 * on the real data when {@code FORMLAB_DATA_DIR} holds it, else on the embedded default (simulated
 * barbell recordings, the MIT exercise-correction sample); datasets with neither are listed as not
 * available. {@link #overview(List)} puts the verdicts side by side. The checks themselves live in
 * {@link BarbellDatasetValidation}, {@link LandmarkDatasetValidation} and {@link ImageDatasetValidation}.
 */
public final class DatasetValidation {

    private DatasetValidation() {
    }

    /**
     * The validation of every dataset.
     *
     * @param barbell            barbell IMU recordings (real or simulated)
     * @param posePilot          PosePilot yoga landmarks
     * @param exerciseCorrection exercise-correction landmarks (real or the MIT sample)
     * @param yoga11             11-keypoint yoga landmarks
     * @param images             yoga photos
     */
    public record Results(ValidatedDataset barbell, ValidatedDataset posePilot, ValidatedDataset exerciseCorrection,
                          ValidatedDataset yoga11, ValidatedDataset images) {

        /** All five, in the order above. */
        public List<ValidatedDataset> list() {
            return List.of(barbell, posePilot, exerciseCorrection, yoga11, images);
        }

        /** {@link DatasetValidation#overview(List)} of all five. */
        public Table overview() {
            return DatasetValidation.overview(list());
        }

        /** {@link DatasetValidation#figure(List)} of all five. */
        public Figure figure() {
            return DatasetValidation.figure(list());
        }
    }

    /**
     * Validates every dataset. {@code smoke} reduces the work for quick runs: PosePilot reads one
     * camera and the image folder is not decoded (listed as not checked).
     */
    public static Results all(ProjectPaths paths, boolean smoke) {
        return new Results(barbell(paths), posePilot(smoke), exerciseCorrection(paths), yoga11(), images(smoke));
    }

    /** PosePilot landmarks, if present; {@code smoke} reads camera 1 only. */
    public static ValidatedDataset posePilot(boolean smoke) {
        return KnownDataset.POSE_YOGA_POSEPILOT.path()
                .map(root -> ValidatedDataset.of(origin(KnownDataset.POSE_YOGA_POSEPILOT, root, smoke ? "cam_1 only (smoke mode)" : "all cameras"),
                        LandmarkDatasetValidation.posePilot(root, smoke)))
                .orElseGet(() -> unavailable(KnownDataset.POSE_YOGA_POSEPILOT));
    }

    /** The 11-keypoint yoga landmarks, if present. */
    public static ValidatedDataset yoga11() {
        return KnownDataset.POSE_YOGA_11KP.path()
                .map(root -> ValidatedDataset.of(origin(KnownDataset.POSE_YOGA_11KP, root, "all.csv, train.csv, test.csv"),
                        LandmarkDatasetValidation.yoga11(root)))
                .orElseGet(() -> unavailable(KnownDataset.POSE_YOGA_11KP));
    }

    /** The yoga photos, if present; in {@code smoke} mode they are listed as not checked (decoding every image takes a while). */
    public static ValidatedDataset images(boolean smoke) {
        Optional<Path> images = KnownDataset.IMAGES_YOGA_5CLASS.path();
        if (images.isPresent() && smoke) {
            return ValidatedDataset.unavailable(KnownDataset.IMAGES_YOGA_5CLASS.folderName(),
                    "present, but not decoded in smoke mode (run without FORMLAB_SMOKE to check every image)");
        }
        return images.map(root -> ValidatedDataset.of(origin(KnownDataset.IMAGES_YOGA_5CLASS, root, "every file decoded"),
                        ImageDatasetValidation.validate(KnownDataset.IMAGES_YOGA_5CLASS.folderName(), root)))
                .orElseGet(() -> unavailable(KnownDataset.IMAGES_YOGA_5CLASS));
    }

    /** The barbell recordings: the real MetaWear files, or the simulated default (generated on first use). */
    public static ValidatedDataset barbell(ProjectPaths paths) {
        Optional<Path> real = KnownDataset.IMU_BARBELL.path();
        if (real.isPresent()) {
            Path raw = Files.isDirectory(real.get().resolve("raw")) ? real.get().resolve("raw") : real.get();
            return ValidatedDataset.of(origin(KnownDataset.IMU_BARBELL, raw, "MetaWear CSV exports"),
                    BarbellDatasetValidation.validate(KnownDataset.IMU_BARBELL.folderName(), raw));
        }
        Path folder = paths.interim().resolve(ImuDatasets.SIMULATED_FOLDER);
        ImuDatasets.ensureSimulated(folder, SimulationSettings.defaults());
        return ValidatedDataset.of(new DataOrigin(ImuDatasets.SIMULATED_NAME, false, folder.toString(), "simulated MetaWear CSV exports"),
                BarbellDatasetValidation.validate(ImuDatasets.SIMULATED_NAME, folder));
    }

    /** Exercise-correction landmarks: the real dataset, or the MIT squat sample under {@code data/external}. */
    public static ValidatedDataset exerciseCorrection(ProjectPaths paths) {
        Optional<Path> real = KnownDataset.POSE_EXERCISE_CORRECTION.path();
        if (real.isPresent()) {
            return ValidatedDataset.of(origin(KnownDataset.POSE_EXERCISE_CORRECTION, real.get(), "squat, curl, plank, lunge files"),
                    LandmarkDatasetValidation.exerciseCorrection(KnownDataset.POSE_EXERCISE_CORRECTION.folderName(), real.get()));
        }
        Path sample = paths.external().resolve("exercise-correction-sample");
        if (!Files.isDirectory(sample)) {
            return unavailable(KnownDataset.POSE_EXERCISE_CORRECTION);
        }
        return ValidatedDataset.of(new DataOrigin(KnownDataset.POSE_EXERCISE_CORRECTION.folderName() + " (MIT sample)", false,
                        sample.toString(), "squat train (every 5th row) and test"),
                LandmarkDatasetValidation.exerciseCorrection(KnownDataset.POSE_EXERCISE_CORRECTION.folderName() + " sample", sample));
    }

    /** One row per dataset: data (real / default / not available), fail, warn and pass counts, verdict. */
    public static Table overview(List<ValidatedDataset> results) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn data = StringColumn.create("data");
        IntColumn fail = IntColumn.create("fail");
        IntColumn warn = IntColumn.create("warn");
        IntColumn pass = IntColumn.create("pass");
        StringColumn verdict = StringColumn.create("verdict");
        for (ValidatedDataset result : results) {
            dataset.append(result.dataset());
            data.append(!result.available() ? "not available" : result.origin().real() ? "real" : "embedded default");
            fail.append(result.report().with(Severity.FAIL).size());
            warn.append(result.report().with(Severity.WARN).size());
            pass.append(result.report().with(Severity.PASS).size());
            verdict.append(!result.available() ? "not checked" : result.worst().name());
        }
        return Table.create("Data validation overview", dataset, data, fail, warn, pass, verdict);
    }

    /** Stacked bars of fail / warn / pass findings per checked dataset. */
    public static Figure figure(List<ValidatedDataset> results) {
        List<ValidatedDataset> checked = results.stream().filter(ValidatedDataset::available).toList();
        Object[] names = checked.stream().map(ValidatedDataset::dataset).toArray();
        Trace[] traces = new Trace[3];
        String[] colours = {"#d62728", "#f2a93b", "#4c9a2a"};
        Severity[] order = {Severity.FAIL, Severity.WARN, Severity.PASS};
        for (int s = 0; s < 3; s++) {
            Severity severity = order[s];
            double[] counts = checked.stream().mapToDouble(d -> d.report().with(severity).size()).toArray();
            traces[s] = BarTrace.builder(names, counts).name(severity.name())
                    .marker(Marker.builder().color(colours[s]).build()).build();
        }
        return new Figure(Layout.builder("Findings per dataset").barMode(Layout.BarMode.STACK).height(320)
                .yAxis(Axis.builder().title("findings").build()).build(), traces);
    }

    private static DataOrigin origin(KnownDataset dataset, Path root, String what) {
        return new DataOrigin(dataset.folderName(), true, root.toString(), what);
    }

    private static ValidatedDataset unavailable(KnownDataset dataset) {
        return ValidatedDataset.unavailable(dataset.folderName(), "not found: set " + DataSettings.DATA_DIR_VARIABLE
                + " to the folder holding " + dataset.folderName() + " (" + dataset.description() + ")");
    }
}
