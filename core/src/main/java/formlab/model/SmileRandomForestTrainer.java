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
 * @param subsample fraction of rows drawn (with replacement when 1.0) per tree; a dataset so small that Smile's
 *                  out-of-bag check fails is drawn without replacement at 1 - 1/e instead (see {@link #fit})
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
        try {
            return forest(data, this);
        } catch (IllegalArgumentException e) {
            if (!outOfBagCheckFailed(e)) {
                throw e;
            }
        }
        // Smile scores each tree on its out-of-bag rows and fails when those hold exactly two classes
        // other than the first two, which happens on small datasets where a bootstrap draws every row of
        // a class. Drawing without replacement, as many rows as a bootstrap holds distinct ones on
        // average (1 - 1/e), leaves rows of every class with two or more rows out of bag. Only datasets
        // that failed take this path, so the forests of the others stay as they were.
        SmileRandomForestTrainer withoutReplacement = new SmileRandomForestTrainer(trees, mtry, maxDepth, maxNodes, nodeSize,
                Math.min(subsample, OUT_OF_BAG_SUBSAMPLE), seed);
        try {
            return forest(data, withoutReplacement);
        } catch (IllegalArgumentException e) {
            if (!outOfBagCheckFailed(e)) {
                throw e;
            }
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (String label : data.labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            throw new IllegalArgumentException("Table '" + data.table().name() + "': too few rows per class for the random"
                    + " forest (rows per class " + counts.toString().replace(", ", ",").replace("{", "").replace("}", "")
                    + "); a class needs at least 2 rows (windows) in every training set: record more, use shorter"
                    + " windows or a smaller step, or leave the class out", e);
        }
    }

    /** Fraction of rows a bootstrap of n rows holds distinct on average, 1 - 1/e. */
    private static final double OUT_OF_BAG_SUBSAMPLE = 1 - Math.exp(-1);

    private static SmileClassifier forest(LabelledData data, SmileRandomForestTrainer settings) {
        int p = data.features().size();
        int features = settings.mtry == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : Math.min(settings.mtry, p);
        long[] seeds = new Random(settings.seed).longs(settings.trees).toArray();
        var options = new RandomForest.Options(settings.trees, features, SplitRule.GINI, settings.maxDepth, settings.maxNodes,
                settings.nodeSize, settings.subsample, null, seeds, null);
        RandomForest model = RandomForest.fit(SmileClassifier.formula(), SmileClassifier.frame(data), options);
        return new SmileClassifier(model, data.features(), data.classes(), NAME, settings.hyperparameters());
    }

    /** True when Smile's binary out-of-bag metric (sensitivity) refused a tree's out-of-bag rows. */
    private static boolean outOfBagCheckFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("smile.validation.")) {
                    return true;
                }
            }
        }
        return false;
    }
}
