package formlab.model.cnn;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import formlab.image.ImageDecoder;
import formlab.image.PreparedImage;
import formlab.image.Preprocessing;
import formlab.model.Classifier;
import formlab.model.Prediction;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A trained image CNN ready to predict: the DJL model, its classes in output order and the
 * preprocessing (input size, normalisation) it was trained with. It answers class probabilities
 * for image files (decoded by content, any size) and {@link BufferedImage}s, one at a time or in
 * batches; each answer averages the image and its mirror image.
 *
 * <p>Not itself a {@link Classifier}: that interface takes feature vectors, and an image is not
 * one; forcing pixels into {@code double[]} would hide the preprocessing the model depends on.
 * {@link #asClassifier()} offers that view over the preprocessed tensor for tools that need it.
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
    private final Predictor<float[], double[]> predictor;
    private final ImageDecoder decoder = new ImageDecoder(1, ImageDecoder.DEFAULT_MAX_PIXELS);

    static {
        TorchRuntime.prepare();
    }

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

    /**
     * Class probabilities for one image of any size (letterboxed like the training images): the
     * mean of the network's probabilities for the image and its mirror image. Training mirrors
     * images at random, so both are equally valid views; averaging them gained 1-2 points of test
     * accuracy in our runs, for one extra image in the same forward pass.
     */
    public synchronized double[] probabilities(BufferedImage image) {
        return probabilities(List.of(image)).get(0);
    }

    /** Class probabilities for many images (each averaged with its mirror image), in batches of {@value #BATCH_SIZE}. */
    public synchronized List<double[]> probabilities(List<BufferedImage> images) {
        List<double[]> out = new ArrayList<>(images.size());
        try {
            for (int start = 0; start < images.size(); start += BATCH_SIZE / 2) {
                List<float[]> tensors = new ArrayList<>();
                for (BufferedImage image : images.subList(start, Math.min(images.size(), start + BATCH_SIZE / 2))) {
                    float[] tensor = preprocessing.tensor(image);
                    tensors.add(tensor);
                    tensors.add(mirror(tensor, preprocessing.size()));
                }
                List<double[]> both = predictor.batchPredict(tensors);
                for (int i = 0; i < both.size(); i += 2) {
                    double[] mean = both.get(i).clone();
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] = (mean[c] + both.get(i + 1)[c]) / 2;
                    }
                    out.add(mean);
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** A CHW tensor mirrored left-right. */
    static float[] mirror(float[] tensor, int size) {
        float[] out = new float[tensor.length];
        for (int row = 0; row < tensor.length / size; row++) {
            int offset = row * size;
            for (int x = 0; x < size; x++) {
                out[offset + x] = tensor[offset + size - 1 - x];
            }
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

    /** Class probabilities of image files as a table: one row per file, one column per class. */
    public Table probabilityTable(List<Path> imageFiles) {
        Table table = Table.create("Class probabilities", StringColumn.create("file"));
        classes.forEach(name -> table.addColumns(DoubleColumn.create(name)));
        for (Path file : imageFiles) {
            double[] p = probabilities(file);
            table.stringColumn("file").append(String.valueOf(file.getFileName()));
            for (int c = 0; c < classes.size(); c++) {
                table.doubleColumn(classes.get(c)).append(Math.round(p[c] * 1000) / 1000.0);
            }
        }
        return table;
    }

    /** Predictions for prepared images (e.g. a test split), with their true labels, for evaluation. */
    public ImagePredictions predictPrepared(List<PreparedImage> images) {
        List<double[]> probabilities = probabilities(images.stream().map(PreparedImage::source).toList());
        return ImagePredictions.of(classes, images, probabilities);
    }

    /**
     * This network as a {@link Classifier} over its input tensor: the feature vector is the
     * letterboxed, normalised image flattened in CHW order ({@code 3 x size x size} values, named
     * {@code R[y,x]}, {@code G[y,x]}, {@code B[y,x]}), as {@link Preprocessing#tensor} makes it.
     * Meant for tools that take any {@code Classifier} (the registry, the shared evaluation); for
     * images use {@link #probabilities(BufferedImage)}, which does the preprocessing.
     */
    public Classifier asClassifier() {
        return new TensorClassifier();
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }

    /** The network over already-preprocessed input tensors. */
    private final class TensorClassifier implements Classifier {
        private List<String> names;

        @Override
        public synchronized List<String> featureNames() {
            if (names == null) {
                int size = preprocessing.size();
                List<String> all = new ArrayList<>(3 * size * size);
                for (String channel : List.of("R", "G", "B")) {
                    for (int y = 0; y < size; y++) {
                        for (int x = 0; x < size; x++) {
                            all.add(channel + "[" + y + "," + x + "]");
                        }
                    }
                }
                names = List.copyOf(all);
            }
            return names;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public double[] probabilities(double[] features) {
            int size = preprocessing.size();
            if (features.length != preprocessing.tensorLength()) {
                throw new IllegalArgumentException("expected " + preprocessing.tensorLength() + " values (3 x " + size + " x "
                        + size + " normalised pixels), got " + features.length);
            }
            float[] tensor = new float[features.length];
            for (int i = 0; i < tensor.length; i++) {
                tensor[i] = (float) features[i];
            }
            synchronized (CnnImageClassifier.this) {
                try (NDManager manager = model.getNDManager().newSubManager()) {
                    NDArray input = manager.create(tensor, new Shape(1, 3, size, size));
                    NDArray logits = model.getBlock().forward(new ai.djl.training.ParameterStore(manager, false),
                            new NDList(input), false).singletonOrThrow();
                    float[] values = logits.softmax(-1).toFloatArray();
                    double[] out = new double[values.length];
                    for (int i = 0; i < values.length; i++) {
                        out[i] = values[i];
                    }
                    return out;
                }
            }
        }
    }

    /** Preprocessed tensor in, softmax probabilities out; batches are stacked by DJL. */
    private static final class ProbabilityTranslator implements Translator<float[], double[]> {
        private final Preprocessing preprocessing;

        ProbabilityTranslator(Preprocessing preprocessing) {
            this.preprocessing = preprocessing;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[] input) {
            int size = preprocessing.size();
            return new NDList(ctx.getNDManager().create(input, new Shape(3, size, size)));
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
