package formlab.pose.reps;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodicRepCounterTest {

    /** Seven squat-like cycles of 30 frames between 40 idle frames at each end, noisy landmarks. */
    static double[][][] sequence(int reps) {
        Random random = new Random(3);
        int idle = 40, period = 30, n = 2 * idle + reps * period;
        double[][][] frames = new double[n][33][3];
        for (int f = 0; f < n; f++) {
            double phase = f < idle || f >= n - idle ? 0 : (1 - Math.cos(2 * Math.PI * (f - idle) / period)) / 2;
            for (int l = 0; l < 33; l++) {
                frames[f][l][0] = 0.5 + 0.01 * l + 0.002 * random.nextGaussian();
                frames[f][l][1] = 0.3 + 0.02 * l + 0.002 * random.nextGaussian();
            }
            frames[f][11][1] = 0.3; frames[f][12][1] = 0.3; frames[f][11][0] = 0.45; frames[f][12][0] = 0.55;
            frames[f][23][1] = 0.6; frames[f][24][1] = 0.6; frames[f][23][0] = 0.47; frames[f][24][0] = 0.53;
            for (int l = 25; l < 33; l++) {
                frames[f][l][1] -= 0.2 * phase; // lower legs fold relative to the hips
            }
            frames[f][13][0] += 0.1 * phase;
        }
        return frames;
    }

    @Test
    void countsEverySinusoidalRepetitionDespiteIdlePadding() {
        PeriodicRepCounter counter = new PeriodicRepCounter(5, 0.3);
        assertEquals(7, counter.count(sequence(7)));
        assertEquals(12, counter.count(sequence(12)));
    }

    @Test
    void stillSequenceHasNoRepetitions() {
        assertEquals(0, new PeriodicRepCounter(5, 0.3).countSignal(new double[100]));
    }

    @Test
    void theMovingAverageIsCentredCutAtTheEndsAndSkipsMissingFrames() {
        assertArrayEquals(new double[] {1.5, 2, 3, 3.5}, RepSignals.movingAverage(new double[] {1, 2, 3, 4}, 3), 1e-12);
        double[] gap = RepSignals.movingAverage(new double[] {1, Double.NaN, 3, 5}, 3);
        assertEquals(1, gap[0], 1e-12);
        assertTrue(Double.isNaN(gap[1]));
        assertEquals(4, gap[2], 1e-12);
        assertEquals(4, gap[3], 1e-12);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new PeriodicRepCounter(0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new PeriodicRepCounter(5, 1.5));
    }
}
