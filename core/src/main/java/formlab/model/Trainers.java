package formlab.model;

import java.util.Map;

/** Creates trainers by name and hyperparameters: the inverse of {@link Trainer#name()} / {@link Trainer#hyperparameters()}. */
public final class Trainers {

    private Trainers() {
    }

    /**
     * The trainer called {@code name} ({@code smile-gbt}, {@code smile-rf}, {@code tribuo-cart},
     * {@code tribuo-logistic}, {@code refined}) with {@code hyperparameters}; keys left out take the defaults.
     */
    public static Trainer create(String name, Map<String, ?> hyperparameters) {
        return switch (name) {
            case SmileGradientBoostingTrainer.NAME -> SmileGradientBoostingTrainer.of(hyperparameters);
            case SmileRandomForestTrainer.NAME -> SmileRandomForestTrainer.of(hyperparameters);
            case TribuoCartTrainer.NAME -> TribuoCartTrainer.of(hyperparameters);
            case TribuoLogisticTrainer.NAME -> TribuoLogisticTrainer.of(hyperparameters);
            case RefinedTrainer.NAME -> RefinedTrainer.of(hyperparameters);
            default -> throw new IllegalArgumentException("Unknown trainer '" + name + "'; known: "
                    + SmileGradientBoostingTrainer.NAME + ", " + SmileRandomForestTrainer.NAME + ", "
                    + TribuoCartTrainer.NAME + ", " + TribuoLogisticTrainer.NAME + ", " + RefinedTrainer.NAME);
        };
    }

    static void requireTwoClasses(LabelledData data) {
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException("Table '" + data.table().name() + "': training needs at least two classes in column '"
                    + data.label() + "', found " + data.classes());
        }
    }
}
