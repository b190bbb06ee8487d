package formlab.registry;

import formlab.eval.CrossValidation;
import formlab.eval.CrossValidationResult;
import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import java.util.List;

/**
 * A recipe carried out on a table: the model to register and the evaluation that measures it.
 *
 * <p>For cross-validation protocols the metrics come from the pooled held-out predictions of the
 * folds (an estimate for the training procedure) and the registered model is then trained on
 * all rows. For hold-out, the registered model is the one trained without the test groups, so the
 * metrics describe exactly that model, and the description of the split names the test rows' fingerprint
 * ({@link #TEST_ROWS}).
 *
 * @param recipe         what was run
 * @param model          the model to register
 * @param evaluation     held-out evaluation (pooled over folds, or the hold-out test)
 * @param measuredOn     description of the split the metrics were measured on
 * @param dataSha256     {@link DataFingerprint} of the table
 * @param rows           rows in the table
 * @param groups         groups in the table
 * @param extraMetrics   further metrics measured on the same split that {@code evaluation} cannot hold
 *                       (for example accuracy per recorded set after smoothing), by name; may be empty
 */
public record TrainingRun(TrainingRecipe recipe, Classifier model, Evaluation evaluation, String measuredOn,
                          String dataSha256, int rows, List<String> groups, java.util.Map<String, Double> extraMetrics) {

    public TrainingRun {
        extraMetrics = extraMetrics == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraMetrics));
    }

    /** A run whose metrics all come from {@code evaluation}. */
    public TrainingRun(TrainingRecipe recipe, Classifier model, Evaluation evaluation, String measuredOn,
                       String dataSha256, int rows, List<String> groups) {
        this(recipe, model, evaluation, measuredOn, dataSha256, rows, groups, java.util.Map.of());
    }

    /**
     * Marks, in {@link #measuredOn()} of a hold-out run, the fingerprint of the test rows; two runs
     * whose descriptions are equal were measured on the same rows even when trained on different tables.
     */
    public static final String TEST_ROWS = "test rows sha256 ";

    /** Runs {@code recipe} on {@code data}, reporting folds to {@code progress}. */
    public static TrainingRun execute(TrainingRecipe recipe, LabelledData data, Progress progress) {
        recipe.requireMatching(data);
        var trainer = recipe.trainer();
        List<Fold> folds = recipe.split().folds(data.groups());
        Classifier model;
        Evaluation evaluation;
        String measuredOn;
        if (recipe.split().crossValidated()) {
            CrossValidationResult result = CrossValidation.run(trainer, data, folds, progress);
            evaluation = result.pooled();
            model = trainer.fit(data);
            measuredOn = recipe.split().describe() + " (pooled held-out predictions; model refit on all rows)";
        } else {
            CrossValidation.HoldOutResult result = CrossValidation.holdOut(trainer, data, folds.getFirst());
            evaluation = result.evaluation();
            model = result.model();
            measuredOn = recipe.split().describe() + " (test groups " + folds.getFirst().testGroups() + "; "
                    + TEST_ROWS + DataFingerprint.sha256(data.rows(folds.getFirst().test())).substring(0, 16) + ")";
        }
        return new TrainingRun(recipe, model, evaluation, measuredOn, DataFingerprint.sha256(data), data.size(), data.groupNames());
    }
}
