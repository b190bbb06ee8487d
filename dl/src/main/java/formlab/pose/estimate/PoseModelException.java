package formlab.pose.estimate;

import java.nio.file.Path;

/** A pose model that is missing, unreadable or has an unexpected shape; the message names the file. */
public class PoseModelException extends RuntimeException {

    /** Exception with a message naming the file and what was expected. */
    public PoseModelException(String message) {
        super(message);
    }

    /** The model file is not there: tells the user how to provision it. */
    public static PoseModelException missing(Path file) {
        return new PoseModelException(file + ": pose model not found. Run `make pose-models` "
                + "(scripts/fetch-pose-models.sh) to fetch the MediaPipe Pose models, "
                + "or set FORMLAB_POSE_MODELS to the folder holding them.");
    }
}
