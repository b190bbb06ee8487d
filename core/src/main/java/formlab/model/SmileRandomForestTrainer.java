package formlab.model;

import java.util.Map;
import java.util.Random;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;

/**
 * Smile random forest ({@code smile.classification.RandomForest}), the alternative to boosting.
 *
 * <p>Determinism: Smile grows the trees in parallel; each tree gets its own seed, drawn from
 * {@code new Random(seed)} and passed through {@code RandomForest.Options.seeds}, so the forest
 * does not depend on thread scheduling.
 *
 * @param trees     number of trees
 * @param mtry      features tried per split; 0 means floor(sqrt(number of features))
 * @param maxDepth  maximum tree depth
 * @param maxNodes  maximum number of leaves per tree
 * @param nodeSize  minimum rows per leaf
 * @param subsample fraction of rows drawn (with replacement when 1.0) per tree
 * @param seed      random seed
 */
public record SmileRandomForestTrainer(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize,
                                       double subsample, long seed) implements Trainer {

    /** Registry name. */
    public static final String NAME = "smile-rf";

    public SmileRandomForestTrainer {
        if (trees < 1 || mtry < 0 || maxDepth < 2 || maxNodes < 2 || nodeSize < 1 || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("Invalid random forest hyperparameters: trees=" + trees + ", mtry=" + mtry
                    + ", maxDepth=" + maxDepth + ", maxNodes=" + maxNodes + ", nodeSize=" + nodeSize + ", subsample=" + subsample);
        }
    }

    /** 200 trees, default mtry, deep trees. */
    public static SmileRandomForestTrainer defaults(long seed) {
        return new SmileRandomForestTrainer(200, 0, 20, 100, 2, 1.0, seed);
    }

    /** From a hyperparameter map (keys as in {@link #hyperparameters()}); missing keys take the defaults. */
    public static SmileRandomForestTrainer of(Map<String, ?> p) {
        return Hyperparameters.toRecord(SmileRandomForestTrainer.class, p, defaults(Hyperparameters.longValue(p, "seed", 42)));
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
    public SmileClassifier fit(LabelledData data) {
        Trainers.requireTwoClasses(data);
        int p = data.features().size();
        int features = mtry == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : Math.min(mtry, p);
        long[] seeds = new Random(seed).longs(trees).toArray();
        var options = new RandomForest.Options(trees, features, SplitRule.GINI, maxDepth, maxNodes, nodeSize,
                subsample, null, seeds, null);
        RandomForest model = RandomForest.fit(SmileClassifier.formula(), SmileClassifier.frame(data), options);
        return new SmileClassifier(model, data.features(), data.classes(), NAME, hyperparameters());
    }
}
