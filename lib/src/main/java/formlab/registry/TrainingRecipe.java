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
 */
public record TrainingRecipe(String task, List<String> features, String label, String group,
                             String trainerName, Map<String, Object> hyperparameters, SplitSpec split) {

    public TrainingRecipe {
        features = List.copyOf(features);
        hyperparameters = Hyperparameters.canonical(hyperparameters);
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
