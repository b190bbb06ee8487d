package formlab.cli;

import formlab.dataset.LoadedDescription;
import formlab.options.Args;
import formlab.options.UsageException;
import java.io.IOException;
import java.io.PrintStream;

/** {@code train/evaluate --dataset D} for landmark (pose) descriptions: not in this build. */
final class PoseDatasetCommands {

    private PoseDatasetCommands() {
    }

    /** Refuses: landmark datasets are not available in this build. */
    public static int train(LoadedDescription description, Args args, PrintStream out) throws IOException {
        throw new UsageException("landmark datasets: not available in this build");
    }

    /** Refuses: landmark datasets are not available in this build. */
    public static int evaluate(LoadedDescription description, Args args, PrintStream out) throws IOException {
        throw new UsageException("landmark datasets: not available in this build");
    }
}
