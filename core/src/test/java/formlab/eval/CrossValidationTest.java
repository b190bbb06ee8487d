package formlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.model.LabelledData;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import formlab.model.TribuoLogisticTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final LabelledData DATA = SyntheticFeatures.table(5, 2, 6, 0.12, 21);
    private static final SmileGradientBoostingTrainer GBT = new SmileGradientBoostingTrainer(30, 4, 6, 3, 0.1, 0.8, 1);

    @Test
    void leaveOneParticipantOutPredictsEveryRowOnceAndReportsEachFold() {
        List<String> steps = new ArrayList<>();
        CrossValidationResult result = CrossValidation.leaveOneGroupOut(GBT, DATA,
                (task, done, total, message) -> steps.add(done + "/" + total + " " + message));
        assertEquals(5, result.folds().size());
        assertEquals(5, steps.size());
        assertTrue(steps.get(4).startsWith("5/5 leave out E"), steps.get(4));
        Evaluation pooled = result.pooled();
        assertEquals(DATA.size(), pooled.size());
        assertTrue(pooled.accuracy() > 0.75, "pooled accuracy " + pooled.accuracy());
        assertEquals(5, result.perGroupTable().rowCount());
        assertEquals(5, result.foldTable().rowCount());
        // Each participant is one fold, so a fold's accuracy is that participant's held-out accuracy.
        Map<String, Double> perGroup = pooled.groupAccuracies();
        for (CrossValidationResult.FoldResult fold : result.folds()) {
            assertEquals(perGroup.get(fold.fold().testGroups().getFirst()), fold.evaluation().accuracy(), 1e-12);
        }
        assertTrue(result.summary().rowCount() >= 9);
    }

    @Test
    void groupCrossValidationIsHarderThanScoringTheTrainingRows() {
        LabelledData hard = SyntheticFeatures.table(5, 2, 6, 0.35, 5);
        double heldOut = CrossValidation.kFold(GBT, hard, 5, 3, Progress.none()).pooled().accuracy();
        double resubstitution = Evaluation.of(GBT.fit(hard), hard).accuracy();
        assertTrue(resubstitution > heldOut + 0.05, "training rows " + resubstitution + " vs held out " + heldOut);
    }

    @Test
    void holdOutEvaluatesOnlyTheHeldOutGroups() {
        Fold fold = GroupSplits.holdOut(DATA.groups(), List.of("B", "D"));
        CrossValidation.HoldOutResult result = CrossValidation.holdOut(TribuoLogisticTrainer.defaults(3), DATA, fold);
        assertEquals(fold.test().length, result.evaluation().size());
        assertEquals(List.of("B", "D"), List.copyOf(result.evaluation().groupAccuracies().keySet()));
        assertTrue(result.evaluation().accuracy() > 0.7, result.evaluation().toString());
    }

    @Test
    void searchRanksCandidatesByCrossValidatedScore() {
        Map<String, List<?>> space = new java.util.LinkedHashMap<>();
        space.put("trees", List.of(5, 40));
        space.put("maxNodes", List.of(2, 6));
        space.put("shrinkage", List.of(0.02, 0.2));
        assertEquals(8, HyperparameterSearch.grid(space).size());
        List<Map<String, Object>> drawn = HyperparameterSearch.random(space, 3, 8);
        assertEquals(drawn, HyperparameterSearch.random(space, 3, 8));
        assertEquals(3, new java.util.HashSet<>(drawn).size());

        List<Map<String, Object>> candidates = List.of(
                Map.of("trees", 3, "maxNodes", 2, "shrinkage", 0.02),
                Map.of("trees", 40, "maxNodes", 6, "shrinkage", 0.2));
        List<Fold> folds = GroupSplits.kFold(DATA.groups(), 3, 1);
        var search = HyperparameterSearch.run("smile-gbt", Map.of("seed", 4L, "maxDepth", 4), candidates, DATA, folds,
                "balanced_accuracy", Progress.none());
        assertEquals(40, search.best().trainer().hyperparameters().get("trees"));
        assertTrue(search.candidates().get(0).score() >= search.candidates().get(1).score());
        assertEquals(2, search.table().rowCount());
    }
}
