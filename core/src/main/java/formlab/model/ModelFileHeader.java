package formlab.model;

import java.util.List;
import java.util.Map;

/**
 * The readable part of a model file: everything needed to use the model except its parameters.
 *
 * @param formatVersion   version of the FormLab model file layout
 * @param engine          the {@link ModelType#engine()} that encoded the payload ({@code smile}, {@code tribuo}, ...)
 * @param trainer         trainer name ({@link Trainer#name()})
 * @param hyperparameters the trainer's hyperparameters
 * @param featureNames    input order of the features
 * @param classes         order of the probability vector
 * @param payloadSha256   SHA-256 of the payload bytes, hex
 * @param payloadBytes    length of the payload
 */
public record ModelFileHeader(int formatVersion, String engine, String trainer, Map<String, Object> hyperparameters,
                              List<String> featureNames, List<String> classes, String payloadSha256, long payloadBytes) {
}
