package formlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TrainersTest {

    private static final LabelledData DATA = SyntheticFeatures.table(4, 2, 6, 0.1, 7);

    static List<Trainer> smallTrainers(long seed) {
        return List.of(
                new SmileGradientBoostingTrainer(30, 4, 6, 3, 0.1, 0.7, seed),
                new SmileRandomForestTrainer(40, 0, 10, 30, 2, 1.0, seed),
                TribuoCartTrainer.defaults(seed),
                TribuoLogisticTrainer.defaults(seed));
    }

    @Test
    void everyTrainerLearnsTheSyntheticExercisesAndGivesProbabilities() {
        double[][] x = DATA.x();
        String[] labels = DATA.labels();
        for (Trainer trainer : smallTrainers(1)) {
            Classifier model = trainer.fit(DATA);
            assertEquals(DATA.classes(), model.classes(), trainer.name());
            assertEquals(DATA.features(), model.featureNames(), trainer.name());
            int correct = 0;
            for (int i = 0; i < x.length; i++) {
                double[] p = model.probabilities(x[i]);
                assertEquals(1.0, Arrays.stream(p).sum(), 1e-6, trainer.name());
                if (model.predict(x[i]).label().equals(labels[i])) {
                    correct++;
                }
            }
            assertTrue(correct > 0.9 * x.length, trainer.name() + " training accuracy " + correct + "/" + x.length);
        }
    }

    @Test
    void aFeatureConstantInTrainingButNotInTestingIsIgnoredNotFatal() {
        // Real IMU windows can have a feature that is constant over the training participants
        // (e.g. zero crossings of a smooth channel) and varies for the held-out one.
        Table table = DATA.table().copy();
        double[] flat = new double[table.rowCount()];
        table.addColumns(DoubleColumn.create("flat", flat));
        LabelledData training = LabelledData.of(table, "label", "group");
        assertTrue(training.features().contains("flat"));
        for (Trainer trainer : smallTrainers(3)) {
            Classifier model = trainer.fit(training);
            double[] row = training.row(0);
            double[] p = model.probabilities(row);
            row[training.features().indexOf("flat")] = 1e6;
            double[] shifted = model.probabilities(row);
            assertTrue(Arrays.stream(shifted).allMatch(Double::isFinite), trainer.name() + " " + Arrays.toString(shifted));
            if (trainer instanceof TribuoLogisticTrainer) {
                assertArrayEquals(p, shifted, 1e-12, "the constant feature must have no effect");
            }
        }
    }

    @Test
    void sameSeedGivesTheSameModelAndAnotherSeedAnotherOne() {
        double[] row = DATA.row(3);
        for (Trainer trainer : List.of(new SmileGradientBoostingTrainer(30, 4, 6, 3, 0.1, 0.5, 11),
                new SmileRandomForestTrainer(40, 0, 10, 30, 2, 1.0, 11))) {
            double[][] first = trainer.fit(DATA).probabilities(DATA.x());
            double[][] again = trainer.fit(DATA).probabilities(DATA.x());
            for (int i = 0; i < first.length; i++) {
                assertArrayEquals(first[i], again[i], 0.0, trainer.name() + " row " + i);
            }
            Map<String, Object> params = new java.util.HashMap<>(trainer.hyperparameters());
            params.put("seed", 12L);
            double[] other = Trainers.create(trainer.name(), params).fit(DATA).probabilities(row);
            assertFalse(Arrays.equals(first[3], other), trainer.name() + " ignores its seed");
        }
    }

    @Test
    void trainersAreRecreatedFromNameAndHyperparameters() {
        for (Trainer trainer : smallTrainers(5)) {
            assertEquals(trainer, Trainers.create(trainer.name(), trainer.hyperparameters()));
        }
        // JSON brings integers back as Integer and seeds maybe as text; both are accepted.
        assertEquals(new SmileGradientBoostingTrainer(30, 4, 6, 3, 0.1, 0.7, 9),
                Trainers.create("smile-gbt", Map.of("trees", 30, "maxDepth", 4, "maxNodes", 6, "nodeSize", 3,
                        "shrinkage", 0.1, "subsample", 0.7, "seed", "9")));
        assertThrows(IllegalArgumentException.class, () -> Trainers.create("xgboost", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Trainers.create("smile-gbt", Map.of("trees", 2.5)));
        assertThrows(IllegalArgumentException.class, () -> Trainers.create("smile-rf", Map.of("trees", 0)),
                "the record's own validation still runs");
        assertEquals(List.of("maxDepth", "minChildWeight", "featureFraction", "seed"),
                List.copyOf(TribuoCartTrainer.defaults(1).hyperparameters().keySet()), "card keys in declaration order");
        assertEquals(0.5, TribuoCartTrainer.of(Map.of("featureFraction", "0.5")).hyperparameters().get("featureFraction"));
    }

    @Test
    void badTablesAreRejectedWithTheColumnAndRow() {
        Table table = Table.create("windows",
                DoubleColumn.create("mean", 1.0, Double.NaN, 3.0),
                DoubleColumn.create("peak", 1.5, 2.5, 3.5),
                StringColumn.create("kind", "a", "b", "c"),
                StringColumn.create("label", "x", "y", "x"),
                StringColumn.create("who", "A", "B", "C"));
        var missing = assertThrows(IllegalArgumentException.class, () -> new LabelledData(table, List.of("mean"), "label", "who"));
        assertTrue(missing.getMessage().contains("'mean', row 1"), missing.getMessage());
        var text = assertThrows(IllegalArgumentException.class, () -> new LabelledData(table, List.of("kind"), "label", "who"));
        assertTrue(text.getMessage().contains("numeric"), text.getMessage());
        var absent = assertThrows(IllegalArgumentException.class, () -> new LabelledData(table, List.of("peak"), "exercise", "who"));
        assertTrue(absent.getMessage().contains("'exercise'"), absent.getMessage());
        LabelledData one = LabelledData.of("one", List.of("f"), new double[][] {{1}, {2}}, new String[] {"a", "a"}, new String[] {"A", "B"});
        assertThrows(IllegalArgumentException.class, () -> SmileGradientBoostingTrainer.defaults(1).fit(one));
    }

    @Test
    void featureSelectionByDefaultTakesNumericColumnsOtherThanLabelAndGroup() {
        LabelledData data = LabelledData.of(DATA.table(), "label", "group", "gyr_energy");
        assertEquals(SyntheticFeatures.FEATURES.subList(0, 7), data.features());
        assertEquals(List.of("A", "B", "C", "D"), data.groupNames());
    }
}
