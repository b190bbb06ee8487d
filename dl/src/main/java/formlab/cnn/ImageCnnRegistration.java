package formlab.cnn;

import formlab.registry.ModelCard;
import formlab.registry.ModelPayload;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import formlab.image.ImageDataset;
import formlab.image.ManifestEntry;
import formlab.image.SplitManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers image CNNs ({@code formlab.cnn}) in the {@link ModelRegistry}, so they get
 * versions, stages and promotion like the Smile and Tribuo models. The payload is the CNN's own
 * folder ({@link CnnModelStore}: DJL parameters and the CNN card with input size and
 * normalisation), stored as {@value #PAYLOAD} inside the version folder in format
 * {@value #FORMAT}; the registry card takes its metrics from the test-split evaluation.
 *
 * <p>The recipe's single "feature" describes the input (a letterboxed, normalised RGB image);
 * {@code Reproduction} cannot retrain a CNN from it (retrain with {@code formlab train-image-cnn}).
 */
public final class ImageCnnRegistration {

    /** Payload format recorded in registry cards. */
    public static final String FORMAT = "djl-pytorch-cnn";

    /** Name of the payload folder inside a version folder. */
    public static final String PAYLOAD = "cnn";

    /** Trainer name recorded in the recipe. */
    public static final String TRAINER = "djl-compact-resnet";

    /** Registry name of the yoga CNN trained on the real photos. */
    public static final String YOGA_CNN = "yoga-cnn";

    private ImageCnnRegistration() {
    }

    /**
     * Registers {@code model} (one network or an ensemble) as the next version of {@code name}
     * (stage candidate), with {@code card} stored beside its parameters.
     *
     * @param card     the CNN card (describes the same networks as {@code model})
     * @param manifest the split the model was trained and tested on
     * @param test     the model's predictions on the test split
     * @param task     what the model does, in words
     */
    public static ModelCard register(ModelRegistry registry, String name, CnnImageClassifier model, CnnModelCard card,
                                     SplitManifest manifest, ImagePredictions test, String task) throws IOException {
        CnnConfig config = card.members().get(0).config();
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("imageSize", card.inputSize());
        hyperparameters.put("networks", card.members().size());
        hyperparameters.put("members", card.members().stream()
                .map(m -> m.config().label() + " seed=" + m.config().seed() + " epochs=" + m.epochsRun() + " best=" + m.bestEpoch())
                .toList().toString());
        hyperparameters.put("weightDecay", config.weightDecay());
        hyperparameters.put("batchSize", config.batchSize());
        hyperparameters.put("maxEpochs", config.maxEpochs());
        hyperparameters.put("patience", config.patience());
        hyperparameters.put("seed", config.seed());
        TrainingRecipe recipe = new TrainingRecipe(task,
                List.of("image: RGB letterboxed to " + card.inputSize() + "x" + card.inputSize() + ", normalised per channel"),
                "class folder", "near-duplicate group", TRAINER, hyperparameters,
                SplitSpec.holdOut(manifest.ratios().test(), manifest.seed()));
        List<String> groups = manifest.entries().stream().map(ManifestEntry::group).distinct().sorted().toList();
        TrainingRun registryRun = new TrainingRun(recipe, model.asClassifier(), test.evaluation(),
                "test split (" + test.size() + " images) of split manifest " + manifest.sha256().substring(0, 12),
                manifest.sha256(), manifest.entries().size(), groups);
        ModelPayload payload = ModelPayload.written(FORMAT, PAYLOAD, target -> CnnModelStore.save(model, card, target));
        return registry.register(name, registryRun, List.of(), payload);
    }

    /**
     * The registry name for the yoga CNN trained on {@code dataset}: {@code yoga-cnn} for the real
     * photos, {@code yoga-cnn-synthetic} for the stick-figure stand-in, so a model trained on
     * drawings is never mistaken for the real one.
     */
    public static String yogaModelName(ImageDataset dataset) {
        return dataset.origin().real() ? YOGA_CNN : YOGA_CNN + "-synthetic";
    }

    /** Loads one registered version (after the registry's hash check); close it when done. */
    public static CnnImageClassifier load(ModelRegistry registry, String name, int version) throws IOException {
        ModelCard card = registry.card(name, version);
        if (!FORMAT.equals(card.modelFormat())) {
            throw new IOException(card.id() + " stores a '" + card.modelFormat() + "' payload, not an image CNN (" + FORMAT + ")");
        }
        return CnnModelStore.load(registry.payload(name, version));
    }


    /**
     * Loads a CNN from {@code location}; see {@link #resolveFolder(Path)} for what it may be.
     */
    public static CnnImageClassifier loadFrom(Path location) throws IOException {
        return CnnModelStore.load(resolveFolder(location));
    }

    /**
     * The saved-CNN folder that {@code location} names: a CNN folder itself (holding a CNN
     * {@link CnnModelStore#CARD_FILE}), a registry version folder {@code models/<name>/v<N>}, or a
     * registry model folder {@code models/<name>}, whose production (else latest) version is taken
     * after the registry's hash check.
     */
    public static Path resolveFolder(Path location) throws IOException {
        if (Files.isDirectory(location.resolve(PAYLOAD)) && Files.exists(location.resolve(PAYLOAD).resolve(CnnModelStore.CARD_FILE))) {
            return location.resolve(PAYLOAD);
        }
        Path parent = location.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(location) && !Files.exists(location.resolve(CnnModelStore.CARD_FILE))) {
            ModelRegistry registry = new ModelRegistry(parent, null);
            String name = location.getFileName().toString();
            Optional<Integer> version = registry.preferred(name).map(ModelCard::version);
            if (version.isPresent()) {
                ModelCard card = registry.card(name, version.get());
                if (!FORMAT.equals(card.modelFormat())) {
                    throw new IOException(card.id() + " stores a '" + card.modelFormat() + "' payload, not an image CNN (" + FORMAT + ")");
                }
                return registry.payload(name, version.get());
            }
        }
        return location;
    }
}
