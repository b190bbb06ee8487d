package formlab.posture;

import formlab.cnn.CnnImageClassifier;
import formlab.model.Prediction;
import formlab.pose.Pose;
import formlab.pose.estimate.LandmarkEstimate;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One photo in, a posture out, by the CNN and the photo-landmark forest together
 * ({@link CnnLandmarkCombination}): the pose estimator runs on the photo; where it finds a person,
 * the CNN's and the forest's probabilities are pooled with the weights learned on the validation
 * split, otherwise the CNN answers alone. Does not own the CNN or the estimator: close those.
 */
public final class PhotoPostureClassifier {

    /**
     * The fitted combination without the image models: the forest and the pooling weights.
     *
     * @param classes class order of the answers (the CNN's)
     * @param forest  the landmark forest with its feature extractor
     * @param mirror  true when the forest answers with the mean over the pose and its mirror image
     * @param pooling weights learned on the validation split
     */
    public record Combiner(List<String> classes, PoseClassifier forest, boolean mirror, LogLinearPooling pooling) {

        public Combiner {
            classes = List.copyOf(classes);
        }

        /** The CNN's probabilities pooled with the forest's where a person was found; the CNN's alone otherwise. */
        public double[] combine(double[] cnn, double[] forestProbabilities, boolean personFound) {
            return personFound ? pooling.combine(cnn, forestProbabilities) : cnn.clone();
        }

        /** The forest's probabilities for {@code pose}, in the order of {@code classes}. */
        public double[] forestProbabilities(Pose pose) {
            return forestProbabilities(new PhotoLandmarkModel.Result(forest, 0, 0, java.util.Map.of(), mirror), pose, classes);
        }

        static double[] forestProbabilities(PhotoLandmarkModel.Result forest, Pose pose, List<String> classes) {
            return LogLinearPooling.reorder(forest.probabilities(pose), forest.classifier().model().classes(), classes);
        }
    }

    /**
     * An answer.
     *
     * @param prediction    the class and the full distribution
     * @param landmarksUsed true when a person was found and the forest took part
     * @param landmarks     the estimated landmarks
     */
    public record Answer(Prediction prediction, boolean landmarksUsed, LandmarkEstimate landmarks) {
    }

    private final CnnImageClassifier cnn;
    private final PhotoLandmarks.Estimator estimator;
    private final Combiner combiner;

    /**
     * @param cnn       the CNN the combination was fitted with
     * @param estimator the pose estimator whose landmarks trained the forest (same landmark model)
     * @param combiner  the fitted combination ({@link CnnLandmarkCombination.Result#combiner()})
     */
    public PhotoPostureClassifier(CnnImageClassifier cnn, PhotoLandmarks.Estimator estimator, Combiner combiner) {
        if (!cnn.classes().equals(combiner.classes())) {
            throw new IllegalArgumentException("the combination was fitted for classes " + combiner.classes() + ", the CNN has "
                    + cnn.classes());
        }
        this.cnn = cnn;
        this.estimator = estimator;
        this.combiner = combiner;
    }

    /**
     * The posture in {@code image}: landmarks, forest, CNN, pooled.
     *
     * @throws IllegalArgumentException when the image is smaller than the CNN's minimum side
     */
    public Answer predict(BufferedImage image) {
        double[] fromCnn = cnn.probabilities(image);
        LandmarkEstimate landmarks = estimator.estimate(image);
        boolean person = landmarks.personFound();
        double[] p = person ? combiner.combine(fromCnn, combiner.forestProbabilities(landmarks.pose()), true) : fromCnn;
        return new Answer(Prediction.of(combiner.classes(), p), person, landmarks);
    }
}
