package formlab.cnn;

import formlab.registry.ModelCard;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Image CNNs ({@code formlab.cnn}) in the {@link ModelRegistry}: registered through plain
 * {@link ModelRegistry#register(String, TrainingRun, List)} like the Smile and Tribuo models, so they
 * get versions, stages and promotion the same way. The payload is a model file ({@code model.flm},
 * engine {@value CnnModelType#ENGINE}, card format {@value #FORMAT}) holding the CNN card and the
 * DJL parameters; the registry card takes its metrics from the test-split evaluation and records
 * the CNN's own facts (input size and normalisation, networks, dataset, images per split) in its
 * recipe. Versions registered before (format {@value #LEGACY_FORMAT}, a {@link CnnModelStore} folder
 * named {@value #LEGACY_PAYLOAD}) still load.
 *
 * <p>The recipe's single "feature" describes the input (a letterboxed, normalised RGB image);
 * {@code Reproduction} cannot retrain a CNN from it (retrain with {@code formlab train-image-cnn}).
 */
public final class ImageCnnRegistration {

    /** Registry card format of image CNNs: a model file of engine {@value CnnModelType#ENGINE}. */
    public static final String FORMAT = CnnModelType.CARD_FORMAT;

    /** Registry card format of image CNNs registered as a {@link CnnModelStore} folder (before model files). */
    public static final String LEGACY_FORMAT = "djl-pytorch-cnn";

    /** Name of the legacy payload folder inside a version folder. */
    public static final String LEGACY_PAYLOAD = "cnn";

    /** Trainer name recorded in the recipe. */
    public static final String TRAINER = CnnImageTrainer.NAME;

    /** Registry name of the yoga CNN trained on the real photos. */
    public static final String YOGA_CNN = "yoga-cnn";

    private ImageCnnRegistration() {
    }

    /**
     * True when {@code card} is an image CNN's (either format): the one test the server and the
     * command line make before handing a version images rather than feature rows.
     */
    public static boolean isImageCnn(ModelCard card) {
        return FORMAT.equals(card.modelFormat()) || LEGACY_FORMAT.equals(card.modelFormat());
    }

    /**
     * Registers {@code model} (one network or an ensemble) as the next version of {@code name}
     * (stage candidate), with {@code card} stored in its model file.
     *
     * @param card     the CNN card (describes the same networks as {@code model})
     * @param manifest the split the model was trained and tested on
     * @param test     the model's predictions on the test split
     * @param task     what the model does, in words
     */
    public static ModelCard register(ModelRegistry registry, String name, CnnImageClassifier model, CnnModelCard card,
                                     SplitManifest manifest, ImagePredictions test, String task) throws IOException {
        model.describedBy(card);
        Map<String, Object> hyperparameters = new LinkedHashMap<>(new CnnImageTrainer(card.members().get(0).config()).hyperparameters());
        hyperparameters.put("networks", card.members().size());
        hyperparameters.put("members", card.members().stream()
                .map(m -> m.config().label() + " seed=" + m.config().seed() + " epochs=" + m.epochsRun() + " best=" + m.bestEpoch())
                .toList().toString());
        hyperparameters.put("inputNormalization", "mean " + format(card.normalization().mean()) + ", std "
                + format(card.normalization().std()));
        hyperparameters.put("dataset", card.dataset());
        card.imagesPerSplit().forEach((split, images) -> hyperparameters.put("images." + split, images));
        TrainingRecipe recipe = new TrainingRecipe(task,
                List.of("image: RGB letterboxed to " + card.inputSize() + "x" + card.inputSize() + ", normalised per channel"),
                "class folder", "near-duplicate group", TRAINER, hyperparameters,
                SplitSpec.holdOut(manifest.ratios().test(), manifest.seed()));
        List<String> groups = manifest.entries().stream().map(ManifestEntry::group).distinct().sorted().toList();
        TrainingRun registryRun = new TrainingRun(recipe, model, test.evaluation(),
                "test split (" + test.size() + " images) of split manifest " + manifest.sha256().substring(0, 12),
                manifest.sha256(), manifest.entries().size(), groups);
        return registry.register(name, registryRun, List.of());
    }

    private static String format(float[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return out.append(']').toString();
    }

    /**
     * The registry name for the yoga CNN trained on {@code dataset}: {@code yoga-cnn} for the real
     * photos, {@code yoga-cnn-synthetic} for the stick-figure stand-in, so a model trained on
     * drawings is never mistaken for the real one.
     */
    public static String yogaModelName(ImageDataset dataset) {
        return dataset.origin().real() ? YOGA_CNN : YOGA_CNN + "-synthetic";
    }

    /** Loads one registered version (after the registry's hash check), in either format; close it when done. */
    public static CnnImageClassifier load(ModelRegistry registry, String name, int version) throws IOException {
        ModelCard card = registry.card(name, version);
        requireImageCnn(card);
        if (LEGACY_FORMAT.equals(card.modelFormat())) {
            return CnnModelStore.load(registry.payload(name, version));
        }
        return (CnnImageClassifier) registry.load(name, version);
    }

    /** The CNN card of one registered version, in either format (its parameters are not loaded). */
    public static CnnModelCard cnnCard(ModelRegistry registry, String name, int version) throws IOException {
        requireImageCnn(registry.card(name, version));
        return CnnModelStore.card(registry.payload(name, version));
    }

    /**
     * Loads a CNN from {@code location}; see {@link #resolveFolder(Path)} for what it may be.
     */
    public static CnnImageClassifier loadFrom(Path location) throws IOException {
        return CnnModelStore.load(resolveFolder(location));
    }

    /**
     * The saved CNN that {@code location} names, as a path {@link CnnModelStore#load} reads: a model
     * file or legacy CNN folder itself (holding a CNN {@link CnnModelStore#CARD_FILE}), a registry
     * version folder {@code models/<name>/v<N>}, or a registry model folder {@code models/<name>},
     * whose preferred version ({@link ModelRegistry#preferred}: production, else newest) is taken after
     * the registry's hash check.
     */
    public static Path resolveFolder(Path location) throws IOException {
        if (Files.isRegularFile(location) || Files.exists(location.resolve(CnnModelStore.CARD_FILE))) {
            return location;
        }
        Path parent = location.toAbsolutePath().normalize().getParent();
        if (parent == null || !Files.isDirectory(location)) {
            return location;
        }
        String folder = location.toAbsolutePath().normalize().getFileName().toString();
        if (folder.matches("v\\d+") && parent.getParent() != null) {
            ModelRegistry registry = new ModelRegistry(parent.getParent(), null);
            return checkedPayload(registry, parent.getFileName().toString(), Integer.parseInt(folder.substring(1)));
        }
        ModelRegistry registry = new ModelRegistry(parent, null);
        Optional<Integer> version = registry.preferred(folder).map(ModelCard::version);
        return version.isPresent() ? checkedPayload(registry, folder, version.get()) : location;
    }

    private static Path checkedPayload(ModelRegistry registry, String name, int version) throws IOException {
        requireImageCnn(registry.card(name, version));
        return registry.payload(name, version);
    }

    private static void requireImageCnn(ModelCard card) throws IOException {
        if (!isImageCnn(card)) {
            throw new IOException(card.id() + " stores a '" + card.modelFormat() + "' payload, not an image CNN (" + FORMAT
                    + " or " + LEGACY_FORMAT + ")");
        }
    }
}
