package formlab.model;

import formlab.data.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import smile.classification.DataFrameClassifier;

/**
 * Saves and loads {@link SmileClassifier}, {@link TribuoClassifier} and {@link RefinedClassifier} models safely.
 *
 * <p>File layout: the ASCII magic {@code FORMLAB-MODEL\n}, a 4-byte header length, a JSON
 * {@link ModelFileHeader} (features, classes, trainer, hyperparameters, payload SHA-256), then
 * the payload. The header can be read without touching the payload ({@link #header(Path)}).
 *
 * <p>Why it is safe to load a file from elsewhere:
 * <ul>
 *   <li>Tribuo models are stored as Tribuo's own protobuf ({@code ModelProto}), not Java
 *       serialization; before decoding, the class named inside must be an {@code org.tribuo}
 *       class, and Tribuo only instantiates classes through their {@code deserializeFromProto}
 *       factory.</li>
 *   <li>Smile models have no portable format, so they are stored with Java serialization and
 *       read back through a strict {@link ObjectInputFilter} ({@link #SMILE_FILTER}). Allowed are
 *       exactly: the Smile classes {@code GradientTreeBoost}, {@code RandomForest} and its
 *       {@code Model}, {@code DecisionTree}, {@code AbstractClassifier}, {@code RegressionTree},
 *       everything in {@code smile.base.cart}, {@code smile.data.type} and {@code smile.data.formula},
 *       {@code smile.util.IntSet} and {@code smile.validation.ClassificationMetrics}; from the JDK
 *       {@code Object}, {@code String}, {@code Number}, {@code Integer}, {@code Long}, {@code Double},
 *       {@code Float}, {@code Boolean}, {@code Enum}, {@code ArrayList}, {@code HashMap} and
 *       {@code Map.Entry}; arrays of these and arrays of primitives (the filter leaves primitive
 *       arrays to its limits). Every other class is rejected before it is instantiated, and so are
 *       streams beyond the limits: nesting depth 400, 20 million object references, arrays of
 *       200 million elements, 2 GB.</li>
 *   <li>The payload's SHA-256 in the header is checked first, so truncated or altered files fail
 *       with a clear message rather than half-load.</li>
 * </ul>
 * <p>A {@link RefinedClassifier} (engine {@code refined}) stores its two stages as complete model
 * files of their own, each preceded by its length, checked like any other; they must be Smile or
 * Tribuo models (no nesting beyond one level).
 * Saving writes a temporary file and renames it ({@link AtomicFiles}).
 */
public final class ModelFiles {

    /** Engine name of a {@link RefinedClassifier}: the payload holds its two stages as nested model files. */
    static final String REFINED_ENGINE = "refined";

