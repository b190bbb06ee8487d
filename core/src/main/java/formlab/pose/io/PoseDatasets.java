package formlab.pose.io;

import formlab.data.DataOrigin;
import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import formlab.data.Settings;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry points to the pose datasets for notebooks and commands; each result says in its
 * {@link DataOrigin} which data it holds.
 *
 * <ul>
 *   <li>{@link #posePilot()}: the PosePilot yoga landmarks when {@code FORMLAB_DATA_DIR} holds
 *       them (no license: read in place, never copied). In smoke mode ({@link Settings#smoke()})
 *       only camera {@value #SMOKE_CAMERA}, all participants.</li>
 *   <li>{@link #exerciseCorrection(DatasetFile)}: the exercise-correction landmarks from the data
 *       folder, or for the squat files the MIT sample shipped in
 *       {@code data/external/}{@value #SAMPLE_FOLDER} (its train file keeps every 5th row).</li>
 *   <li>{@link #yoga11Keypoints()}: the 11-keypoint yoga file {@code data/all.csv}.</li>
 * </ul>
 */
public final class PoseDatasets {

    /** Folder of the MIT exercise-correction sample under {@code data/external}. */
    public static final String SAMPLE_FOLDER = "exercise-correction-sample";

    /** The camera kept in smoke mode. */
    public static final String SMOKE_CAMERA = "cam_0";

    private PoseDatasets() {
    }

    /** True when the real PosePilot landmarks are configured. */
    public static boolean hasPosePilot() {
        return KnownDataset.POSE_YOGA_POSEPILOT.path().isPresent();
    }

    /** The PosePilot landmarks (a camera subset in smoke mode), or empty when not configured. */
    public static Optional<PoseData> posePilot() {
        return KnownDataset.POSE_YOGA_POSEPILOT.path().map(root -> posePilot(root, Settings.smoke()));
    }

    /** The PosePilot landmarks under {@code root}; {@code smoke} keeps camera {@value #SMOKE_CAMERA} only. */
    public static PoseData posePilot(Path root, boolean smoke) {
        PosePilotReader reader = new PosePilotReader();
        List<LandmarkRead> reads = new ArrayList<>();
        for (Path file : PosePilotReader.files(root)) {
            if (!smoke || file.getParent().getFileName().toString().equals(SMOKE_CAMERA)) {
                reads.add(reader.read(file));
            }
        }
        return data(KnownDataset.POSE_YOGA_POSEPILOT.folderName(), true, root + (smoke ? " (smoke: " + SMOKE_CAMERA + " only)" : ""), reads);
    }

    /**
     * One exercise-correction file from the data folder; without it, the squat files come from
     * the MIT sample in {@code data/external} and the others are unavailable.
     *
     * @throws IllegalStateException when neither the data folder nor (for squat) the sample has the file
     */
    public static PoseData exerciseCorrection(DatasetFile file) {
        Optional<Path> real = KnownDataset.POSE_EXERCISE_CORRECTION.path();
        if (real.isPresent() && Files.isRegularFile(file.in(real.get()))) {
            return exerciseCorrection(file, real.get(), true);
        }
        Path sample = ProjectPaths.locate().external().resolve(SAMPLE_FOLDER);
        String inSample = file.relativePath().replaceFirst("^core/", "");
        if (Files.isRegularFile(sample.resolve(inSample))) {
            LandmarkRead read = new ExerciseCorrectionReader().read(sample.resolve(inSample));
            return data(KnownDataset.POSE_EXERCISE_CORRECTION.folderName() + " sample", false,
                    sample + " (MIT sample" + (file == DatasetFile.SQUAT_TRAIN ? ", every 5th training row" : "") + ")",
                    List.of(read));
        }
        throw new IllegalStateException(file.relativePath() + " is not available: set " + DataSettings.DATA_DIR_VARIABLE
                + " to the folder holding " + KnownDataset.POSE_EXERCISE_CORRECTION.folderName() + " (only the squat files ship as a sample)");
    }

    /** One exercise-correction file under the dataset folder {@code root}. */
    public static PoseData exerciseCorrection(DatasetFile file, Path root, boolean real) {
        LandmarkRead read = new ExerciseCorrectionReader().read(file.in(root));
        return data(KnownDataset.POSE_EXERCISE_CORRECTION.folderName(), real, file.in(root).toString(), List.of(read));
    }

    /** The 11-keypoint yoga images ({@code data/all.csv}), or empty when not configured. */
    public static Optional<PoseData> yoga11Keypoints() {
        return KnownDataset.POSE_YOGA_11KP.path().map(root -> {
            LandmarkRead read = new Yoga11KeypointReader().read(root.resolve("data/all.csv"));
            return data(KnownDataset.POSE_YOGA_11KP.folderName(), true, root.toString(), List.of(read));
        });
    }

    private static PoseData data(String dataset, boolean real, String location, List<LandmarkRead> reads) {
        int frames = reads.stream().mapToInt(r -> r.sequence().size()).sum();
        long participants = reads.stream().map(r -> r.sequence().info().participant()).filter(p -> p != null).distinct().count();
        String size = reads.size() + (reads.size() == 1 ? " file, " : " files, ") + frames + " frames"
                + (participants > 0 ? ", " + participants + " participants" : "");
        return new PoseData(new DataOrigin(dataset, real, location, size),
                reads.stream().map(LandmarkRead::sequence).toList(),
                reads.stream().map(LandmarkRead::report).toList());
    }
}
