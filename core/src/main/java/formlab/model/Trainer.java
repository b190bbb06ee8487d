package formlab.model;

import java.util.Map;

/**
 * Trains a {@link Classifier} from {@link LabelledData}. Implementations are immutable value
 * objects: their hyperparameters (including the seed) fully determine the model trained on
 * given data, so {@link Trainers#create(String, Map)} with {@link #name()} and
 * {@link #hyperparameters()} re-creates an equal trainer (that is how the model registry
 * re-trains from a model card).
 */
public interface Trainer {

    /** Stable algorithm name, e.g. {@code smile-gbt}; the key used by {@link Trainers#create}. */
    String name();

    /** Every hyperparameter with its value (numbers, strings, booleans), seed included, in a stable order. */
    Map<String, Object> hyperparameters();

    /** Trains on all rows of {@code data}; the returned classifier's classes are the labels present in it. */
    Classifier fit(LabelledData data);
}