    /** Current layout version. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "FORMLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Allow-list for Smile payloads (see the class comment); the final {@code !*} rejects everything else. */
    private static final long MAX_DEPTH = 400;
    private static final long MAX_REFS = 20_000_000;
    private static final long MAX_ARRAY = 200_000_000;
    private static final long MAX_BYTES = 2_000_000_000;
    static final ObjectInputFilter SMILE_FILTER = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=" + MAX_DEPTH, "maxrefs=" + MAX_REFS, "maxarray=" + MAX_ARRAY, "maxbytes=" + MAX_BYTES,
            "smile.classification.GradientTreeBoost", "smile.classification.RandomForest",
            "smile.classification.RandomForest$Model", "smile.classification.DecisionTree",
            "smile.classification.AbstractClassifier", "smile.regression.RegressionTree", "smile.base.cart.*",
            "smile.data.type.*", "smile.data.formula.*", "smile.util.IntSet", "smile.validation.ClassificationMetrics",
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Enum",
            "java.util.ArrayList", "java.util.HashMap", "java.util.Map$Entry",
            "!*"));

    private ModelFiles() {
    }

    /** Saves a Smile, Tribuo or refined (two-stage) classifier to {@code file} (atomically). */
    public static void save(Classifier classifier, Path file) throws IOException {
        byte[] bytes = bytes(classifier);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The whole file content for {@code classifier}: magic, header length, header, payload. */
    private static byte[] bytes(Classifier classifier) throws IOException {
        String engine;
        String trainer;
        Map<String, Object> params;
        byte[] payload;
        switch (classifier) {
            case SmileClassifier smile -> {
                engine = "smile";
                trainer = smile.trainer();
                params = smile.hyperparameters();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(smile.smileModel());
                }
                payload = bytes.toByteArray();
            }
            case TribuoClassifier tribuo -> {
                engine = "tribuo";
                trainer = tribuo.trainer();
                params = tribuo.hyperparameters();
                payload = tribuo.tribuoModel().serialize().toByteArray();
            }
            case RefinedClassifier refined -> {
                engine = REFINED_ENGINE;
                trainer = RefinedTrainer.NAME;
                params = refined.hyperparameters();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                for (Classifier stage : List.of(refined.base(), refined.refiner())) {
                    byte[] nested = bytes(stage);
                    out.writeInt(nested.length);
                    out.write(nested);
                }
                out.flush();
                payload = bytes.toByteArray();
            }
            default -> throw new IllegalArgumentException("Cannot save a " + classifier.getClass().getName()
                    + ": ModelFiles stores SmileClassifier, TribuoClassifier and RefinedClassifier models");
        }
        ModelFileHeader header = new ModelFileHeader(FORMAT_VERSION, engine, trainer, params,
                classifier.featureNames(), classifier.classes(), sha256(payload), payload.length);
        byte[] json = JSON.writeValueAsBytes(header);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(file);
        data.write(MAGIC);
        data.writeInt(json.length);
        data.write(json);
        data.write(payload);
        data.flush();
        return file.toByteArray();
    }

    /** Reads only the header of a model file. */
    public static ModelFileHeader header(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return readHeader(file, in);
        }
    }

    /** Loads a model saved by {@link #save}; fails with {@link ModelFileException} on anything unexpected. */
    public static Classifier load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return read(file, in, true);
        }
    }

    /** Reads one model from {@code in}, which must hold nothing after it; a refined model only when {@code allowRefined}. */
    private static Classifier read(Path file, DataInputStream in, boolean allowRefined) throws IOException {
        ModelFileHeader header = readHeader(file, in);
        if (header.payloadBytes() < 0 || header.payloadBytes() > Integer.MAX_VALUE - 16) {
            throw new ModelFileException(file, "payload length " + header.payloadBytes() + " is out of range");
        }
        byte[] payload = readFully(file, in, (int) header.payloadBytes(), "payload");
        if (in.read() != -1) {
            throw new ModelFileException(file, "unexpected bytes after the " + header.payloadBytes() + "-byte payload");
        }
        if (!sha256(payload).equals(header.payloadSha256())) {
            throw new ModelFileException(file, "payload SHA-256 does not match the header: the file is corrupt or was altered");
        }
        return switch (header.engine()) {
            case "smile" -> new SmileClassifier(readSmile(file, payload), header.featureNames(), header.classes(),
                    header.trainer(), header.hyperparameters());
            case "tribuo" -> new TribuoClassifier(readTribuo(file, payload), header.featureNames(), header.classes(),
                    header.trainer(), header.hyperparameters());
            case REFINED_ENGINE -> {
                if (!allowRefined) {
                    throw new ModelFileException(file, "a refined model's stage is itself a refined model; stages are smile or tribuo");
                }
                yield readRefined(file, payload, header);
            }
            default -> throw new ModelFileException(file, "unknown engine '" + header.engine() + "', expected smile, tribuo or "
                    + REFINED_ENGINE);
        };
    }

    /** The two stages of a refined model: each a length-prefixed model file of its own. */
    private static Classifier readRefined(Path file, byte[] payload, ModelFileHeader header) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        Classifier[] stages = new Classifier[2];
        for (int s = 0; s < 2; s++) {
            int length = in.readInt();
            if (length <= 0 || length > payload.length) {
                throw new ModelFileException(file, "refined model: stage " + (s + 1) + " length " + length + " is out of range");
            }
            byte[] nested = readFully(file, in, length, "refined model's stage " + (s + 1));
            stages[s] = read(file, new DataInputStream(new ByteArrayInputStream(nested)), false);
        }
        if (in.read() != -1) {
            throw new ModelFileException(file, "refined model: unexpected bytes after its two stages");
        }
        RefinedClassifier refined;
        try {
            refined = new RefinedClassifier(stages[0], stages[1], header.hyperparameters());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "refined model: " + e.getMessage(), e);
        }
        if (!refined.featureNames().equals(header.featureNames()) || !refined.classes().equals(header.classes())) {
            throw new ModelFileException(file, "refined model: the stages' features or classes differ from the header's");
        }
        return refined;
    }

    private static ModelFileHeader readHeader(Path file, DataInputStream in) throws IOException {
        byte[] magic = readFully(file, in, MAGIC.length, "magic bytes");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFileException(file, "not a FormLab model file (expected it to start with 'FORMLAB-MODEL')");
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_HEADER_BYTES) {
            throw new ModelFileException(file, "header length " + length + " is out of range");
        }
        ModelFileHeader header;
        try {
            header = JSON.readValue(readFully(file, in, length, "header"), ModelFileHeader.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ModelFileException(file, "header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (header.formatVersion() != FORMAT_VERSION) {
            throw new ModelFileException(file, "format version " + header.formatVersion() + ", this FormLab reads " + FORMAT_VERSION);
        }
        if (header.featureNames() == null || header.classes() == null || header.payloadSha256() == null) {
            throw new ModelFileException(file, "header lacks featureNames, classes or payloadSha256");
        }
        return header;
    }

    private static DataFrameClassifier readSmile(Path file, byte[] payload) throws ModelFileException {
        String[] refusal = new String[1];
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = SMILE_FILTER.checkInput(info);
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
            throw new ModelFileException(file, "cannot decode the Smile payload: " + e, e);
        }
    }

    /** Why {@link #SMILE_FILTER} rejected {@code info}: a limit it exceeds, else the class it does not allow. */
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

    @SuppressWarnings("unchecked")
    private static Model<Label> readTribuo(Path file, byte[] payload) throws ModelFileException {
        try {
            ModelProto proto = ModelProto.parseFrom(payload);
            if (!proto.getClassName().startsWith("org.tribuo.")) {
                throw new ModelFileException(file, "payload names class '" + proto.getClassName() + "', expected an org.tribuo model");
            }
            Model<?> model = Model.deserialize(proto);
            if (!model.validate(Label.class)) {
                throw new ModelFileException(file, "Tribuo model does not predict classification labels");
            }
            return (Model<Label>) model;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(file, "cannot decode the Tribuo payload: " + e, e);
        }
    }

    private static byte[] readFully(Path file, InputStream in, int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new ModelFileException(file, "file ends inside the " + what + " (expected " + length + " bytes, found "
                    + bytes.length + ")", new EOFException());
        }
        return bytes;
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
