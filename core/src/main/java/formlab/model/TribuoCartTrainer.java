package formlab.model;

import java.util.Map;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;

/**
 * A single Tribuo CART decision tree: an interpretable baseline beside the Smile ensembles.
 *
 * @param maxDepth         maximum tree depth
 * @param minChildWeight   minimum example weight in a child node
 * @param featureFraction  fraction of features considered at each split, in (0, 1]
 * @param seed             random seed (used when featureFraction &lt; 1)
 */
public record TribuoCartTrainer(int maxDepth, float minChildWeight, float featureFraction, long seed) implements Trainer {

    /** Registry name. */
    public static final String NAME = "tribuo-cart";

    /** Depth 8, all features. */
    public static TribuoCartTrainer defaults(long seed) {
        return new TribuoCartTrainer(8, 2f, 1f, seed);
    }

    /** From a hyperparameter map; missing keys take the defaults. */
    public static TribuoCartTrainer of(Map<String, ?> p) {
        return Hyperparameters.toRecord(TribuoCartTrainer.class, p, defaults(Hyperparameters.longValue(p, "seed", 42)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Hyperparameters.of(this);
    }

    @Override
    public TribuoClassifier fit(LabelledData data) {
        Trainers.requireTwoClasses(data);
        var trainer = new CARTClassificationTrainer(maxDepth, minChildWeight, 0f, featureFraction, new GiniIndex(), seed);
        return TribuoTrainers.wrap(trainer.train(TribuoTrainers.dataset(data)), data, NAME, hyperparameters());
    }
}
