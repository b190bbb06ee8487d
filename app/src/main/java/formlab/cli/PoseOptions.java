package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.pose.estimate.PoseModels;
import java.util.Locale;

/** Options shared by the commands that run the pose estimator. */
final class PoseOptions {

    private PoseOptions() {
    }

    /**
     * The landmark model named by {@code --model} (lite, full or heavy; default full).
     *
     * @throws UsageException for any other name
     */
    static PoseModels.Variant variant(Args args) {
        String name = args.option("model").orElse("full");
        try {
            return PoseModels.Variant.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model must be lite, full or heavy, got " + name);
        }
    }
}
