package formlab.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One kind of model behind the {@link Classifier} / {@link Trainer} contract: how its trainers are
 * created from a name and hyperparameters, and how its classifiers are stored in and read from a
 * {@link ModelFiles} file. {@link ModelFiles} writes the magic, the header and the payload's
 * SHA-256 for every type and hands the type only its payload bytes.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} ({@link ModelTypes}): a new
 * model type implements this interface and adds its class name to
 * {@code META-INF/services/formlab.model.ModelType} of its module; no switch elsewhere names it.
 */
public interface ModelType {

    /** Format name a registry card records for files of feature-row classifiers. */
    String FEATURE_ROWS_FORMAT = "formlab-model";

    /** Engine name written in the file header ({@link ModelFileHeader#engine()}), e.g. {@code smile}; unique among the types. */
    String engine();

    /**
     * Format a registry card records for this type's files: {@value #FEATURE_ROWS_FORMAT} for
     * classifiers over feature rows (the default); a type whose classifiers read something else
     * (images) names its own, so callers that feed feature rows can tell it apart from the card alone.
     */
    default String cardFormat() {
        return FEATURE_ROWS_FORMAT;
    }

    /** Trainer names ({@link Trainer#name()}) this type creates with {@link #trainer}; may be empty. */
    default List<String> trainerNames() {
        return List.of();
    }

    /**
     * The trainer called {@code name} (one of {@link #trainerNames()}) with {@code hyperparameters};
     * keys left out take the defaults.
     *
     * @throws IllegalArgumentException for a name this type does not know or a bad hyperparameter
     */
    default Trainer trainer(String name, Map<String, ?> hyperparameters) {
        throw new IllegalArgumentException("Model type '" + engine() + "' has no trainer '" + name + "'; its trainers: " + trainerNames());
    }

    /** True when {@link #save} stores {@code classifier} (it is this type's kind of classifier). */
    boolean saves(Classifier classifier);

    /** The payload of a model file for {@code classifier} (which {@link #saves}), with the trainer and hyperparameters for the header. */
    Payload save(Classifier classifier) throws IOException;

    /**
     * Reads the classifier back from {@code payload}, whose SHA-256 {@link ModelFiles} has checked
     * against {@code header}.
     *
     * @param file    the model file (for messages)
     * @param header  the file's header (features, classes, trainer, hyperparameters)
     * @param payload the payload bytes
     * @throws ModelFileException naming the file and what was expected, for anything unexpected
     */
    Classifier load(Path file, ModelFileHeader header, byte[] payload) throws IOException;

    /**
     * What a model type stores for one classifier.
     *
     * @param trainer         trainer name written in the header
     * @param hyperparameters the trainer's hyperparameters
     * @param bytes           the payload
     */
    record Payload(String trainer, Map<String, Object> hyperparameters, byte[] bytes) {
    }
}
