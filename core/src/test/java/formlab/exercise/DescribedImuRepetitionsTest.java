package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.reps.RepCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice of counting rules and the median of the tied ones, on hand-made counts. */
class DescribedImuRepetitionsTest {

    @Test
    void keepsEveryPairTiedForTheSmallestErrorOnTheUsedRecordingsOnly() {
        // counts[recording][unit][rule]; truths 30, 30, 10; recording 2 is not used (another fold's subject)
        int[][][] counts = {
            {{30, 29, 31}, {30, 28, 30}},
            {{31, 30, 30}, {30, 30, 25}},
            {{10, 99, 99}, {99, 99, 99}},
        };
        // errors over recordings 0 and 1: unit 0: 1, 1, 1; unit 1: 0, 2, 5
        List<int[]> tied = DescribedImuRepetitions.tiedBest(counts, new int[] {30, 30, 10}, new boolean[] {true, true, false});
        assertEquals(1, tied.size());
        assertArrayEquals(new int[] {1, 0}, tied.getFirst());
        // with recording 1 alone: unit 0 rules 1 and 2 and unit 1 rules 0 and 1 count 30 exactly
        List<int[]> alone = DescribedImuRepetitions.tiedBest(counts, new int[] {30, 30, 10}, new boolean[] {false, true, false});
        assertEquals(4, alone.size());
        assertArrayEquals(new int[] {0, 1}, alone.get(0));
        assertArrayEquals(new int[] {0, 2}, alone.get(1));
        assertArrayEquals(new int[] {1, 0}, alone.get(2));
        assertArrayEquals(new int[] {1, 1}, alone.get(3));
    }

    @Test
    void theMedianOfAnEvenNumberIsTheLowerMiddleValue() {
        assertEquals(30, RepCounter.median(new int[] {32, 30, 24}));
        assertEquals(29, RepCounter.median(new int[] {31, 29, 28, 30}));
        assertEquals(7, RepCounter.median(new int[] {7}));
        assertThrows(IllegalArgumentException.class, () -> RepCounter.median(new int[0]));
    }

    @Test
    void choosesNothingWhenNoRecordingIsUsed() {
        int[][][] counts = {{{30, 29}}, {{31, 30}}};
        assertEquals(List.of(), DescribedImuRepetitions.tiedBest(counts, new int[] {30, 30}, new boolean[] {false, false}));
    }

    @Test
    void theMetricsLeaveOutTheRecordingsNotCounted() {
        DescribedImuRepetitions counts = new DescribedImuRepetitions(List.of(
                new DescribedImuRepetitions.Row("a", "s1", "e1", 30, 30, "u1", "r", 2),
                new DescribedImuRepetitions.Row("b", "s2", "e2", 30, DescribedImuRepetitions.NOT_COUNTED, "-", "none", 0)));
        assertEquals(1.0, counts.exact(), 1e-12);
        assertEquals(0.0, counts.meanAbsoluteError(), 1e-12);
        assertEquals(1, counts.counted().size());
        assertTrue(counts.text().contains("not counted: 1 of 2"), counts.text());
    }

    @Test
    void keepsTheTiedPairsOnTheFirstTiedUnit() {
        List<int[]> kept = DescribedImuRepetitions.oneUnit(List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 0}));
        assertEquals(2, kept.size());
        assertArrayEquals(new int[] {0, 2}, kept.get(1));
    }

    @Test
    void exactIsTheShareOfRecordingsCountedWithoutError() {
        DescribedImuRepetitions counts = new DescribedImuRepetitions(List.of(
                new DescribedImuRepetitions.Row("a", "s1", "e1", 30, 30, "u1", "r", 2),
                new DescribedImuRepetitions.Row("b", "s1", "e1", 30, 31, "u1", "r", 2),
                new DescribedImuRepetitions.Row("c", "s2", "e1", 30, 30, "u1", "r", 1),
                new DescribedImuRepetitions.Row("d", "s2", "e1", 30, 27, "u1", "r", 1)));
        assertEquals(0.5, counts.exact(), 1e-12);
        assertEquals(0.75, counts.withinOne(), 1e-12);
        assertEquals(1.0, counts.meanAbsoluteError(), 1e-12);
        assertEquals(List.of("count_exact", "count_mae", "count_relative_error", "count_within_one"),
                List.copyOf(counts.summary().keySet()));
    }
}
