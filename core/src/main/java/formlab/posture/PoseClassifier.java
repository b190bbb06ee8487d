package formlab.posture;

import formlab.features.pose.PoseFeatureExtractor;
import formlab.model.Classifier;
import formlab.model.Prediction;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained {@link Classifier} together with the pose features it reads, so that it can be fed
 * poses: frame by frame live ({@link #live()}), for every frame of a sequence
 * ({@link #predictFrames(PoseSequence)}), or one verdict per sequence by majority vote
 * ({@link #score(PoseSequence)}). Predictions at frame t use frames up to t only.
 *
 * <p>The classifier's {@link Classifier#featureNames()} say which features it needs;
 * {@link #of(Classifier)} rebuilds them with {@link PoseFeatureExtractor#covering(List)}, so a
 * model loaded from a file is ready to score without any other configuration.
 */
public final class PoseClassifier {

    private final Classifier model;
    private final PoseFeatureExtractor extractor;
    private final int[] inputs;

    /**
     * @param model     the trained classifier
     * @param extractor an extractor that produces every feature the model needs
     */
    public PoseClassifier(Classifier model, PoseFeatureExtractor extractor) {
        this.model = Objects.requireNonNull(model, "model");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.inputs = extractor.indicesOf(model.featureNames());
    }

    /** Wraps a model whose features are standard pose features (possibly with causal windows). */
    public static PoseClassifier of(Classifier model) {
        return new PoseClassifier(model, PoseFeatureExtractor.covering(model.featureNames()));
    }

    /** The classifier. */
    public Classifier model() {
        return model;
    }

    /** The feature extractor. */
    public PoseFeatureExtractor extractor() {
        return extractor;
    }

    /** Live prediction for one sequence: push each pose in time order. */
    public Live live() {
        return new Live();
    }

    /** A prediction per frame, each using that frame and earlier ones only. */
    public List<Prediction> predictFrames(PoseSequence sequence) {
        Live live = live();
        List<Prediction> predictions = new ArrayList<>(sequence.size());
        for (int i = 0; i < sequence.size(); i++) {
            predictions.add(live.push(sequence.frames().get(i).pose()));
        }
        return predictions;
    }

    /** The sequence's label by majority vote of its frames, with the vote share as confidence. */
    public SequenceScore score(PoseSequence sequence) {
        if (sequence.size() == 0) {
            throw new IllegalArgumentException("Sequence " + sequence.info().id() + " has no frames to score");
        }
        List<Prediction> predictions = predictFrames(sequence);
        String[] ids = new String[predictions.size()];
        String[] labels = new String[predictions.size()];
        double[][] probabilities = new double[predictions.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sequence.info().id();
            labels[i] = predictions.get(i).label();
            probabilities[i] = predictions.get(i).probabilities();
        }
        return SequenceVote.vote(ids, labels, model.classes(), probabilities).getFirst();
    }

    /** Frame-by-frame prediction state of one live sequence. */
    public final class Live {

        private final PoseFeatureExtractor.Stream stream = extractor.stream();

        private Live() {
        }

        /** Adds the next pose and predicts its label. */
        public Prediction push(Pose pose) {
            double[] all = stream.push(pose);
            double[] x = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                x[i] = all[inputs[i]];
            }
            return model.predict(x);
        }
    }
}
