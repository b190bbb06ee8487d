package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalPoolingTest {

    @Test
    void windowStatisticsMatchHandComputedValues() {
        double[][] frames = {{1}, {3}, {Double.NaN}, {8}, {2}};
        double[][] pooled = CausalPooling.of(3).apply(frames);
        // output order per feature: mean, std, min, max
        assertArrayEquals(new double[] {1, 0, 1, 1}, pooled[0], 1e-12);
        assertArrayEquals(new double[] {2, 1, 1, 3}, pooled[1], 1e-12);
        assertArrayEquals(new double[] {2, 1, 1, 3}, pooled[2], 1e-12, "NaN is left out");
        assertArrayEquals(new double[] {5.5, 2.5, 3, 8}, pooled[3], 1e-12, "window {3, NaN, 8}");
        assertArrayEquals(new double[] {5, 3, 2, 8}, pooled[4], 1e-12, "window {NaN, 8, 2}");
    }

    @Test
    void expandingWindowUsesEveryPastFrame() {
        double[][] frames = {{2, 10}, {4, Double.NaN}, {6, 30}};
        CausalPooling pooling = new CausalPooling(CausalPooling.EXPANDING, EnumSet.of(CausalPooling.Stat.MEAN, CausalPooling.Stat.MAX));
        double[][] pooled = pooling.apply(frames);
        assertArrayEquals(new double[] {4, 6, 20, 30}, pooled[2], 1e-12);
        assertEquals(List.of("a_mean_all", "a_max_all", "b_mean_all", "b_max_all"), pooling.names(List.of("a", "b")));
    }

    @Test
    void onlyPastAndPresentFramesCount() {
        double[][] frames = new double[40][2];
        for (int t = 0; t < frames.length; t++) {
            frames[t] = new double[] {Math.sin(t), t * 0.5};
        }
        double[][] before = CausalPooling.of(7).apply(frames);
        double[][] changed = frames.clone();
        for (int t = 25; t < frames.length; t++) {
            changed[t] = new double[] {100, -100};
        }
        double[][] after = CausalPooling.of(7).apply(changed);
        for (int t = 0; t < 25; t++) {
            assertArrayEquals(before[t], after[t], "frame " + t + " must not see later frames");
        }
        assertFalse(java.util.Arrays.equals(before[25], after[25]));
    }

    @Test
    void allNaNWindowGivesNaNAndResetForgets() {
        CausalPooling.Window window = CausalPooling.of(2).start(1);
        assertTrue(Double.isNaN(window.push(new double[] {Double.NaN})[0]));
        window.push(new double[] {5});
        window.reset();
        assertArrayEquals(new double[] {1, 0, 1, 1}, window.push(new double[] {1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> window.push(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> CausalPooling.of(0));
    }
}
