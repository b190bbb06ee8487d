package formlab.eval;

import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Group cross-validation and held-out testing of any {@link Trainer} on {@link LabelledData}.
 * Every fold trains a fresh model on the training groups and evaluates it on the held-out
 * groups; the evaluations use the full class list of the data, so folds can be pooled even when
 * a fold lacks a class.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Leave-one-group-out cross-validation. */
    public static CrossValidationResult leaveOneGroupOut(Trainer trainer, LabelledData data, Progress progress) {
        return run(trainer, data, GroupSplits.leaveOneGroupOut(data.groups()), progress);
    }

    /** k-fold cross-validation by group, groups dealt to folds with {@code seed}. */
    public static CrossValidationResult kFold(Trainer trainer, LabelledData data, int k, long seed, Progress progress) {
        return run(trainer, data, GroupSplits.kFold(data.groups(), k, seed), progress);
    }

    /** Cross-validation over the given folds, reporting each fold to {@code progress}. */
    public static CrossValidationResult run(Trainer trainer, LabelledData data, List<Fold> folds, Progress progress) {
        List<String> classes = data.classes();
        List<CrossValidationResult.FoldResult> results = new ArrayList<>();
        String task = "cross-validation " + trainer.name();
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            long start = System.nanoTime();
            Classifier model = trainer.fit(data.rows(fold.train()));
            Evaluation evaluation = Evaluation.of(model, data.rows(fold.test()), classes);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(new CrossValidationResult.FoldResult(fold, evaluation, seconds));
            progress.step(task, f + 1, folds.size(), String.format("%s: accuracy %.3f, balanced %.3f (%d test rows, %.1f s)",
                    fold.name(), evaluation.accuracy(), evaluation.balancedAccuracy(), fold.test().length, seconds));
        }
        return new CrossValidationResult(trainer.name(), trainer.hyperparameters(), results);
    }

    /** Trains on the fold's training rows and evaluates on its test rows once. */
    public static HoldOutResult holdOut(Trainer trainer, LabelledData data, Fold fold) {
        Classifier model = trainer.fit(data.rows(fold.train()));
        return new HoldOutResult(fold, model, Evaluation.of(model, data.rows(fold.test()), data.classes()));
    }

    /**
     * The result of a held-out test.
     *
     * @param fold       which groups were held out
     * @param model      the model trained on the other groups
     * @param evaluation its evaluation on the held-out groups
     */
    public record HoldOutResult(Fold fold, Classifier model, Evaluation evaluation) {
    }
}
