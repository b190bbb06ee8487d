package formlab.cnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import formlab.data.AtomicFiles;
import formlab.image.ImageDecoder;
import formlab.image.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads CNNs saved before the image CNN became a {@link formlab.model.ModelType}: a folder of
 * {@code member-<i>-0000.params} per network (DJL's parameter format; one network, or several for an
 * ensemble) and {@code card.json} ({@link CnnModelCard}), as registry versions of format
 * {@value ImageCnnRegistration#LEGACY_FORMAT} hold them. Read-only: new CNNs are stored as model
 * files ({@link CnnModelType}). Loading checks the parameters against the SHA-256 in the card before
 * rebuilding the networks from the card. {@link #card(Path)} and {@link #load(Path)} also take a
 * model file, so a caller need not know which of the two it has.
 */
public final class CnnModelStore {

    /** File name of the card inside a model folder. */
    public static final String CARD_FILE = "card.json";

    private static final JsonMapper JSON = CnnModelType.JSON;

    static {
        TorchRuntime.prepare();
    }

    private CnnModelStore() {
    }

    /**
     * Writes {@code model} with {@code card} as a folder in the layout of earlier versions (replacing
     * what was there, atomically); kept only so that tests can make such folders and check that
     * they still load.
     *
     * @return the card as written, with the parameter files and their SHA-256
     */
    static CnnModelCard writeLegacyFolder(CnnImageClassifier model, CnnModelCard card, Path folder) throws IOException {
        if (card.members().size() != model.members().size()) {
            throw new IllegalArgumentException("the card describes " + card.members().size() + " networks, the model has "
                    + model.members().size());
        }
        CnnModelCard[] written = new CnnModelCard[1];
        AtomicFiles.replaceDirectory(folder, temp -> {
            List<String> files = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < model.members().size(); i++) {
                String prefix = memberName(i);
                model.members().get(i).model().save(temp, prefix);
                Path parameters = parametersFile(temp, prefix);
                files.add(parameters.getFileName().toString());
                hashes.add(ImageDecoder.sha256(Files.readAllBytes(parameters)));
            }
            written[0] = card.withParameters(files, hashes);
            Files.writeString(temp.resolve(CARD_FILE), JSON.writeValueAsString(written[0]) + "\n");
        });
        return written[0];
    }

    /**
     * The CNN card of {@code location}: a legacy model folder, or a model file of engine
     * {@value CnnModelType#ENGINE} (whose parameters are not loaded).
     */
    public static CnnModelCard card(Path location) {
        if (Files.isRegularFile(location)) {
            try {
                return CnnModelType.card(location);
            } catch (IOException e) {
                throw new CnnModelException(location, detail(location, e), e);
            }
        }
        return folderCard(location);
    }

    /** The message of {@code e} without the leading "location: " that model-file errors carry. */
    private static String detail(Path location, IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(location + ": ") ? message.substring(location.toString().length() + 2) : message;
    }

    private static CnnModelCard folderCard(Path folder) {
        Path file = folder.resolve(CARD_FILE);
        try {
            CnnModelCard card = JSON.readValue(Files.readString(file), CnnModelCard.class);
            if (!CnnModelCard.FORMAT.equals(card.format())) {
                throw new CnnModelException(file, "card format is '" + card.format() + "', expected '" + CnnModelCard.FORMAT + "'");
            }
            return card;
        } catch (NoSuchFileException e) {
            throw new CnnModelException(folder, "no " + CARD_FILE + ": not a saved FormLab CNN (train and save one first)");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new CnnModelException(file, (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + "not a valid card (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CnnModelException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the CNN saved in {@code location}, a legacy model folder or a model file; close it when done.
     *
     * @throws CnnModelException when the card or parameters are missing, damaged or do not match
     */
    public static CnnImageClassifier load(Path location) {
        if (Files.isRegularFile(location)) {
            try {
                if (formlab.model.ModelFiles.load(location) instanceof CnnImageClassifier cnn) {
                    return cnn;
                }
                throw new CnnModelException(location, "holds a '" + formlab.model.ModelFiles.header(location).engine()
                        + "' model, not an image CNN (" + CnnModelType.ENGINE + ")");
            } catch (IOException e) {
                throw new CnnModelException(location, detail(location, e), e);
            }
        }
        Path folder = location;
        CnnModelCard card = folderCard(folder);
        if (!CnnModelCard.ARCHITECTURE.equals(card.architecture())) {
            throw new CnnModelException(folder, "architecture '" + card.architecture() + "' is unknown, expected "
                    + CnnModelCard.ARCHITECTURE);
        }
        if (card.members().isEmpty()) {
            throw new CnnModelException(folder.resolve(CARD_FILE), "the card lists no networks (\"members\" is empty)");
        }
        List<CnnImageClassifier.Member> members = new ArrayList<>();
        try {
            for (int i = 0; i < card.members().size(); i++) {
                CnnModelCard.Member member = card.members().get(i);
                checkHash(folder, member);
                Model model = Model.newInstance(memberName(i), "PyTorch");
                members.add(new CnnImageClassifier.Member(model, member.config()));
                model.setBlock(CompactResNet.build(card.classes().size(), member.config().width(), member.config().dropout()));
                model.load(folder, memberName(i));
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            members.forEach(m -> m.model().close());
            if (e instanceof CnnModelException known) {
                throw known;
            }
            throw new CnnModelException(folder, "cannot load parameters: " + e.getMessage(), e);
        }
        return new CnnImageClassifier(members, card.classes(), new Preprocessing(card.inputSize(), card.normalization()), card);
    }

    private static void checkHash(Path folder, CnnModelCard.Member member) {
        Path parameters = folder.resolve(member.parametersFile());
        try {
            String sha = ImageDecoder.sha256(Files.readAllBytes(parameters));
            if (!sha.equals(member.parametersSha256())) {
                throw new CnnModelException(parameters, "SHA-256 " + sha.substring(0, 12) + "... does not match the card's "
                        + member.parametersSha256().substring(0, Math.min(12, member.parametersSha256().length()))
                        + "...: the parameters were changed or damaged");
            }
        } catch (NoSuchFileException e) {
            throw new CnnModelException(parameters, "parameters file named in the card is missing");
        } catch (IOException e) {
            throw new CnnModelException(parameters, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String memberName(int index) {
        return CnnModelType.memberName(index);
    }

    private static Path parametersFile(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> params = files.filter(p -> p.getFileName().toString().startsWith(prefix + "-")
                    && p.getFileName().toString().endsWith(".params")).toList();
            if (params.size() != 1) {
                throw new IOException("expected one " + prefix + "-*.params file from DJL in " + folder + ", found " + params);
            }
            return params.get(0);
        }
    }
}
