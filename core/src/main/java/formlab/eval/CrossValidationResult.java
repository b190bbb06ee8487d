package formlab.eval;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a cross-validation produced: one evaluation per fold and the pooled evaluation of all
 * held-out predictions (every row is predicted exactly once by a model that never saw its group).
 *
 * @param trainer         trainer name
 * @param hyperparameters trainer hyperparameters
 * @param folds           per-fold results, in fold order
 */
public record CrossValidationResult(String trainer, Map<String, Object> hyperparameters, List<FoldResult> folds) {

    public CrossValidationResult {
        hyperparameters = formlab.model.Hyperparameters.canonical(hyperparameters);
        folds = List.copyOf(folds);
    }

    /**
     * One fold.
     *
     * @param fold       the split
     * @param evaluation evaluation on its test rows
     * @param seconds    training plus prediction time
     */
    public record FoldResult(Fold fold, Evaluation evaluation, double seconds) {
    }

    /** All held-out predictions evaluated together. */
    public Evaluation pooled() {
        return Evaluation.pool(folds.stream().map(FoldResult::evaluation).toList());
    }

    /** Mean of a metric over folds. */
    public double foldMean(String metric) {
        return folds.stream().mapToDouble(f -> f.evaluation().metric(metric)).average().orElseThrow();
    }

    /** Sample standard deviation of a metric over folds (0 for one fold). */
    public double foldStandardDeviation(String metric) {
        double mean = foldMean(metric);
        double sum = folds.stream().mapToDouble(f -> Math.pow(f.evaluation().metric(metric) - mean, 2)).sum();
        return folds.size() < 2 ? 0 : Math.sqrt(sum / (folds.size() - 1));
    }

    /** One row per fold: name, test groups, rows, accuracy, balanced accuracy, macro F1, seconds. */
    public Table foldTable() {
        StringColumn name = StringColumn.create("fold");
        StringColumn groups = StringColumn.create("test_groups");
        IntColumn train = IntColumn.create("train_rows");
        IntColumn test = IntColumn.create("test_rows");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn balanced = DoubleColumn.create("balanced_accuracy");
        DoubleColumn f1 = DoubleColumn.create("macro_f1");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (FoldResult result : folds) {
            name.append(result.fold().name());
            groups.append(String.join(" ", result.fold().testGroups()));
            train.append(result.fold().train().length);
            test.append(result.fold().test().length);
            accuracy.append(result.evaluation().accuracy());
            balanced.append(result.evaluation().balancedAccuracy());
            f1.append(result.evaluation().macroF1());
            seconds.append(result.seconds());
        }
        return Table.create("Cross-validation folds: " + trainer, name, groups, train, test, accuracy, balanced, f1, seconds);
    }

    /** Accuracy per group over the pooled held-out predictions. */
    public Table perGroupTable() {
        return pooled().perGroup().setName("Per-group accuracy (held out): " + trainer);
    }

    /** Pooled metrics plus mean and standard deviation over folds. */
    public Table summary() {
        Map<String, Double> pooled = pooled().metrics();
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn pooledValue = DoubleColumn.create("pooled");
        DoubleColumn mean = DoubleColumn.create("fold_mean");
        DoubleColumn sd = DoubleColumn.create("fold_sd");
        for (var entry : pooled.entrySet()) {
            metric.append(entry.getKey());
            pooledValue.append(entry.getValue());
            boolean perFold = folds.stream().allMatch(f -> f.evaluation().metrics().containsKey(entry.getKey()));
            mean.append(perFold ? foldMean(entry.getKey()) : Double.NaN);
            sd.append(perFold ? foldStandardDeviation(entry.getKey()) : Double.NaN);
        }
        return Table.create("Cross-validation summary: " + trainer + " " + hyperparameters, metric, pooledValue, mean, sd);
    }

    @Override
    public String toString() {
        return String.format("%s, %d folds: pooled accuracy %.3f, balanced %.3f; fold accuracy %.3f +- %.3f",
                trainer, folds.size(), pooled().accuracy(), pooled().balancedAccuracy(),
                foldMean("accuracy"), foldStandardDeviation("accuracy"));
    }
}
