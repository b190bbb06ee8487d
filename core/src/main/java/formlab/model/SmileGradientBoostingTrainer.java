package formlab.model;

import java.util.Map;
import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/**
 * Smile gradient tree boosting ({@code smile.classification.GradientTreeBoost}): the main
 * classifier for tabular IMU and pose features.
 *
 * <p>Determinism: Smile draws the row subsample of each boosting round from its per-thread
 * random generator, so {@link #fit} calls {@code MathEx.setSeed(seed)} on the calling thread
 * immediately before training (training itself runs on that thread). Same data, same
 * hyperparameters, same seed give the same model.
 *
 * @param trees     number of boosting rounds
 * @param maxDepth  maximum depth of each regression tree
 * @param maxNodes  maximum number of leaves of each tree
 * @param nodeSize  minimum number of rows in a leaf
 * @param shrinkage learning rate, in (0, 1]
 * @param subsample fraction of rows used for each tree, in (0, 1]
 * @param seed      random seed
 */
public record SmileGradientBoostingTrainer(int trees, int maxDepth, int maxNodes, int nodeSize,
                                           double shrinkage, double subsample, long seed) implements Trainer {

    /** Registry name. */
    public static final String NAME = "smile-gbt";

    public SmileGradientBoostingTrainer {
        if (trees < 1 || maxDepth < 2 || maxNodes < 2 || nodeSize < 1) {
            throw new IllegalArgumentException("Need trees >= 1, maxDepth >= 2, maxNodes >= 2, nodeSize >= 1; got "
                    + trees + ", " + maxDepth + ", " + maxNodes + ", " + nodeSize);
        }
        if (!(shrinkage > 0 && shrinkage <= 1) || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("Need shrinkage and subsample in (0, 1]; got " + shrinkage + ", " + subsample);
        }
    }

    /** Sensible defaults for a few hundred feature rows: 100 trees of at most 6 leaves, shrinkage 0.1. */
    public static SmileGradientBoostingTrainer defaults(long seed) {
        return new SmileGradientBoostingTrainer(100, 6, 6, 3, 0.1, 0.8, seed);
    }

    /** From a hyperparameter map (keys as in {@link #hyperparameters()}); missing keys take the defaults. */
    public static SmileGradientBoostingTrainer of(Map<String, ?> p) {
        return Hyperparameters.toRecord(SmileGradientBoostingTrainer.class, p, defaults(Hyperparameters.longValue(p, "seed", 42)));
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
        var options = new GradientTreeBoost.Options(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, null, null);
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(SmileClassifier.formula(), SmileClassifier.frame(data), options);
        return new SmileClassifier(model, data.features(), data.classes(), NAME, hyperparameters());
    }
}
