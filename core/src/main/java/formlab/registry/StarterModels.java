package formlab.registry;

import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.model.TribuoLogisticTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two small candidates for an empty registry, so that comparison and promotion have something
 * real to work on: Tribuo logistic regression and a Smile random forest, both measured with
 * leave-one-group-out cross-validation on the given table and registered as candidates.
 */
public final class StarterModels {

    /** Seed of both trainers. */
    public static final long SEED = 42;

    private StarterModels() {
    }

    /** The two trainers; {@code small} gives the forest 40 trees instead of 150 (smoke runs). */
    public static List<Trainer> trainers(boolean small) {
        return List.of(TribuoLogisticTrainer.defaults(SEED),
                new SmileRandomForestTrainer(small ? 40 : 150, 0, 20, 100, 2, 1.0, SEED));
    }

    /**
     * Trains, measures and registers both candidates as versions of {@code name}.
     *
     * @param task      what the models do, in words (goes into the cards)
     * @param dataFiles files the table was built from (hashed into the cards; may be empty)
     * @return the new cards, in trainer order
     */
    public static List<ModelCard> register(ModelRegistry registry, String name, String task, LabelledData data,
                                           List<Path> dataFiles, boolean small, Progress progress) throws IOException {
        List<ModelCard> cards = new ArrayList<>();
        for (Trainer trainer : trainers(small)) {
            TrainingRecipe recipe = TrainingRecipe.of(task, data, trainer, SplitSpec.leaveOneGroupOut());
            cards.add(registry.register(name, TrainingRun.execute(recipe, data, progress), dataFiles));
        }
        return cards;
    }
}
