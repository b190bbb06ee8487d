package formlab.cnn;

import ai.djl.engine.Engine;
import formlab.image.Normalization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON card saved beside a CNN's parameters: what the model predicts, how to feed it, what
 * it was trained on (dataset, split manifest SHA-256), how well it did and with which libraries.
 * Loading rebuilds the networks and the preprocessing from the card alone.
 *
 * @param format              card format tag
 * @param name                model name
 * @param createdAt           ISO-8601 instant of saving
 * @param architecture        network family ({@code CompactResNet})
 * @param classes             class names in output order
 * @param inputSize           side of the square input in pixels (images are letterboxed to it)
 * @param normalization       per-channel mean and standard deviation of pixels in [0, 1]
 * @param prediction          how answers are formed, in words (ensemble mean, mirror averaging)
 * @param members             the networks (one, or several for an ensemble) with their training and files
 * @param dataset             dataset name and whether it was real data or the synthetic default
 * @param splitManifestSha256 SHA-256 of the split manifest the model was trained and tested on
 * @param imagesPerSplit      images in train, validation and test
 * @param metrics             headline metrics named {@code <split>_<metric>} (e.g. {@code test_accuracy}, {@code test_macro_f1})
 * @param libraries           versions of Java, DJL, PyTorch and FormLab
 */
public record CnnModelCard(String format, String name, String createdAt, String architecture, List<String> classes,
                           int inputSize, Normalization normalization, String prediction, List<Member> members,
                           String dataset, String splitManifestSha256, Map<String, Integer> imagesPerSplit,
                           Map<String, Double> metrics, Map<String, String> libraries) {

    /** Card format tag. */
    public static final String FORMAT = "formlab-cnn-card/1";

    /** The network family this card describes. */
    public static final String ARCHITECTURE = "CompactResNet";

    /**
     * One network of the model.
     *
     * @param config             hyperparameters and seed of its training
     * @param bestEpoch          epoch whose parameters were saved
     * @param epochsRun          epochs trained before early stopping
     * @param validationAccuracy validation accuracy of the best epoch (plain forward pass)
     * @param parametersFile     file name of its DJL parameters inside the model folder
     * @param parametersSha256   SHA-256 of that file
     */
    public record Member(CnnConfig config, int bestEpoch, int epochsRun, double validationAccuracy, String parametersFile,
                         String parametersSha256) {
    }

    public CnnModelCard {
        classes = List.copyOf(classes);
        members = List.copyOf(members);
        imagesPerSplit = Map.copyOf(imagesPerSplit);
        metrics = new LinkedHashMap<>(metrics);
        libraries = new LinkedHashMap<>(libraries);
    }

    /**
     * A card for a model made of the networks of {@code runs}, in order (one run, or the members of
     * an ensemble), before saving: saving fills in the parameter files.
     *
     * @param name                model name
     * @param runs                the training runs of the networks
     * @param dataset             dataset description (e.g. "images-yoga-5class (real)")
     * @param splitManifestSha256 SHA-256 of the split manifest
     * @param imagesPerSplit      images in train, validation and test
     * @param metrics             metrics to record, named {@code <split>_<metric>} (see {@link #prefixed})
     */
    public static CnnModelCard describe(String name, List<CnnTrainingRun> runs, String dataset, String splitManifestSha256,
                                        Map<String, Integer> imagesPerSplit, Map<String, Double> metrics) {
        CnnImageClassifier first = runs.get(0).model();
        List<Member> members = new ArrayList<>();
        for (CnnTrainingRun run : runs) {
            members.add(new Member(run.config(), run.bestEpoch(), run.history().size(), run.bestValidationAccuracy(), null, null));
        }
        String prediction = (runs.size() == 1 ? "softmax of one network" : "mean softmax of " + runs.size() + " networks")
                + ", averaged over the image and its mirror image";
        return new CnnModelCard(FORMAT, name, Instant.now().toString(), ARCHITECTURE, first.classes(),
                first.preprocessing().size(), first.preprocessing().normalization(), prediction, members, dataset,
                splitManifestSha256, imagesPerSplit, metrics, currentLibraries());
    }

    /**
     * A card made from the networks of {@code model} alone: classes, input size, normalisation and
     * each network's config; training history, data and metrics unknown (zero, empty).
     */
    public static CnnModelCard of(CnnImageClassifier model) {
        List<Member> members = new ArrayList<>();
        for (CnnImageClassifier.Member member : model.members()) {
            members.add(new Member(member.config(), 0, 0, 0, null, null));
        }
        String prediction = (members.size() == 1 ? "softmax of one network" : "mean softmax of " + members.size() + " networks")
                + ", averaged over the image and its mirror image";
        return new CnnModelCard(FORMAT, "cnn", Instant.now().toString(), ARCHITECTURE, model.classes(),
                model.preprocessing().size(), model.preprocessing().normalization(), prediction, members, "unknown", "",
                Map.of(), Map.of(), currentLibraries());
    }

    /** {@code metrics} (e.g. {@code Evaluation.metrics()}) with names prefixed by {@code split_}, for {@link #describe}. */
    public static Map<String, Double> prefixed(String split, Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((name, value) -> out.put(split + "_" + name, value));
        return out;
    }

    /** This card with the members' parameter files and hashes filled in, in member order. */
    public CnnModelCard withParameters(List<String> files, List<String> sha256s) {
        if (files.size() != members.size() || sha256s.size() != members.size()) {
            throw new IllegalArgumentException("need one parameters file and hash per member (" + members.size() + ")");
        }
        List<Member> filled = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            filled.add(new Member(m.config(), m.bestEpoch(), m.epochsRun(), m.validationAccuracy(), files.get(i), sha256s.get(i)));
        }
        return new CnnModelCard(format, name, createdAt, architecture, classes, inputSize, normalization, prediction, filled,
                dataset, splitManifestSha256, imagesPerSplit, metrics, libraries);
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
