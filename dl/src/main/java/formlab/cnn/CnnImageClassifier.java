package formlab.cnn;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
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
 * A trained image CNN ready to predict: one or more DJL networks (an ensemble averages their
 * probabilities), the classes in output order and the preprocessing (input size, normalisation)
 * they were trained with. It answers class probabilities for image files (decoded by content, any
 * size) and {@link BufferedImage}s, one at a time or in batches; each answer also averages the
 * image and its mirror image.
 *
 * <p>It is a {@link Classifier} like the Smile and Tribuo models, so the registry, {@code ModelFiles}
 * ({@link CnnModelType}) and the shared evaluation take it as they take those: its feature vector
 * is the letterboxed, normalised image flattened in CHW order ({@code 3 x size x size} values,
 * named {@code R[y,x]}, {@code G[y,x]}, {@code B[y,x]}), as {@link Preprocessing#tensor} makes it,
 * answered without mirror averaging. For images use {@link #probabilities(BufferedImage)}, which
 * does the preprocessing.
 * Inference runs through DJL {@link Predictor}s, which create each call's arrays in their own
 * NDManager and free them afterwards. Calls are serialised (a DJL predictor is not thread-safe).
 * Close the classifier to free the native models.
 */
public final class CnnImageClassifier implements Classifier, AutoCloseable {

    /** Images per forward pass in {@link #probabilities(List)} (16 images and their mirror images). */
    public static final int BATCH_SIZE = 32;

    /**
     * One network of the classifier.
     *
     * @param model  the DJL model holding a {@link CompactResNet}
     * @param config how it was built and trained
     */
    public record Member(Model model, CnnConfig config) {
    }

    private final List<Member> members;
    private final List<Predictor<float[], double[]>> predictors = new ArrayList<>();
    private final List<String> classes;
    private final Preprocessing preprocessing;
    /** The minimum side of training ({@link ImageDecoder#DEFAULT_MIN_SIDE}): a 1x1 or 3x500 image shows no pose to classify. */
    private final ImageDecoder decoder = new ImageDecoder();
    private boolean handedOver;
    /** The card it was loaded with or registered with; null until then. */
    private volatile CnnModelCard card;
    private List<String> featureNames;

    static {
        TorchRuntime.prepare();
    }

    CnnImageClassifier(Model model, List<String> classes, Preprocessing preprocessing, CnnConfig config) {
        this(List.of(new Member(model, config)), classes, preprocessing);
    }

    CnnImageClassifier(List<Member> members, List<String> classes, Preprocessing preprocessing) {
        this(members, classes, preprocessing, null);
    }

    CnnImageClassifier(List<Member> members, List<String> classes, Preprocessing preprocessing, CnnModelCard card) {
        this.card = card;
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one network");
        }
        this.members = List.copyOf(members);
        this.classes = List.copyOf(classes);
        this.preprocessing = preprocessing;
        for (Member member : this.members) {
            predictors.add(member.model().newPredictor(new ProbabilityTranslator(preprocessing)));
        }
    }

    /**
     * An ensemble of {@code parts}: their networks answer together, probabilities averaged. The
     * parts must share classes and preprocessing; they are taken over (closing a part afterwards
     * does nothing, close the ensemble instead).
     */
    public static CnnImageClassifier ensemble(List<CnnImageClassifier> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one model");
        }
        CnnImageClassifier first = parts.get(0);
        List<Member> members = new ArrayList<>();
        for (CnnImageClassifier part : parts) {
            if (!part.classes.equals(first.classes) || !part.preprocessing.equals(first.preprocessing)) {
                throw new IllegalArgumentException("ensemble members must share classes and preprocessing: " + first.classes
                        + " " + first.preprocessing + " vs " + part.classes + " " + part.preprocessing);
            }
            synchronized (part) {
                if (part.handedOver) {
                    throw new IllegalStateException("a model can join only one ensemble");
                }
                part.handedOver = true;
                part.predictors.forEach(Predictor::close);
                members.addAll(part.members);
            }
        }
        return new CnnImageClassifier(members, first.classes, first.preprocessing);
    }

    /** Class names in the order of the probability vectors. */
    @Override
    public List<String> classes() {
        return classes;
    }

    /** Input size and normalisation. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The networks, in order (one unless this is an ensemble). */
    public List<Member> members() {
        return members;
    }

    /**
     * The CNN card describing these networks: the one it was loaded or registered with, else one made
     * from the networks alone (classes, preprocessing, configs; no training history or metrics).
     */
    public CnnModelCard card() {
        CnnModelCard known = card;
        return known != null ? known : CnnModelCard.of(this);
    }

    /** Keeps {@code described} (which describes these networks) as {@link #card()}, to be stored with them. */
    void describedBy(CnnModelCard described) {
        if (described.members().size() != members.size() || !described.classes().equals(classes)) {
            throw new IllegalArgumentException("the card describes " + described.members().size() + " networks over "
                    + described.classes() + ", the model has " + members.size() + " over " + classes);
        }
        this.card = described;
    }

    /** The config of the first network. */
    public CnnConfig config() {
        return members.get(0).config();
    }

    /** Number of trainable numbers in all networks together. */
    public long parameterCount() {
        return members.stream().flatMap(m -> m.model().getBlock().getParameters().values().stream())
                .filter(p -> p.requiresGradient() && p.getArray() != null)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    /** Class probabilities for an image file (format read from the content; PNG named .jpg is fine). */
    public double[] probabilities(Path imageFile) {
        return probabilities(decoder.decode(imageFile).image());
    }

    /**
     * Class probabilities for one image (letterboxed like the training images): the mean of every
     * network's probabilities for the image and its mirror image. Training mirrors images at random,
     * so both are equally valid views; averaging them gained 1-2 points of test accuracy in our runs,
     * for one extra image in the same forward pass.
     *
     * @throws IllegalArgumentException when the image's shorter side is below the minimum of training
     *                                  ({@value ImageDecoder#DEFAULT_MIN_SIDE} px)
     */
    public synchronized double[] probabilities(BufferedImage image) {
        return probabilities(List.of(image)).get(0);
    }

    /**
     * Class probabilities for many images (see {@link #probabilities(BufferedImage)}), in batches of
     * {@value #BATCH_SIZE}. Prepared source squares ({@link Preprocessing#source}) are taken as they
     * are: their files passed the minimum side when they were decoded.
     *
     * @throws IllegalArgumentException naming the first image below the minimum side of training
     */
    public synchronized List<double[]> probabilities(List<BufferedImage> images) {
        requireOpen();
        int sourceSize = preprocessing.sourceSize();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != sourceSize || image.getHeight() != sourceSize) {
                int index = i;
                ImageDecoder.tooSmall(image.getWidth(), image.getHeight(), ImageDecoder.DEFAULT_MIN_SIDE).ifPresent(problem -> {
                    throw new IllegalArgumentException((images.size() == 1 ? "" : "image " + (index + 1) + " of " + images.size()
                            + ": ") + problem);
                });
            }
        }
        List<double[]> out = new ArrayList<>(images.size());
        try {
            for (int start = 0; start < images.size(); start += BATCH_SIZE / 2) {
                List<float[]> tensors = new ArrayList<>();
                for (BufferedImage image : images.subList(start, Math.min(images.size(), start + BATCH_SIZE / 2))) {
                    float[] tensor = preprocessing.tensor(image);
                    tensors.add(tensor);
                    tensors.add(mirror(tensor, preprocessing.size()));
                }
                double[][] sum = new double[tensors.size() / 2][classes.size()];
                for (Predictor<float[], double[]> predictor : predictors) {
                    List<double[]> both = predictor.batchPredict(tensors);
                    for (int i = 0; i < both.size(); i++) {
                        for (int c = 0; c < classes.size(); c++) {
                            sum[i / 2][c] += both.get(i)[c];
                        }
                    }
                }
                double views = 2.0 * predictors.size();
                for (double[] row : sum) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] /= views;
                    }
                    out.add(row);
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

    /** Names of the input tensor's values: {@code R[y,x]}, then {@code G[y,x]}, then {@code B[y,x]} (CHW order). */
    @Override
    public synchronized List<String> featureNames() {
        if (featureNames == null) {
            int size = preprocessing.size();
            List<String> all = new ArrayList<>(3 * size * size);
            for (String channel : List.of("R", "G", "B")) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        all.add(channel + "[" + y + "," + x + "]");
                    }
                }
            }
            featureNames = List.copyOf(all);
        }
        return featureNames;
    }

    /**
     * Class probabilities for one preprocessed input tensor ({@link Preprocessing#tensor}, as
     * {@code double}s): the networks' mean probability, without mirror averaging.
     *
     * @throws IllegalArgumentException unless {@code features} holds {@code 3 x size x size} values
     */
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
        double[] out = new double[classes.size()];
        synchronized (this) {
            requireOpen();
            for (Member member : members) {
                try (NDManager manager = member.model().getNDManager().newSubManager()) {
                    NDArray input = manager.create(tensor, new Shape(1, 3, size, size));
                    NDArray logits = member.model().getBlock().forward(new ParameterStore(manager, false),
                            new NDList(input), false).singletonOrThrow();
                    float[] values = logits.softmax(-1).toFloatArray();
                    for (int c = 0; c < values.length; c++) {
                        out[c] += values[c] / members.size();
                    }
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (handedOver) {
            return;
        }
        handedOver = true;
        predictors.forEach(Predictor::close);
        members.forEach(member -> member.model().close());
    }

    private void requireOpen() {
        if (handedOver) {
            throw new IllegalStateException("this model was closed or handed over to an ensemble");
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
            float[] values = list.singletonOrThrow().softmax(-1).toFloatArray();
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
