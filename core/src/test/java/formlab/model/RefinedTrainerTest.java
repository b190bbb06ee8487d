package formlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefinedTrainerTest {

    /** Hard synthetic data (noise 0.3), so the base model leaves bench/ohp mass for the refiner to move. */
    private static final LabelledData DATA = SyntheticFeatures.table(3, 2, 6, 0.3, 5);

    /** Base on the means, refiner (bench vs ohp) on the spreads, frequency and energy. */
    static RefinedTrainer trainer() {
        return new RefinedTrainer(new SmileGradientBoostingTrainer(20, 4, 6, 3, 0.1, 0.8, 3), "_mean$",
                new SmileRandomForestTrainer(30, 0, 10, 30, 2, 1.0, 3), "_std$|dom_freq|energy", List.of("bench", "ohp"));
    }

    @TempDir
    Path dir;

    @Test
    void theRefinerSharesOutTheBaseProbabilityOfItsClassesAndLeavesTheOthers() {
        RefinedClassifier model = (RefinedClassifier) trainer().fit(DATA);
        assertEquals(List.of("acc_x_mean", "acc_y_mean", "acc_z_mean"), model.base().featureNames());
        assertEquals(List.of("bench", "ohp"), model.refiner().classes());
        assertEquals(DATA.features().size(), model.featureNames().size(), "every feature is read by one stage");
        List<String> classes = model.classes();
        int bench = classes.indexOf("bench");
        int ohp = classes.indexOf("ohp");
        int moved = 0;
        for (double[] row : DATA.x()) {
            double[] features = reorder(row, model.featureNames());
            double[] p = model.probabilities(features);
            double[] base = model.base().probabilities(Arrays.copyOf(features, 3));
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
            assertEquals(base[bench] + base[ohp], p[bench] + p[ohp], 1e-9, "the pair keeps the base's share");
            for (int c = 0; c < classes.size(); c++) {
                if (c != bench && c != ohp) {
                    assertEquals(base[c], p[c], 0.0, "other classes keep the base's probability");
                }
            }
            if (Math.abs(p[bench] - base[bench]) > 1e-6) {
                moved++;
            }
        }
        assertTrue(moved > 0, "the refiner changed some bench/ohp splits");
    }

    @Test
    void itSurvivesTheModelFileAndTheHyperparameterMap() throws Exception {
        RefinedTrainer trainer = trainer();
        Classifier model = trainer.fit(DATA);
        assertEquals(trainer, Trainers.create(trainer.name(), trainer.hyperparameters()));
        Path file = dir.resolve("refined.model");
        ModelFiles.save(model, file);
        Classifier loaded = ModelFiles.load(file);
        assertTrue(loaded instanceof RefinedClassifier, loaded.toString());
        assertEquals(model.featureNames(), loaded.featureNames());
        assertEquals(model.classes(), loaded.classes());
        for (double[] row : DATA.x()) {
            double[] features = reorder(row, model.featureNames());
            assertArrayEquals(model.probabilities(features), loaded.probabilities(features), 0.0);
        }
        ModelFileHeader header = ModelFiles.header(file);
        assertEquals(RefinedTrainer.NAME, header.trainer());
        assertEquals(trainer, Trainers.create(header.trainer(), header.hyperparameters()));

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 30] ^= 0x33;
        Path altered = Files.write(dir.resolve("altered.model"), bytes);
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(altered)).getMessage().contains("SHA-256"));
    }

    @Test
    void withoutBothRefinedClassesTheBaseModelIsReturned() {
        int[] noOhp = java.util.stream.IntStream.range(0, DATA.size()).filter(i -> !DATA.labels()[i].equals("ohp")).toArray();
        Classifier model = trainer().fit(DATA.rows(noOhp));
        assertTrue(model instanceof SmileClassifier, "nothing to re-decide: " + model);
        assertThrows(IllegalArgumentException.class, () -> new RefinedTrainer(trainer(), "x", trainer(), "y", List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> new RefinedTrainer(trainer().base(), "x", trainer().refiner(), "y",
                List.of("a")));
        assertSame(RefinedTrainer.class, Trainers.create("refined", trainer().hyperparameters()).getClass());
    }

    /** A row of {@code DATA} (in its feature order) in the order of {@code names}. */
    private static double[] reorder(double[] row, List<String> names) {
        return names.stream().mapToDouble(n -> row[DATA.features().indexOf(n)]).toArray();
    }
}
