package formlab.posture;

import formlab.cnn.CnnImageClassifier;
import formlab.model.Prediction;
import formlab.pose.Pose;
import formlab.pose.estimate.LandmarkEstimate;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One photo in, a posture out, by the CNN and the photo-landmark forest together
 * ({@link CnnLandmarkCombination}): the pose estimator runs on the photo; where it finds a person,
 * the CNN's and the forest's probabilities are pooled with the weights learned on the validation
 * split, otherwise the CNN answers alone.
 *
 * <p>The CNN and the pose estimator do not depend on each other: {@link #predict} runs the CNN on a
 * thread of its own (one, owned by this classifier and stopped by {@link #close}) while the calling
 * thread runs the pose estimator, so a photo takes about as long as the slower of the two instead of
 * their sum. The answer is the same, number for number, as {@link #predictSequentially}'s.
 * Answers one photo at a time (calls from several threads wait for each other in the CNN). Does not
 * own the CNN or the estimator: close those.
 */
public final class PhotoPostureClassifier implements AutoCloseable {

    /**
     * The fitted combination without the image models: the forest and the pooling weights.
     *
     * @param classes class order of the answers (the CNN's)
     * @param forest  the landmark forest with its feature extractor
     * @param mirror   true when the forest answers with the mean over the pose and its mirror image
     * @param features how the forest's features are made from a photo's landmarks
     * @param pooling  weights learned on the validation split
     */
    public record Combiner(List<String> classes, PoseClassifier forest, boolean mirror, PhotoPoseFeatures features,
                           LogLinearPooling pooling) {

        public Combiner {
            classes = List.copyOf(classes);
        }

        /** The CNN's probabilities pooled with the forest's where a person was found; the CNN's alone otherwise. */
        public double[] combine(double[] cnn, double[] forestProbabilities, boolean personFound) {
            return personFound ? pooling.combine(cnn, forestProbabilities) : cnn.clone();
        }

        /** The forest's probabilities for {@code pose}, the landmarks of a {@code width} x {@code height} photo, in the order of {@code classes}. */
        public double[] forestProbabilities(Pose pose, int width, int height) {
            return forestProbabilities(new PhotoLandmarkModel.Result(forest, 0, 0, java.util.Map.of(), mirror, features), pose, width,
                    height, classes);
        }

        static double[] forestProbabilities(PhotoLandmarkModel.Result forest, Pose pose, int width, int height, List<String> classes) {
            return LogLinearPooling.reorder(forest.probabilities(pose, width, height), forest.classifier().model().classes(), classes);
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
    private final ExecutorService cnnThread;

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
        this.cnnThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "photo-posture-cnn");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The posture in {@code image}: the CNN (on this classifier's own thread) and the pose estimator
     * (on the calling thread) at the same time, then the forest and the pooling.
     *
     * @throws IllegalArgumentException when the image is smaller than the CNN's minimum side
     * @throws IllegalStateException    after {@link #close}
     */
    public Answer predict(BufferedImage image) {
        CompletableFuture<double[]> fromCnn;
        try {
            fromCnn = CompletableFuture.supplyAsync(() -> cnn.probabilities(image), cnnThread);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the photo posture classifier is closed", e);
        }
        LandmarkEstimate landmarks = null;
        RuntimeException estimatorFailure = null;
        try {
            landmarks = estimator.estimate(image);
        } catch (RuntimeException e) {
            estimatorFailure = e;
        }
        double[] probabilities;
        try {
            probabilities = fromCnn.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (estimatorFailure != null) {
            throw estimatorFailure;
        }
        return answer(image, probabilities, landmarks);
    }

    /**
     * The posture in {@code image} with the CNN and the pose estimator one after the other on the
     * calling thread: the same answer as {@link #predict}, for comparison and timing.
     *
     * @throws IllegalArgumentException when the image is smaller than the CNN's minimum side
     */
    public Answer predictSequentially(BufferedImage image) {
        double[] fromCnn = cnn.probabilities(image);
        return answer(image, fromCnn, estimator.estimate(image));
    }

    private Answer answer(BufferedImage image, double[] fromCnn, LandmarkEstimate landmarks) {
        boolean person = landmarks.personFound();
        double[] p = person ? combiner.combine(fromCnn, combiner.forestProbabilities(landmarks.pose(), image.getWidth(), image.getHeight()),
                true) : fromCnn;
        return new Answer(Prediction.of(combiner.classes(), p), person, landmarks);
    }

    /** Stops the CNN's thread (the CNN and the estimator stay open: their owner closes them). */
    @Override
    public void close() {
        cnnThread.shutdown();
    }
}
