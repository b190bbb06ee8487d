package formlab.pose.estimate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import formlab.data.ProjectPaths;
import formlab.data.Settings;

/**
 * Where the MediaPipe Pose models live: {@code FORMLAB_POSE_MODELS} (or {@code -Dformlab.pose.models}),
 * else {@code models/external/mediapipe-pose} of the project. They are not in the repository:
 * {@code make pose-models} fetches them (Apache-2.0, see the LICENSE and SOURCE.md written next to them).
 *
 * @param folder the folder holding the {@code .tflite} files
 */
public record PoseModels(Path folder) {

    /** Landmark model size: lite (fast), full (default), heavy (most accurate, slowest). */
    public enum Variant { LITE, FULL, HEAVY }

    /** Detector file name. */
    public static final String DETECTOR = "pose_detection.tflite";

    /** The configured location (environment or property), else the project's models folder. */
    public static PoseModels locate() {
        String configured = Settings.value("formlab.pose.models", "FORMLAB_POSE_MODELS");
        if (configured != null) {
            return new PoseModels(Path.of(configured));
        }
        return new PoseModels(ProjectPaths.locate().models().resolve("external/mediapipe-pose"));
    }

    /** The landmark model file of {@code variant}. */
    public Path landmarkModel(Variant variant) {
        return folder.resolve("pose_landmark_" + variant.name().toLowerCase(java.util.Locale.ROOT) + ".tflite");
    }

    /** The person detector file. */
    public Path detector() {
        return folder.resolve(DETECTOR);
    }

    /** True when the detector and the {@code variant} landmark model are present. */
    public boolean isProvisioned(Variant variant) {
        return missing(variant).isEmpty();
    }

    /** The files {@code variant} needs that are not there. */
    public List<Path> missing(Variant variant) {
        return List.of(detector(), landmarkModel(variant)).stream().filter(p -> !Files.isRegularFile(p)).toList();
    }

    /** One line for notebooks and commands: provisioned or how to provision. */
    public String describe(Variant variant) {
        return isProvisioned(variant)
                ? "MediaPipe Pose models (" + variant.name().toLowerCase(java.util.Locale.ROOT) + ") in " + folder
                : "MediaPipe Pose models are NOT provisioned in " + folder + ": run `make pose-models`";
    }
}
