package formlab.cnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import formlab.image.Preprocessing;
import formlab.model.Classifier;
import formlab.model.ModelFileException;
import formlab.model.ModelFileHeader;
import formlab.model.ModelFiles;
import formlab.model.ModelType;
import formlab.model.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image CNN as a {@link ModelType} (engine {@value #ENGINE}): {@link CnnImageClassifier}s are
 * stored in {@link ModelFiles} files like every other model, listed in this module's
 * {@code META-INF/services/formlab.model.ModelType}.
 *
 * <p>Payload: the {@link CnnModelCard} as UTF-8 JSON (what loading needs: classes, input size,
 * normalisation, each network's config; and its provenance), then each network's DJL parameters
 * ({@code Block.saveParameters}), each part preceded by its length. The card names every network's
 * parameters {@code member-<i>} with their SHA-256, checked on loading besides the file's own hash.
 * Registry cards record the format {@value #CARD_FORMAT}, so callers that feed feature rows tell
 * an image model apart from the card alone.
 */
public final class CnnModelType implements ModelType {

    /** Engine name in the model file header. */
    public static final String ENGINE = "djl-cnn";

    /** Format recorded in registry cards: a {@link ModelFiles} file of a classifier over images. */
    public static final String CARD_FORMAT = "formlab-model-image";

    /** Card JSON (shared with the legacy folders of {@link CnnModelStore}). */
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** For {@link java.util.ServiceLoader}. */
    public CnnModelType() {
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public String cardFormat() {
        return CARD_FORMAT;
    }

    @Override
    public List<String> trainerNames() {
        return List.of(CnnImageTrainer.NAME);
    }

    @Override
    public Trainer trainer(String name, Map<String, ?> hyperparameters) {
        return CnnImageTrainer.NAME.equals(name) ? CnnImageTrainer.of(hyperparameters) : ModelType.super.trainer(name, hyperparameters);
    }

    @Override
    public boolean saves(Classifier classifier) {
        return classifier instanceof CnnImageClassifier;
    }

    @Override
    public Payload save(Classifier classifier) throws IOException {
        CnnImageClassifier cnn = (CnnImageClassifier) classifier;
        CnnModelCard card = cnn.card();
        List<byte[]> parameters = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < cnn.members().size(); i++) {
            byte[] bytes = CnnTrainer.parameters(cnn.members().get(i).model());
            parameters.add(bytes);
            files.add(memberName(i));
            hashes.add(ModelFiles.sha256(bytes));
        }
        byte[] json = JSON.writeValueAsBytes(card.withParameters(files, hashes));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(json.length);
        out.write(json);
        for (byte[] member : parameters) {
            out.writeInt(member.length);
            out.write(member);
        }
        out.flush();
        return new Payload(CnnImageTrainer.NAME, new CnnImageTrainer(cnn.config()).hyperparameters(), bytes.toByteArray());
    }

    @Override
    public Classifier load(Path file, ModelFileHeader header, byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        CnnModelCard card = readCard(file, part(file, in, payload.length, "CNN card"));
        if (!card.classes().equals(header.classes())) {
            throw new ModelFileException(file, "the CNN card's classes " + card.classes() + " differ from the header's " + header.classes());
        }
        List<CnnImageClassifier.Member> members = new ArrayList<>();
        try {
            for (int i = 0; i < card.members().size(); i++) {
                CnnModelCard.Member member = card.members().get(i);
                byte[] bytes = part(file, in, payload.length, "parameters of network " + (i + 1));
                if (!ModelFiles.sha256(bytes).equals(member.parametersSha256())) {
                    throw new ModelFileException(file, "the parameters of network " + (i + 1) + " do not match their SHA-256 in the CNN card");
                }
                Model model = Model.newInstance(memberName(i), "PyTorch");
                members.add(new CnnImageClassifier.Member(model, member.config()));
                model.setBlock(CompactResNet.build(card.classes().size(), member.config().width(), member.config().dropout()));
                model.getBlock().loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(bytes)));
            }
            if (in.read() != -1) {
                throw new ModelFileException(file, "unexpected bytes after the parameters of the " + card.members().size() + " networks");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            members.forEach(m -> m.model().close());
            if (e instanceof ModelFileException known) {
                throw known;
            }
            throw new ModelFileException(file, "cannot load the CNN parameters: " + e.getMessage(), e);
        }
        return new CnnImageClassifier(members, card.classes(), new Preprocessing(card.inputSize(), card.normalization()), card);
    }

    /** The CNN card stored in the model file {@code file} (no parameters are loaded). */
    static CnnModelCard card(Path file) throws IOException {
        ModelFileHeader header = ModelFiles.header(file);
        if (!ENGINE.equals(header.engine())) {
            throw new ModelFileException(file, "holds a '" + header.engine() + "' model, not an image CNN (" + ENGINE + ")");
        }
        byte[] all = java.nio.file.Files.readAllBytes(file);
        byte[] payload = java.util.Arrays.copyOfRange(all, (int) (all.length - header.payloadBytes()), all.length);
        if (!ModelFiles.sha256(payload).equals(header.payloadSha256())) {
            throw new ModelFileException(file, "payload SHA-256 does not match the header: the file is corrupt or was altered");
        }
        return readCard(file, part(file, new DataInputStream(new ByteArrayInputStream(payload)), payload.length, "CNN card"));
    }

    /** Checks what loading relies on: the card format, the architecture, at least one network. */
    static CnnModelCard readCard(Path file, byte[] json) throws ModelFileException {
        CnnModelCard card;
        try {
            card = JSON.readValue(new String(json, StandardCharsets.UTF_8), CnnModelCard.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ModelFileException(file, "the CNN card is not valid"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage(), e);
        }
        if (!CnnModelCard.FORMAT.equals(card.format())) {
            throw new ModelFileException(file, "CNN card format is '" + card.format() + "', expected '" + CnnModelCard.FORMAT + "'");
        }
        if (!CnnModelCard.ARCHITECTURE.equals(card.architecture())) {
            throw new ModelFileException(file, "architecture '" + card.architecture() + "' is unknown, expected " + CnnModelCard.ARCHITECTURE);
        }
        if (card.members().isEmpty()) {
            throw new ModelFileException(file, "the CNN card lists no networks (\"members\" is empty)");
        }
        return card;
    }

    private static byte[] part(Path file, DataInputStream in, int limit, String what) throws IOException {
        if (in.available() < 4) {
            throw new ModelFileException(file, "the payload ends before the " + what);
        }
        int length = in.readInt();
        if (length <= 0 || length > limit) {
            throw new ModelFileException(file, "length " + length + " of the " + what + " is out of range");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new ModelFileException(file, "the payload ends inside the " + what);
        }
        return bytes;
    }

    static String memberName(int index) {
        return "member-" + index;
    }
}
