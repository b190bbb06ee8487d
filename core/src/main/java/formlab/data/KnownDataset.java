package formlab.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The datasets FormLab knows by name: sub-folders of the dataset root ({@code FORMLAB_DATA_DIR}).
 * The one place code names them (readers, loaders, validation, tests); each has the built-in
 * dataset description of the same name ({@code formlab.dataset}), which says what the files hold.
 * Only {@link #POSE_EXERCISE_CORRECTION} is MIT-licensed (a sample of it ships in
 * {@code data/external}); the others have no license and are read in place, never copied.
 */
public enum KnownDataset {
    /** Wrist IMU (MetaWear) barbell sets of participants A-D. */
    IMU_BARBELL("imu-barbell-metawear", "wrist IMU, barbell exercises, participants A-D", "no license: read in place"),
    /** MediaPipe 33-landmark frames of 6 yoga poses, participants P1-P6, 4 cameras. */
    POSE_YOGA_POSEPILOT("pose-yoga-posepilot", "BlazePose landmarks, 6 yoga poses, P1-P6", "no license: read in place"),
    /** MediaPipe landmarks for squat, curl, plank and lunge form. */
    POSE_EXERCISE_CORRECTION("pose-exercise-correction", "BlazePose landmarks, exercise form and phase", "MIT"),
    /** 11 (x, y) keypoints per yoga image, 10 poses. */
    POSE_YOGA_11KP("pose-yoga-11kp", "11 keypoints per yoga image, 10 poses", "no license: read in place"),
    /** Yoga photos, one folder per class. */
    IMAGES_YOGA_5CLASS("images-yoga-5class", "yoga photos, 5 classes", "no license: read in place");

    private final String folderName;
    private final String description;
    private final String license;

    KnownDataset(String folderName, String description, String license) {
        this.folderName = folderName;
        this.description = description;
        this.license = license;
    }

    /** Folder name under the dataset root. */
    public String folderName() { return folderName; }

    /** What the dataset holds, in a few words. */
    public String description() { return description; }

    /** License terms as far as known. */
    public String license() { return license; }

    /** The dataset's folder, when the dataset root is set and holds it. */
    public Optional<Path> path() {
        return DataSettings.dataset(folderName);
    }
}
