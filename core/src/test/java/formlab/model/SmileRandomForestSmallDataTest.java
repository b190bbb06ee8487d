package formlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Smile's random forest checks each tree on its out-of-bag rows and fails ("Sensitivity can only be
 * applied to binary classification") when those rows hold exactly two classes other than the first
 * two; small datasets (a few windows per class) hit this. The trainer must train them or say why not.
 */
class SmileRandomForestSmallDataTest {

    /** Two training participants, one set of three exercises with 3 windows each: 6 rows per class. */
    private static LabelledData threeExercises() {
        LabelledData all = SyntheticFeatures.table(2, 1, 3, 0.1, 5);
        var exercises = all.classes().subList(0, 3);
        return all.rows(IntStream.range(0, all.size()).filter(i -> exercises.contains(all.labels()[i])).toArray());
    }

    @Test
    void aFewWindowsPerClassTrainAForest() {
        LabelledData small = threeExercises();
        assertEquals(3, small.classes().size());
        for (long seed = 1; seed <= 5; seed++) {
            Classifier model = SmileRandomForestTrainer.defaults(seed).fit(small);
            assertEquals(small.classes(), model.classes());
            double[] p = model.probabilities(small.row(0));
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
        }
    }

    @Test
    void aClassWithOneRowIsRefusedNamingTheCounts() {
        LabelledData small = threeExercises();
        String first = small.classes().getFirst();
        int[] keep = IntStream.range(0, small.size()).filter(i -> !small.labels()[i].equals(first)
                || i == Arrays.asList(small.labels()).indexOf(first)).toArray();
        LabelledData oneOfFirst = small.rows(keep);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmileRandomForestTrainer(200, 0, 20, 100, 2, 1.0, 1).fit(oneOfFirst).classes());
        assertTrue(e.getMessage().contains("too few rows per class") && e.getMessage().contains(first + "=1"), e.getMessage());
    }
}
