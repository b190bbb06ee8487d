package formlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupSplitsTest {

    private static final String[] GROUPS = {"A", "A", "B", "C", "C", "C", "D", "E", "E", "B", "F", "G"};

    @Test
    void leaveOneGroupOutTestsEveryRowOnceAndNeverLeaks() {
        List<Fold> folds = GroupSplits.leaveOneGroupOut(GROUPS);
        assertEquals(7, folds.size());
        assertEveryRowTestedOnceWithoutLeak(folds);
    }

    @Test
    void kFoldIsSeededAndKeepsGroupsTogether() {
        List<Fold> folds = GroupSplits.kFold(GROUPS, 3, 42);
        assertEquals(3, folds.size());
        assertEveryRowTestedOnceWithoutLeak(folds);
        for (Fold fold : folds) {
            assertTrue(fold.testGroups().size() == 2 || fold.testGroups().size() == 3, fold.toString());
        }
        assertEquals(folds.stream().map(Fold::testGroups).toList(),
                GroupSplits.kFold(GROUPS, 3, 42).stream().map(Fold::testGroups).toList());
        boolean anyDiffers = false;
        for (long seed = 1; seed < 6; seed++) {
            anyDiffers |= !GroupSplits.kFold(GROUPS, 3, seed).stream().map(Fold::testGroups).toList()
                    .equals(folds.stream().map(Fold::testGroups).toList());
        }
        assertTrue(anyDiffers, "the seed has no effect");
        assertThrows(IllegalArgumentException.class, () -> GroupSplits.kFold(GROUPS, 8, 1));
    }

    @Test
    void holdOutTakesWholeGroups() {
        Fold fold = GroupSplits.holdOut(GROUPS, 0.3, 9);
        assertEquals(2, fold.testGroups().size());
        assertNoLeak(fold);
        assertEquals(fold.testGroups(), GroupSplits.holdOut(GROUPS, 0.3, 9).testGroups());
        Fold named = GroupSplits.holdOut(GROUPS, List.of("C"));
        assertEquals(3, named.test().length);
        assertNotEquals(0, named.train().length);
        assertThrows(IllegalArgumentException.class, () -> GroupSplits.holdOut(GROUPS, List.of("Z")));
    }

    private static void assertEveryRowTestedOnceWithoutLeak(List<Fold> folds) {
        int[] tested = new int[GROUPS.length];
        for (Fold fold : folds) {
            assertNoLeak(fold);
            assertEquals(GROUPS.length, fold.train().length + fold.test().length);
            for (int i : fold.test()) {
                tested[i]++;
            }
        }
        for (int count : tested) {
            assertEquals(1, count);
        }
    }

    private static void assertNoLeak(Fold fold) {
        Set<String> train = new HashSet<>();
        for (int i : fold.train()) {
            train.add(GROUPS[i]);
        }
        for (int i : fold.test()) {
            assertTrue(!train.contains(GROUPS[i]), "group " + GROUPS[i] + " on both sides of " + fold.name());
        }
    }
}
