package formlab.model;

import formlab.data.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Saves and loads classifiers of every {@link ModelType} on the class path safely (Smile, Tribuo,
 * refined two-stage models in the core; the image CNN with the {@code dl} module).
 *
 * <p>File layout: the ASCII magic {@code FORMLAB-MODEL\n}, a 4-byte header length, a JSON
 * {@link ModelFileHeader} (engine, features, classes, trainer, hyperparameters, payload SHA-256),
 * then the payload. The header can be read without touching the payload ({@link #header(Path)}).
 * The header's engine picks the {@link ModelType} ({@link ModelTypes#byEngine}) that encodes and
 * decodes the payload; this class knows no model type by name.
 *
 * <p>Why it is safe to load a file from elsewhere: the payload's SHA-256 in the header is checked
 * before any type sees it, so truncated or altered files fail with a clear message rather than
 * half-load; each type decodes without running code named by the file ({@link SmileModelType}'s
 * deserialization allow-list, {@link TribuoModelType}'s protobuf check).
 * Saving writes a temporary file and renames it ({@link AtomicFiles}).
 */
public final class ModelFiles {

    /** Current layout version. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "FORMLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {
    }

    /** Saves {@code classifier}, of any {@link ModelType} on the class path, to {@code file} (atomically). */
    public static void save(Classifier classifier, Path file) throws IOException {
        byte[] bytes = bytes(classifier);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Format a registry card records for {@code classifier}'s file ({@link ModelType#cardFormat()}). */
    public static String cardFormat(Classifier classifier) {
        return ModelTypes.of(classifier).cardFormat();
    }

    /** The whole file content for {@code classifier}: magic, header length, header, payload. */
    static byte[] bytes(Classifier classifier) throws IOException {
        ModelType type = ModelTypes.of(classifier);
        ModelType.Payload payload = type.save(classifier);
        byte[] body = payload.bytes();
        ModelFileHeader header = new ModelFileHeader(FORMAT_VERSION, type.engine(), payload.trainer(), payload.hyperparameters(),
                classifier.featureNames(), classifier.classes(), sha256(body), body.length);
        byte[] json = JSON.writeValueAsBytes(header);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(file);
        data.write(MAGIC);
        data.writeInt(json.length);
        data.write(json);
        data.write(body);
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
            return read(file, in, null);
        }
    }

    /**
     * Reads one model from {@code in}, which must hold nothing after it.
     *
     * @param refusedEngine an engine the model may not have (a refined model's stages are not refined
     *                      models), or null
     */
    static Classifier read(Path file, DataInputStream in, String refusedEngine) throws IOException {
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
        if (header.engine() != null && header.engine().equals(refusedEngine)) {
            throw new ModelFileException(file, "a " + refusedEngine + " model's stage is itself a " + refusedEngine
                    + " model; such models do not nest");
        }
        ModelType type = ModelTypes.byEngine(header.engine()).orElseThrow(() -> new ModelFileException(file,
                "unknown engine '" + header.engine() + "', expected one of " + ModelTypes.engines()
                        + " (a model type of another FormLab module must be on the class path)"));
        return type.load(file, header, payload);
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

    /** Exactly {@code length} bytes of {@code in}, else a {@link ModelFileException} naming {@code what}. */
    static byte[] readFully(Path file, InputStream in, int length, String what) throws IOException {
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
