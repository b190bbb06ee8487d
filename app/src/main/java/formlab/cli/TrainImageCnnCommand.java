package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import formlab.image.ImageDataset;
import formlab.image.PreparedImages;
import formlab.image.Split;
import formlab.image.SplitRatios;
import formlab.cnn.CnnConfig;
import formlab.cnn.CnnImageTrainer;
import formlab.cnn.CnnModelCard;
import formlab.cnn.CnnTrainingRun;
import formlab.cnn.ImagePredictions;
import formlab.cnn.TrainingProgress;
import formlab.cnn.ImageCnnRegistration;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** {@code formlab train-image-cnn}: trains a CNN on a folder-per-class image dataset and saves it. */
public final class TrainImageCnnCommand implements Command {

    @Override
    public String name() {
        return "train-image-cnn";
    }

    @Override
    public String summary() {
        return "train an image CNN from scratch on a folder of class sub-folders and register it in models/";
    }

    @Override
    public String usage() {
        CnnConfig d = CnnConfig.DEFAULT;
        return """
                usage: formlab train-image-cnn [--data DIR] [--name NAME] [--size PX] [--width W] [--dropout D]
                                               [--lr LR] [--epochs N] [--patience N] [--seed S]
                  --data DIR     one sub-folder of images per class (default: the yoga photos under FORMLAB_DATA_DIR)
                  --name NAME    registry name: a new version goes to models/NAME/vN (default %s)
                  --size PX      input size (default %d)   --width W   first-stage channels (default %d)
                  --dropout D    (default %s)   --lr LR   peak learning rate (default %s)
                  --epochs N     maximum epochs (default %d)   --patience N   early-stopping patience (default %d)
                  --seed S       split and training seed (default %d)
                The split (60/20/20, by near-duplicate group) is stored in data/interim/<folder>/split-manifest.json.""".formatted(
                PredictImageCommand.DEFAULT_MODEL, d.imageSize(), d.width(), d.dropout(), d.learningRate(), d.maxEpochs(),
                d.patience(), d.seed());
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        CnnConfig d = CnnConfig.DEFAULT;
        Path data = args.option("data").map(Path::of).orElse(null);
        String name = args.option("name", PredictImageCommand.DEFAULT_MODEL);
        long seed = args.integer("seed", (int) d.seed());
        CnnConfig config = new CnnConfig(args.integer("size", d.imageSize()), args.integer("width", d.width()),
                args.number("dropout", d.dropout()), args.number("lr", d.learningRate()), d.weightDecay(), d.batchSize(),
                args.integer("epochs", d.maxEpochs()), args.integer("patience", d.patience()), seed, d.augmentation());
        args.rejectUnknown();
        ProjectPaths paths = ProjectPaths.locate();
        if (data == null) {
            data = DataSettings.dataset(KnownDataset.IMAGES_YOGA_5CLASS.folderName()).orElseThrow(() -> new UsageException(
                    "no --data folder and FORMLAB_DATA_DIR does not hold " + KnownDataset.IMAGES_YOGA_5CLASS.folderName()));
        }
        Path manifestFile = paths.interim().resolve(data.getFileName().toString()).resolve("split-manifest.json");
        ImageDataset dataset = ImageDataset.open(data, manifestFile, SplitRatios.DEFAULT, seed, 0, true);
        out.println(dataset.origin().summary());
        PreparedImages images = dataset.prepare(config.imageSize());
        CnnTrainingRun run = new CnnImageTrainer(config).train(images, TrainingProgress.printingTo(out));
        try (var model = run.model()) {
            ImagePredictions test = model.predictPrepared(images.split(Split.TEST));
            out.printf(Locale.ROOT, "test accuracy %.3f on %d images%n", test.evaluation().accuracy(), test.size());
            CnnModelCard card = CnnModelCard.describe(name, java.util.List.of(run), dataset.description(), dataset.manifest().sha256(),
                    dataset.imagesPerSplit(), CnnModelCard.prefixed("test", test.evaluation().metrics()));
            ModelCard registered = ImageCnnRegistration.register(ModelRegistry.of(paths), name, model, card, dataset.manifest(),
                    test, "image class from a photo: " + String.join(", ", images.classes()));
            out.println("registered " + registered.id() + " (" + registered.stage() + ") in "
                    + paths.models().resolve(name).resolve("v" + registered.version()));
        }
        return 0;
    }
}
