package formlab.label;

import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.PromotionPolicy;
import formlab.registry.PromotionReport;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Trains on a label dataset version and lets the registry's promotion gate decide. The training rows
 * are the version's items (features from the pool, labels from the version); the model is measured on
 * a fixed evaluation set of held-out groups with known labels, the same for every round, so the gate
 * compares each candidate with production on the same rows (their split descriptions carry the test
 * rows' fingerprint).
 */
public final class Retraining {

    /** Label column of the tables built here. */
    public static final String LABEL = "label";
    /** Group column of the tables built here. */
    public static final String GROUP = "group";

    private Retraining() {
    }

    /**
     * The outcome of one re-training.
     *
     * @param candidate the registered candidate's card
     * @param report    the promotion decision with its reasons
     */
    public record Result(ModelCard candidate, PromotionReport report) {
    }

    /**
     * Re-trains with {@code previous}'s trainer, hyperparameters and features on {@code version},
     * registers the model as the next version of {@code previous.name()} and applies {@code policy}.
     *
     * @param pool       features of every item of the version (and more), by item id
     * @param evaluation held-out rows with known labels: same features, label column {@value #LABEL}, group {@value #GROUP}
     */
    public static Result retrain(ModelRegistry registry, ModelCard previous, DatasetVersion version, UnlabelledPool pool,
                                 LabelledData evaluation, PromotionPolicy policy, Progress progress) throws IOException {
        TrainingRecipe recipe = previous.recipe();
        if (!recipe.features().equals(pool.featureNames())) {
            throw new IllegalArgumentException(previous.id() + " was trained on features " + recipe.features()
                    + " but the pool has " + pool.featureNames() + "; re-train from a card of the same feature set");
        }
        return train(registry, previous.name(), recipe.task(), recipe.trainer(), version, pool, evaluation, policy, progress);
    }

    /** Trains {@code trainer} on {@code version} as the next version of model {@code name} (e.g. the first round). */
    public static Result train(ModelRegistry registry, String name, String task, Trainer trainer, DatasetVersion version,
                               UnlabelledPool pool, LabelledData evaluation, PromotionPolicy policy, Progress progress) throws IOException {
        LabelledData table = table(version, pool, evaluation);
        TrainingRecipe recipe = new TrainingRecipe(task + " (labels " + version.id() + ")", pool.featureNames(), LABEL, GROUP,
                trainer.name(), trainer.hyperparameters(), SplitSpec.holdOut(evaluation.groupNames()));
        TrainingRun run = TrainingRun.execute(recipe, table, progress);
        ModelCard card = registry.register(name, run, List.of(version.labelsFile(), version.manifestFile()));
        PromotionReport report = registry.promote(name, card.version(), policy);
        return new Result(registry.card(name, card.version()), report);
    }

    /**
     * The training table: the version's items (features from {@code pool}) followed by the evaluation
     * rows; columns are the features, {@value #LABEL}, {@value #GROUP} and {@code item_id}.
     */
    public static LabelledData table(DatasetVersion version, UnlabelledPool pool, LabelledData evaluation) {
        if (!evaluation.features().equals(pool.featureNames())) {
            throw new IllegalArgumentException("Evaluation features " + evaluation.features() + " differ from the pool's " + pool.featureNames());
        }
        if (version.labels().isEmpty()) {
            throw new IllegalArgumentException(version.id() + " holds no labelled items (" + version.manifestFile()
                    + "): nothing to train on; import a labelled round (formlab al-import) and retrain on that version");
        }
        Map<String, PoolItem> byId = pool.byId();
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ItemLabel label : version.labels()) {
            PoolItem item = byId.get(label.itemId());
            if (item == null) {
                throw new IllegalArgumentException(version.id() + ": item '" + label.itemId() + "' is not in the pool; features unknown");
            }
            if (evaluation.groupNames().contains(item.group())) {
                throw new IllegalArgumentException(version.id() + ": item '" + label.itemId() + "' belongs to evaluation group "
                        + item.group() + "; evaluation groups must never be trained on");
            }
            rows.add(item.features());
            labels.add(label.label());
            groups.add(item.group());
            ids.add(item.id());
        }
        double[][] x = evaluation.x();
        String[] evalLabels = evaluation.labels();
        String[] evalGroups = evaluation.groups();
        for (int i = 0; i < x.length; i++) {
            rows.add(x[i]);
            labels.add(evalLabels[i]);
            groups.add(evalGroups[i]);
            ids.add("evaluation-" + i);
        }
        List<Column<?>> columns = new ArrayList<>();
        for (int j = 0; j < pool.featureNames().size(); j++) {
            int column = j;
            columns.add(DoubleColumn.create(pool.featureNames().get(j), rows.stream().mapToDouble(r -> r[column]).toArray()));
        }
        columns.add(StringColumn.create(LABEL, labels));
        columns.add(StringColumn.create(GROUP, groups));
        columns.add(StringColumn.create("item_id", ids));
        Table table = Table.create(version.id() + " + evaluation", columns.toArray(new Column<?>[0]));
        return new LabelledData(table, pool.featureNames(), LABEL, GROUP);
    }
}
