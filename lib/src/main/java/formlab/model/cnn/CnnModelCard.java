package formlab.model.cnn;

import ai.djl.engine.Engine;
import formlab.image.Normalization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON card saved beside a CNN's parameters: what the model predicts, how to feed it, what
 * it was trained on (dataset, split manifest SHA-256), how well it did and with which libraries.
 * Loading rebuilds the network and the preprocessing from the card alone.
 *
 * @param format              card format tag
 * @param name                model name (folder under {@code models/})
 * @param createdAt           ISO-8601 instant of saving
 * @param architecture        network family ({@code CompactResNet})
 * @param classes             class names in output order
 * @param inputSize           side of the square input in pixels (images are letterboxed to it)
 * @param normalization       per-channel mean and standard deviation of pixels in [0, 1]
 * @param config              hyperparameters and seed of the training
 * @param dataset             dataset name and whether it was real data or the synthetic default
 * @param splitManifestSha256 SHA-256 of the split manifest the model was trained and tested on
 * @param imagesPerSplit      images in train, validation and test
 * @param bestEpoch           epoch whose parameters were saved
 * @param epochsRun           epochs trained before early stopping
 * @param metrics             headline metrics named {@code <split>_<metric>} (e.g. {@code test_accuracy}, {@code test_macro_f1})
 * @param libraries           versions of Java, DJL, PyTorch and FormLab
 * @param parametersFile      file name of the DJL parameters inside the model folder
 * @param parametersSha256    SHA-256 of that file
 */
public record CnnModelCard(String format, String name, String createdAt, String architecture, List<String> classes,
                           int inputSize, Normalization normalization, CnnConfig config, String dataset,
                           String splitManifestSha256, Map<String, Integer> imagesPerSplit, int bestEpoch, int epochsRun,
                           Map<String, Double> metrics, Map<String, String> libraries, String parametersFile,
                           String parametersSha256) {

    /** Card format tag. */
    public static final String FORMAT = "formlab-cnn-card/1";

    /** The network family this card describes. */
    public static final String ARCHITECTURE = "CompactResNet";

    public CnnModelCard {
        classes = List.copyOf(classes);
        imagesPerSplit = Map.copyOf(imagesPerSplit);
        metrics = new LinkedHashMap<>(metrics);
        libraries = new LinkedHashMap<>(libraries);
    }

    /**
     * A card for the model of {@code run}, before saving (the parameters file and its hash are
     * filled in by {@link CnnModelStore#save}).
     *
     * @param name                model name
     * @param run                 the training run
     * @param dataset             dataset description (e.g. "images-yoga-5class (real)")
     * @param splitManifestSha256 SHA-256 of the split manifest
     * @param imagesPerSplit      images in train, validation and test
     * @param metrics             metrics to record, named with their split
     */
    public static CnnModelCard describe(String name, CnnTrainingRun run, String dataset, String splitManifestSha256,
                                        Map<String, Integer> imagesPerSplit, Map<String, Double> metrics) {
        CnnImageClassifier model = run.model();
        Map<String, Double> all = new LinkedHashMap<>();
        all.put("validation_accuracy", run.bestValidationAccuracy());
        all.putAll(metrics);
        return new CnnModelCard(FORMAT, name, Instant.now().toString(), ARCHITECTURE, model.classes(),
                model.preprocessing().size(), model.preprocessing().normalization(), run.config(), dataset,
                splitManifestSha256, imagesPerSplit, run.bestEpoch(), run.history().size(), all, currentLibraries(), null, null);
    }

    /** {@code metrics} (e.g. {@code Evaluation.metrics()}) with names prefixed by {@code split_}, for {@link #describe}. */
    public static Map<String, Double> prefixed(String split, Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((name, value) -> out.put(split + "_" + name, value));
        return out;
    }

    /** This card with the parameters file name and hash filled in. */
    public CnnModelCard withParameters(String file, String sha256) {
        return new CnnModelCard(format, name, createdAt, architecture, classes, inputSize, normalization, config, dataset,
                splitManifestSha256, imagesPerSplit, bestEpoch, epochsRun, metrics, libraries, file, sha256);
    }

    /** Versions of the libraries the model depends on. */
    public static Map<String, String> currentLibraries() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.version"));
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        String formlab = CnnModelCard.class.getPackage().getImplementationVersion();
        versions.put("formlab", formlab == null ? "development" : formlab);
        return versions;
    }
}
