package formlab.cli;

import formlab.options.Args;
import java.io.PrintStream;
import java.util.Locale;

import formlab.data.Settings;
import formlab.posture.ImagePostureComparison;
import formlab.pose.estimate.PoseModels;

/**
 * {@code formlab compare-posture}: landmark route vs image CNN on the same yoga photos (the CNN's
 * test split, 4 shared classes), with accuracy, recall per class, confusion matrices and time per photo.
 */
public final class ComparePostureCommand implements Command {

    @Override
    public String name() {
        return "compare-posture";
    }

    @Override
    public String summary() {
        return "yoga posture from photos: landmarks + PosePilot classifier vs the image CNN, same test photos";
    }

    @Override
    public String usage() {
        return """
                usage: formlab compare-posture [--model lite|full|heavy]
                  --model   landmark model size (default full)
                Scores both routes on the CNN's test-split photos of downward dog, goddess, tree and warrior:
                accuracy, balanced accuracy, macro F1, recall per class, confusion matrices, photos without a
                person found, median and p95 milliseconds per photo. The landmark classifier is trained on all
                PosePilot participants; the CNN is the registered yoga-cnn when it was trained on the same split,
                else one is trained first (minutes). FORMLAB_SMOKE=1: reduced photos, PosePilot camera 0 only,
                a one-epoch CNN. Needs FORMLAB_DATA_DIR and `make pose-models`.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        PoseModels.Variant variant = PoseOptions.variant(args);
        args.rejectUnknown();
        if (Settings.smoke()) {
            out.println("SMOKE mode: reduced data, numbers are not meaningful");
        }
        ImagePostureComparison.Result result = ImagePostureComparison.onYogaTestSplit(variant, out);
        out.println();
        out.print(result.report());
        out.println("landmark model: " + variant.name().toLowerCase(Locale.ROOT) + ", 1 TFLite thread; CNN: PyTorch CPU threads as configured");
        return 0;
    }
}
