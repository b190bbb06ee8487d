package formlab.model;

import java.util.Map;

/** Creates trainers by name and hyperparameters: the inverse of {@link Trainer#name()} / {@link Trainer#hyperparameters()}. */
public final class Trainers {

    private Trainers() {
    }

    /**
     * The trainer called {@code name} ({@code smile-gbt}, {@code smile-rf}, {@code tribuo-cart},
     * {@code tribuo-logistic}, {@code refined}, and those of other {@link ModelType}s on the class
     * path) with {@code hyperparameters}; keys left out take the defaults.
     */
    public static Trainer create(String name, Map<String, ?> hyperparameters) {
        return ModelTypes.byTrainer(name)
                .orElseThrow(() -> new IllegalArgumentException("Unknown trainer '" + name + "'; known: "
                        + String.join(", ", ModelTypes.trainerNames())))
                .trainer(name, hyperparameters);
    }

    static void requireTwoClasses(LabelledData data) {
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException("Table '" + data.table().name() + "': training needs at least two classes in column '"
                    + data.label() + "', found " + data.classes());
        }
    }
}
