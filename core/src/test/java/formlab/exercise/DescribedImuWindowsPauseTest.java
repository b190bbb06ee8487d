package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.dataset.DescribedImuRecording;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pauses between annotated repetitions, on a recording with a gap between its rows. */
class DescribedImuWindowsPauseTest {

    @Test
    void aRepetitionAfterAGapIsPlacedAtItsRowsOwnTime() {
        // rows at 25 Hz: 0 to 40 s, then (a 60 s gap) 100 to 140 s; repetition 1 is rows 0-499 (0-20 s),
        // repetition 2 rows 1000-1499 (100-120 s, not 40-60 s as the row index at 25 Hz would say)
        long[] millis = new long[2000];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = i < 1000 ? i * 40L : 100_000 + (i - 1000) * 40L;
        }
        DescribedImuRecording recording = new DescribedImuRecording("r", Map.of(), "s1", "e1",
                Map.of("u1", new DescribedImuRecording.Part("u1", 25, millis, List.of(), List.of(), List.of(), new double[0][])),
                List.of(new double[] {0, 499}, new double[] {1000, 1499}), List.of(), 2, List.of());
        assertTrue(DescribedImuWindows.inPause(recording, millis, 25, 29), "between the first repetition and the gap");
        assertTrue(DescribedImuWindows.inPause(recording, millis, 45, 49), "rows 1125-1225 by index, but no row is there");
        assertFalse(DescribedImuWindows.inPause(recording, millis, 105, 109), "inside the second repetition");
        assertFalse(DescribedImuWindows.inPause(recording, millis, 18, 22), "overlaps the first repetition");
        assertTrue(DescribedImuWindows.inPause(recording, millis, 125, 129), "after the last repetition");
    }
}
