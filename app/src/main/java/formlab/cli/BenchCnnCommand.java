package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.image.ImageDataset;
import formlab.image.PreparedImages;
import formlab.cnn.CnnBenchmark;
import formlab.cnn.CnnConfig;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.ImageCnnRegistration;
import formlab.data.Settings;
import formlab.pose.estimate.PoseModels;
import formlab.posture.CnnLandmarkCombination;
import formlab.posture.ComparisonModels;
import formlab.posture.PhotoPostureBenchmark;
import java.io.PrintStream;

/** {@code formlab bench-cnn}: CPU training and inference speed and memory of the image CNN. */
public final class BenchCnnCommand implements Command {

    @Override
    public String name() {
        return "bench-cnn";
    }

    @Override
    public String summary() {
        return "measure image-CNN training and inference speed, latency and memory on this CPU";
    }

    @Override
    public String usage() {
        return """
                usage: formlab bench-cnn [--model DIR] [--epochs N] [--size PX] [--width W]
                  --model DIR  model whose inference is timed: a registered model (models/NAME), a version
                               folder or a saved CNN folder; default models/yoga-cnn when it exists, else the
                               network trained for the training figure
                  --epochs N   training epochs timed (default 3)
                  --size PX    input size (default %d)   --width W  first-stage channels (default %d)
                Uses the yoga photos when FORMLAB_DATA_DIR holds them, synthetic figures otherwise.
                With the yoga photos, a saved CNN and the pose models, also times one photo through the CNN
                combined with the landmark forest (pose estimator included; landmark cache in data/interim).
                Exit status 1 when the median single-image latency is over %.0f ms, or %.0f ms with landmarks.""".formatted(
                CnnConfig.DEFAULT.imageSize(), CnnConfig.DEFAULT.width(), CnnBenchmark.LATENCY_BUDGET_MS,
                PhotoPostureBenchmark.LATENCY_BUDGET_MS);
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        java.util.Optional<String> model = args.option("model");
        int epochs = args.integer("epochs", 3);
        int size = args.integer("size", CnnConfig.DEFAULT.imageSize());
        int width = args.integer("width", CnnConfig.DEFAULT.width());
        args.rejectUnknown();
        if (epochs < 1) {
            throw new UsageException("--epochs must be at least 1");
        }
        ImageDataset dataset = ImageDataset.yoga();
        out.println(dataset.origin().summary());
        PreparedImages images = dataset.prepare(size);
        CnnConfig config = CnnConfig.DEFAULT.withImageSize(size).withWidth(width).withEpochs(epochs, epochs);
        java.nio.file.Path saved = null;
        if (model.isPresent()) {
            saved = ImageCnnRegistration.resolveFolder(java.nio.file.Path.of(model.get()));
        } else {
            java.nio.file.Path fallback = ProjectPaths.locate().models().resolve(PredictImageCommand.DEFAULT_MODEL);
            if (java.nio.file.Files.isDirectory(fallback)) {
                saved = ImageCnnRegistration.resolveFolder(fallback);
            }
        }
        CnnBenchmark.Result result = CnnBenchmark.run(images, config, saved, out::println);
        boolean combinedWithin = true;
        String combined;
        PoseModels poseModels = PoseModels.locate();
        if (saved == null) {
            combined = PhotoPostureBenchmark.LABEL + "skipped: no saved CNN to combine with the landmarks (register one: formlab train-image-cnn)";
        } else if (!dataset.origin().real()) {
            combined = PhotoPostureBenchmark.LABEL + "skipped: needs the yoga photos (FORMLAB_DATA_DIR), the landmark forest learns from them";
        } else if (!poseModels.isProvisioned(CnnLandmarkCombination.VARIANT)) {
            combined = PhotoPostureBenchmark.LABEL + "skipped: " + poseModels.describe(CnnLandmarkCombination.VARIANT);
        } else {
            try (CnnImageClassifier cnn = ImageCnnRegistration.loadFrom(saved)) {
                PhotoPostureBenchmark.Result timed = PhotoPostureBenchmark.run(dataset, cnn,
                        Settings.smoke() ? ComparisonModels.SMOKE_TREES : ComparisonModels.TREES, out::println);
                combined = timed.report();
                combinedWithin = timed.withinBudget();
            }
        }
        out.println(result.report());
        out.println(combined);
        return result.withinLatencyBudget() && combinedWithin ? 0 : 1;
    }
}
