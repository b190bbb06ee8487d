package formlab.imu.reps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeaksTest {

    @Test
    void localMaximaSkipEdgesAndTakeTheMiddleOfFlatTops() {
        double[] x = {5, 1, 3, 1, 2, 4, 4, 4, 1, 0, 6};
        assertArrayEquals(new int[] {2, 6}, Peaks.localMaxima(x));
        assertArrayEquals(new int[0], Peaks.localMaxima(new double[] {1, 2, 3}));
        assertArrayEquals(new int[0], Peaks.localMaxima(new double[] {1, 2, 2}), "a flat top at the end is no peak");
    }

    @Test
    void prominenceIsHeightAboveTheHigherOfTheTwoBases() {
        double[] x = {0, 3, 1, 5, 2, 4, 0};
        // Peak 3 (height 3): left base 0, right side rises to 5 after falling to 1 -> base max(0, 1) = 1.
        assertEquals(2, Peaks.prominence(x, 1), 1e-12);
        // Peak at 5 is the highest: bases are the minima to both ends, 0 and 0.
        assertEquals(5, Peaks.prominence(x, 3), 1e-12);
        // Peak 4: left it falls to 2 before 5; right to 0 -> base 2.
        assertEquals(2, Peaks.prominence(x, 5), 1e-12);
        assertArrayEquals(new int[] {3}, Peaks.find(x, 2.5));
    }

    @Test
    void sineHasOnePeakPerCycle() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * i / 40.0 + 0.3);
        }
        assertEquals(5, Peaks.find(x, 0.5).length);
    }
}
