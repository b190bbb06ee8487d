package formlab.posture;

import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.features.pose.CausalPooling;
import formlab.features.pose.PoseFeatureExtractor;
import formlab.features.pose.PoseFeatureSet;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.pose.PoseNormalizer;
import formlab.pose.PoseSequence;
import formlab.registry.DataFingerprint;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.util.EnumSet;
import java.util.List;

/**
 * The PosePilot yoga-pose classifier (chair, cobra, downdog, goddess, tree, warrior): which
 * features it reads, how it is trained, and how it is measured (leave one participant out,
 * per frame and per video).
 *
 * <p>Features: every standard pose feature of the current frame (2D and 3D angles,
 * inclinations, distances, body-space positions) plus the mean of each since the video started
 * ({@link CausalPooling#EXPANDING}); both use the current and earlier frames only. Model: a
 * Smile random forest through the shared {@link Trainer} interface.
 */
public final class YogaPoseModel {

    /** Name in the model registry. */
    public static final String REGISTRY_NAME = "yoga-pose";

    /** The task, as written on the model card. */
    public static final String TASK = "yoga pose (PosePilot, 6 classes) from BlazePose landmarks, causal per frame";

    private YogaPoseModel() {
    }

    /** Per-frame features plus their mean since the start of the video. */
    public static PoseFeatureExtractor extractor() {
        return new PoseFeatureExtractor(PoseNormalizer.DEFAULT, PoseFeatureSet.standard(),
                List.of(new CausalPooling(CausalPooling.EXPANDING, EnumSet.of(CausalPooling.Stat.MEAN))));
    }

    /** A random forest of {@code trees} trees (150 in the reported runs), seeded. */
    public static Trainer trainer(int trees, long seed) {
        return new SmileRandomForestTrainer(trees, 0, 20, 200, 2, 1.0, seed);
    }

    /** The frame table of {@code sequences} as training data: label = pose, group = participant. */
    public static LabelledData data(List<PoseSequence> sequences, PoseFeatureExtractor extractor) {
        return new LabelledData(extractor.table("posepilot frames", sequences), extractor.names(),
                PoseFeatureExtractor.LABEL, PoseFeatureExtractor.PARTICIPANT);
    }

    /** Leave-one-participant-out evaluation, per frame and per video (majority vote per file). */
    public static PoseEvaluation leaveOneParticipantOut(LabelledData data, Trainer trainer, Progress progress) {
        return PoseEvaluation.run(trainer, data, GroupSplits.leaveOneGroupOut(data.groups()), PoseFeatureExtractor.SEQUENCE,
                progress);
    }

    /**
     * The model to register: trained on every row, carrying the leave-one-participant-out frame
     * evaluation already computed (so the folds are not trained twice).
     */
    public static TrainingRun trainingRun(LabelledData data, Trainer trainer, PoseEvaluation evaluation) {
        TrainingRecipe recipe = TrainingRecipe.of(TASK, data, trainer, SplitSpec.leaveOneGroupOut());
        Classifier model = trainer.fit(data);
        return new TrainingRun(recipe, model, evaluation.frames(),
                SplitSpec.leaveOneGroupOut().describe() + " (pooled held-out frames; model refit on all rows)",
                DataFingerprint.sha256(data), data.size(), data.groupNames());
    }
}
