package formlab.registry;

import formlab.model.Hyperparameters;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.model.Trainers;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to train and measure a model again, except the table itself.
 *
 * @param task            what the model does, in words (e.g. "exercise from wrist IMU windows")
 * @param features        feature columns, in model input order
 * @param label           label column
 * @param group           group column the split keeps together
 * @param trainerName     trainer name ({@link Trainer#name()})
 * @param hyperparameters trainer hyperparameters, seed included
 * @param split           how the metrics are measured
 * @param pipeline        how raw data become the feature rows and how predictions are post-processed
 *                        (for example window length, filters, feature settings, gates), as plain JSON
 *                        values; empty when the table was given as is
 */
public record TrainingRecipe(String task, List<String> features, String label, String group,
                             String trainerName, Map<String, Object> hyperparameters, SplitSpec split,
                             Map<String, Object> pipeline) {

    public TrainingRecipe {
        features = List.copyOf(features);
        hyperparameters = Hyperparameters.canonical(hyperparameters);
        pipeline = pipeline == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pipeline));
    }

    /** A recipe without pipeline settings. */
    public TrainingRecipe(String task, List<String> features, String label, String group,
                          String trainerName, Map<String, Object> hyperparameters, SplitSpec split) {
        this(task, features, label, group, trainerName, hyperparameters, split, Map.of());
    }

    /** This recipe with {@code settings} as its pipeline description. */
    public TrainingRecipe withPipeline(Map<String, Object> settings) {
        return new TrainingRecipe(task, features, label, group, trainerName, hyperparameters, split, settings);
    }

    /** The recipe for training {@code trainer} on {@code data}, measured with {@code split}. */
    public static TrainingRecipe of(String task, LabelledData data, Trainer trainer, SplitSpec split) {
        return new TrainingRecipe(task, data.features(), data.label(), data.group(), trainer.name(),
                trainer.hyperparameters(), split);
    }

    /** A fresh trainer with the recipe's hyperparameters. */
    public Trainer trainer() {
        return Trainers.create(trainerName, hyperparameters);
    }

    /** Fails unless {@code data} has the recipe's features, label and group columns. */
    public void requireMatching(LabelledData data) {
        if (!data.features().equals(features) || !data.label().equals(label) || !data.group().equals(group)) {
            throw new IllegalArgumentException("Table '" + data.table().name() + "' does not match the recipe: expected features "
                    + features + ", label '" + label + "', group '" + group + "'; found features " + data.features()
                    + ", label '" + data.label() + "', group '" + data.group() + "'");
        }
    }
}
