package formlab.posture;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import formlab.features.pose.PoseFeatureExtractor;
import formlab.image.ImageDataset;
import formlab.model.Classifier;
import formlab.cnn.CnnConfig;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.CnnModelCard;
import formlab.cnn.CnnModelStore;
import formlab.cnn.CnnTrainer;
import formlab.cnn.CnnTrainingRun;
import formlab.cnn.TrainingProgress;
import formlab.pose.io.PoseData;
import formlab.cnn.ImageCnnRegistration;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;

/**
 * The two models {@link ImagePostureComparison} puts side by side, each with a sentence saying
 * what it is and what it was trained on, for the report.
 *
 * <p>The landmark classifier is trained here through {@link YogaPoseModel}'s public recipe
 * (extractor, trainer, data), so changes to that recipe show up in the comparison. The CNN is the
 * registered one when its card names the same split manifest as the photos being scored (so its
 * test photos are known to be unseen); otherwise one network is trained here on that split's
 * training part, and the description says so.
 */
public final class ComparisonModels {

    /** Trees of the landmark forest in full runs (as in the reported PosePilot runs). */
    public static final int TREES = 150;

    /** Trees in smoke mode. */
    public static final int SMOKE_TREES = 30;

    private ComparisonModels() {
    }

    /**
     * A model and what it is.
     *
     * @param model       the model
     * @param description what it is, what it was trained on, where it came from
     */
    public record Described<M>(M model, String description) {
    }

    /**
     * The PosePilot yoga classifier trained on every sequence of {@code posePilot} (all participants;
     * the cameras {@code posePilot} holds), with {@code trees} trees, seed 42.
     */
    public static Described<PoseClassifier> postureModel(PoseData posePilot, int trees) {
        PoseFeatureExtractor extractor = YogaPoseModel.extractor();
        Classifier model = YogaPoseModel.trainer(trees, 42).fit(YogaPoseModel.data(posePilot.sequences(), extractor));
        TreeSet<String> participants = new TreeSet<>();
        TreeSet<String> cameras = new TreeSet<>();
        posePilot.sequences().forEach(s -> {
            s.info().participantId().ifPresent(participants::add);
            if (s.info().camera() != null) {
                cameras.add(s.info().camera());
            }
        });
        String description = String.format(Locale.ROOT,
                "YogaPoseModel random forest (%d trees, seed 42, %d features) trained on %d PosePilot frames: participants %s, cameras %s%s",
                trees, extractor.names().size(), posePilot.frameCount(), String.join(",", participants), String.join(",", cameras),
                posePilot.origin().location().contains("smoke") ? " (SMOKE subset)" : " (full data)");
        return new Described<>(new PoseClassifier(model, extractor), description);
    }

    /**
     * The yoga CNN for {@code data}'s split: the registered one (production, else latest) of
     * {@code registry} when it was trained on exactly this split manifest, else a network trained
     * here (smoke: one tiny epoch; full: {@link CnnConfig#DEFAULT}, a few minutes on a CPU). The
     * caller closes the model.
     */
    public static Described<CnnImageClassifier> yogaCnn(ImageDataset data, ModelRegistry registry, boolean smoke,
                                                        TrainingProgress progress) throws IOException {
        String name = ImageCnnRegistration.yogaModelName(data);
        String manifest = data.manifest().sha256();
        String why;
        Optional<Integer> version = registry.preferred(name).map(ModelCard::version);
        if (version.isPresent()) {
            ModelCard card = registry.card(name, version.get());
            CnnModelCard cnnCard = CnnModelStore.card(registry.payload(name, version.get()));
            if (manifest.equals(cnnCard.splitManifestSha256())) {
                String description = String.format(Locale.ROOT,
                        "registered %s (%s, %d network%s, %d px, test accuracy %.3f on its own 5-class test split) from %s; split manifest %s",
                        card.id(), card.stage().name().toLowerCase(Locale.ROOT), cnnCard.members().size(),
                        cnnCard.members().size() == 1 ? "" : "s", cnnCard.inputSize(),
                        cnnCard.metrics().getOrDefault("test_accuracy", Double.NaN), registry.root(), manifest.substring(0, 12));
                return new Described<>(ImageCnnRegistration.load(registry, name, version.get()), description);
            }
            why = card.id() + " in " + registry.root() + " was trained on another split (manifest "
                    + cnnCard.splitManifestSha256().substring(0, 12) + "), so it was not used";
        } else {
            why = "no " + name + " registered in " + registry.root() + " (notebook 3.3 or `formlab train-image-cnn` registers one)";
        }
        CnnConfig config = smoke ? CnnConfig.DEFAULT.withWidth(8).withEpochs(1, 1) : CnnConfig.DEFAULT;
        CnnTrainingRun run = CnnTrainer.train(data.prepare(config.imageSize()), config, progress);
        String description = String.format(Locale.ROOT,
                "trained here, not registered: one CompactResNet %s, best epoch %d of %d, validation accuracy %.3f%s; %s",
                config.label(), run.bestEpoch(), run.history().size(), run.bestValidationAccuracy(),
                smoke ? " (SMOKE: 1 epoch, tiny)" : "", why);
        return new Described<>(run.model(), description);
    }
}
