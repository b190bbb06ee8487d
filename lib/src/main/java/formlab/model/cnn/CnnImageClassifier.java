package formlab.model.cnn;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import formlab.image.ImageDecoder;
import formlab.image.PreparedImage;
import formlab.image.Preprocessing;
import formlab.model.Prediction;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained image CNN ready to predict: the DJL model, its classes in output order and the
 * preprocessing (input size, normalisation) it was trained with. It answers class probabilities
 * for image files (decoded by content, any size) and {@link BufferedImage}s, one at a time or in
 * batches.
 *
 * <p>Not a {@link formlab.model.Classifier}: that interface takes feature vectors, and an image is
 * not one; forcing pixels into {@code double[]} would hide the preprocessing the model depends on.
 * Inference runs through a DJL {@link Predictor}, which creates each call's arrays in its own
 * NDManager and frees them afterwards. Calls are serialised (a DJL predictor is not thread-safe).
 * Close the classifier to free the native model.
 */
public final class CnnImageClassifier implements AutoCloseable {

    /** Images per forward pass in {@link #probabilities(List)}. */
    public static final int BATCH_SIZE = 32;

    private final Model model;
    private final List<String> classes;
    private final Preprocessing preprocessing;
    private final CnnConfig config;
    private final Predictor<BufferedImage, double[]> predictor;
    private final ImageDecoder decoder = new ImageDecoder(1, ImageDecoder.DEFAULT_MAX_PIXELS);

    CnnImageClassifier(Model model, List<String> classes, Preprocessing preprocessing, CnnConfig config) {
        this.model = model;
        this.classes = List.copyOf(classes);
        this.preprocessing = preprocessing;
        this.config = config;
        this.predictor = model.newPredictor(new ProbabilityTranslator(preprocessing));
    }

    /** Class names in the order of the probability vectors. */
    public List<String> classes() {
        return classes;
    }

    /** Input size and normalisation. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The config the model was trained with. */
    public CnnConfig config() {
        return config;
    }

    /** The underlying DJL model (for saving; do not close it separately). */
    Model model() {
        return model;
    }

    /** Number of trainable numbers in the network. */
    public long parameterCount() {
        return model.getBlock().getParameters().values().stream()
                .filter(p -> p.requiresGradient() && p.getArray() != null)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    /** Class probabilities for an image file (format read from the content; PNG named .jpg is fine). */
    public double[] probabilities(Path imageFile) {
        return probabilities(decoder.decode(imageFile).image());
    }

    /** Class probabilities for one image of any size (letterboxed like the training images). */
    public synchronized double[] probabilities(BufferedImage image) {
        try {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }

    /** Class probabilities for many images, in batches of {@value #BATCH_SIZE}. */
    public synchronized List<double[]> probabilities(List<BufferedImage> images) {
        List<double[]> out = new ArrayList<>(images.size());
        try {
            for (int start = 0; start < images.size(); start += BATCH_SIZE) {
                out.addAll(predictor.batchPredict(images.subList(start, Math.min(images.size(), start + BATCH_SIZE))));
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("batch prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The most probable class of an image file, with the full distribution. */
    public Prediction predict(Path imageFile) {
        return Prediction.of(classes, probabilities(imageFile));
    }

    /** The most probable class of an image, with the full distribution. */
    public Prediction predict(BufferedImage image) {
        return Prediction.of(classes, probabilities(image));
    }

    /** Predictions for prepared images (e.g. a test split), with their true labels, for evaluation. */
    public ImagePredictions predictPrepared(List<PreparedImage> images) {
        List<double[]> probabilities = probabilities(images.stream().map(PreparedImage::source).toList());
        return ImagePredictions.of(classes, images, probabilities);
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }

    /** Image in, softmax probabilities out; batches are stacked by DJL. */
    private static final class ProbabilityTranslator implements Translator<BufferedImage, double[]> {
        private final Preprocessing preprocessing;

        ProbabilityTranslator(Preprocessing preprocessing) {
            this.preprocessing = preprocessing;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, BufferedImage input) {
            int size = preprocessing.size();
            return new NDList(ctx.getNDManager().create(preprocessing.tensor(input), new Shape(3, size, size)));
        }

        @Override
        public double[] processOutput(TranslatorContext ctx, NDList list) {
            NDArray probabilities = list.singletonOrThrow().softmax(-1);
            float[] values = probabilities.toFloatArray();
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public Batchifier getBatchifier() {
            return Batchifier.STACK;
        }
    }
}
