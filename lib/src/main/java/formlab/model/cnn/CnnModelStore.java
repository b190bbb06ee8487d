package formlab.model.cnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import formlab.data.AtomicFiles;
import formlab.image.ImageDecoder;
import formlab.image.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saves and loads CNNs as a folder: {@code <name>/cnn-0000.params} (DJL's parameter format) and
 * {@code <name>/card.json} ({@link CnnModelCard}). Saving writes everything into a temporary
 * sibling folder and renames it into place, so a reader never sees a half-written model and a
 * failed save leaves the previous model untouched. Loading checks the parameters against the
 * SHA-256 in the card before rebuilding the network from the card.
 */
public final class CnnModelStore {

    /** File name of the card inside a model folder. */
    public static final String CARD_FILE = "card.json";

    /** DJL model name, the prefix of the parameters file. */
    static final String MODEL_NAME = "cnn";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static {
        TorchRuntime.prepare();
    }

    private CnnModelStore() {
    }

    /**
     * Saves {@code model} with {@code card} to {@code folder} (replacing what was there, atomically).
     *
     * @return the card as written, with the parameters file and its SHA-256
     */
    public static CnnModelCard save(CnnImageClassifier model, CnnModelCard card, Path folder) throws IOException {
        CnnModelCard[] written = new CnnModelCard[1];
        AtomicFiles.replaceDirectory(folder, temp -> {
            model.model().save(temp, MODEL_NAME);
            Path parameters = parametersFile(temp);
            String sha = ImageDecoder.sha256(Files.readAllBytes(parameters));
            written[0] = card.withParameters(parameters.getFileName().toString(), sha);
            Files.writeString(temp.resolve(CARD_FILE), JSON.writeValueAsString(written[0]) + "\n");
        });
        return written[0];
    }

    /** Reads the card of the model in {@code folder}. */
    public static CnnModelCard card(Path folder) {
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
     * Loads the model saved in {@code folder}; close it when done.
     *
     * @throws CnnModelException when the card or parameters are missing, damaged or do not match
     */
    public static CnnImageClassifier load(Path folder) {
        CnnModelCard card = card(folder);
        if (!CnnModelCard.ARCHITECTURE.equals(card.architecture())) {
            throw new CnnModelException(folder, "architecture '" + card.architecture() + "' is unknown, expected "
                    + CnnModelCard.ARCHITECTURE);
        }
        Path parameters = folder.resolve(card.parametersFile());
        try {
            String sha = ImageDecoder.sha256(Files.readAllBytes(parameters));
            if (!sha.equals(card.parametersSha256())) {
                throw new CnnModelException(parameters, "SHA-256 " + sha.substring(0, 12) + "... does not match the card's "
                        + card.parametersSha256().substring(0, 12) + "...: the parameters were changed or damaged");
            }
        } catch (NoSuchFileException e) {
            throw new CnnModelException(parameters, "parameters file named in the card is missing");
        } catch (IOException e) {
            throw new CnnModelException(parameters, "cannot read: " + e.getMessage(), e);
        }
        Model model = Model.newInstance(MODEL_NAME, "PyTorch");
        try {
            model.setBlock(CompactResNet.build(card.classes().size(), card.config().width(), card.config().dropout()));
            model.load(folder, MODEL_NAME);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new CnnModelException(parameters, "cannot load parameters: " + e.getMessage(), e);
        }
        return new CnnImageClassifier(model, card.classes(), new Preprocessing(card.inputSize(), card.normalization()),
                card.config());
    }

    private static Path parametersFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> params = files.filter(p -> p.getFileName().toString().endsWith(".params")).toList();
            if (params.size() != 1) {
                throw new IOException("expected one .params file from DJL in " + folder + ", found " + params);
            }
            return params.get(0);
        }
    }
}
