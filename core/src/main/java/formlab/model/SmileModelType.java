package formlab.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import smile.classification.DataFrameClassifier;

/**
 * Smile models (engine {@code smile}): gradient tree boosting and random forests.
 *
 * <p>Smile models have no portable format, so they are stored with Java serialization and read back
 * through a strict {@link ObjectInputFilter} ({@link #FILTER}). Allowed are exactly: the Smile
 * classes {@code GradientTreeBoost}, {@code RandomForest} and its {@code Model}, {@code DecisionTree},
 * {@code AbstractClassifier}, {@code RegressionTree}, everything in {@code smile.base.cart},
 * {@code smile.data.type} and {@code smile.data.formula}, {@code smile.util.IntSet} and
 * {@code smile.validation.ClassificationMetrics}; from the JDK {@code Object}, {@code String},
 * {@code Number}, {@code Integer}, {@code Long}, {@code Double}, {@code Float}, {@code Boolean},
 * {@code Enum}, {@code ArrayList}, {@code HashMap} and {@code Map.Entry}; arrays of these and arrays
 * of primitives (the filter leaves primitive arrays to its limits). Every other class is rejected
 * before it is instantiated, and so are streams beyond the limits: nesting depth 400, 20 million
 * object references, arrays of 200 million elements, 2 GB.
 */
public final class SmileModelType implements ModelType {

    private static final long MAX_DEPTH = 400;
    private static final long MAX_REFS = 20_000_000;
    private static final long MAX_ARRAY = 200_000_000;
    private static final long MAX_BYTES = 2_000_000_000;

    /** Allow-list for Smile payloads (see the class comment); the final {@code !*} rejects everything else. */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=" + MAX_DEPTH, "maxrefs=" + MAX_REFS, "maxarray=" + MAX_ARRAY, "maxbytes=" + MAX_BYTES,
            "smile.classification.GradientTreeBoost", "smile.classification.RandomForest",
            "smile.classification.RandomForest$Model", "smile.classification.DecisionTree",
            "smile.classification.AbstractClassifier", "smile.regression.RegressionTree", "smile.base.cart.*",
            "smile.data.type.*", "smile.data.formula.*", "smile.util.IntSet", "smile.validation.ClassificationMetrics",
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Enum",
            "java.util.ArrayList", "java.util.HashMap", "java.util.Map$Entry",
            "!*"));

    /** For {@link java.util.ServiceLoader}. */
    public SmileModelType() {
    }

    @Override
    public String engine() {
        return "smile";
    }

    @Override
    public List<String> trainerNames() {
        return List.of(SmileGradientBoostingTrainer.NAME, SmileRandomForestTrainer.NAME);
    }

    @Override
    public Trainer trainer(String name, Map<String, ?> hyperparameters) {
        return switch (name) {
            case SmileGradientBoostingTrainer.NAME -> SmileGradientBoostingTrainer.of(hyperparameters);
            case SmileRandomForestTrainer.NAME -> SmileRandomForestTrainer.of(hyperparameters);
            default -> ModelType.super.trainer(name, hyperparameters);
        };
    }

    @Override
    public boolean saves(Classifier classifier) {
        return classifier instanceof SmileClassifier;
    }

    @Override
    public Payload save(Classifier classifier) throws IOException {
        SmileClassifier smile = (SmileClassifier) classifier;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(smile.smileModel());
        }
        return new Payload(smile.trainer(), smile.hyperparameters(), bytes.toByteArray());
    }

    @Override
    public Classifier load(Path file, ModelFileHeader header, byte[] payload) throws IOException {
        return new SmileClassifier(read(file, payload), header.featureNames(), header.classes(), header.trainer(),
                header.hyperparameters());
    }

    /** Stack of the reader thread: deep trees (and the filter's depth limit of 400) need more than a default stack. */
    private static final long READER_STACK_BYTES = 64L << 20;

    /**
     * Deserializes on a reader thread with a {@value #READER_STACK_BYTES}-byte stack, so a model as deep
     * as the filter allows is read (or refused with the filter's reason) whatever stack the caller has.
     */
    private static DataFrameClassifier read(Path file, byte[] payload) throws ModelFileException {
        Object[] result = new Object[1];
        Thread reader = new Thread(null, () -> {
            try {
                result[0] = readHere(file, payload);
            } catch (ModelFileException | RuntimeException | Error e) {
                result[0] = e;
            }
        }, "smile-model-reader", READER_STACK_BYTES);
        reader.start();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFileException(file, "interrupted while reading the Smile payload", e);
        }
        return switch (result[0]) {
            case DataFrameClassifier model -> model;
            case ModelFileException e -> throw e;
            case StackOverflowError e -> throw new ModelFileException(file, "the Smile payload is nested too deeply to read", e);
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException("no result from the Smile reader thread");
        };
    }

    private static DataFrameClassifier readHere(Path file, byte[] payload) throws ModelFileException {
        String[] refusal = new String[1];
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = FILTER.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED && refusal[0] == null) {
                    refusal[0] = refusalReason(info);
                }
                return status;
            });
            Object model = in.readObject();
            if (model instanceof DataFrameClassifier classifier) {
                return classifier;
            }
            throw new ModelFileException(file, "payload holds a " + model.getClass().getName() + ", expected a Smile DataFrameClassifier");
        } catch (InvalidClassException e) {
            String reason = refusal[0] != null ? refusal[0] : "a class outside the Smile allow-list (" + e.getMessage() + ")";
            throw new ModelFileException(file, "the deserialization filter refused the payload: " + reason, e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(file, "cannot decode the Smile payload: " + e, e);
        }
    }

    /** Why {@link #FILTER} rejected {@code info}: a limit it exceeds, else the class it does not allow. */
    private static String refusalReason(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return "nesting depth " + info.depth() + " exceeds the limit of " + MAX_DEPTH;
        }
        if (info.references() > MAX_REFS) {
            return info.references() + " object references exceed the limit of " + MAX_REFS;
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return "an array of " + info.arrayLength() + " elements exceeds the limit of " + MAX_ARRAY;
        }
        if (info.streamBytes() > MAX_BYTES) {
            return info.streamBytes() + " bytes exceed the limit of " + MAX_BYTES;
        }
        Class<?> type = info.serialClass();
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        return type == null ? "an object the filter does not allow"
                : "class " + type.getName() + " is outside the Smile allow-list";
    }
}
