package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLinearPoolingTest {

    @Test
    void poolsInLogSpaceAndRenormalises() {
        double[] a = {0.5, 0.3, 0.2};
        double[] b = {0.2, 0.6, 0.2};
        double[] product = LogLinearPooling.PRODUCT.combine(a, b);
        double sum = 0.10 + 0.18 + 0.04;
        assertArrayEquals(new double[] {0.10 / sum, 0.18 / sum, 0.04 / sum}, product, 1e-12);
        // weight 0 on the second model: the first model's probabilities, unchanged
        assertArrayEquals(a, new LogLinearPooling(1, 0).combine(a, b), 1e-12);
        // a weight of 2 is the square of the model's probabilities (sharper), renormalised
        double[] sharp = new LogLinearPooling(2, 0).combine(a, b);
        assertArrayEquals(new double[] {0.25 / 0.38, 0.09 / 0.38, 0.04 / 0.38}, sharp, 1e-12);
    }

    @Test
    void aZeroFromOneModelDoesNotVetoWhatTheOtherIsSureOf() {
        double[] forest = {0.0, 0.55, 0.45};
        double[] cnn = {0.98, 0.01, 0.01};
        double[] pooled = LogLinearPooling.PRODUCT.combine(cnn, forest);
        assertTrue(pooled[0] > 0, "the floor keeps class 0 possible");
        assertEquals(1.0, pooled[0] + pooled[1] + pooled[2], 1e-12);
    }

    @Test
    void fitGivesTheInformativeModelTheLargerWeight() {
        // model B is right 90 % of the time and sure of it; model A is a coin toss between two classes
        Random random = new Random(3);
        int n = 300;
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3);
            int other = (truth[i] + 1 + random.nextInt(2)) % 3;
            a[i] = new double[3];
            a[i][random.nextBoolean() ? truth[i] : other] = 0.7;
            for (int c = 0; c < 3; c++) {
                a[i][c] = a[i][c] == 0 ? 0.15 : a[i][c];
            }
            b[i] = new double[] {0.05, 0.05, 0.05};
            b[i][random.nextDouble() < 0.9 ? truth[i] : other] = 0.9;
        }
        LogLinearPooling fitted = LogLinearPooling.fit(a, b, truth);
        assertTrue(fitted.weightB() > fitted.weightA(), fitted.toString());
        assertTrue(fitted.logLoss(a, b, truth) <= LogLinearPooling.PRODUCT.logLoss(a, b, truth));
        assertTrue(fitted.logLoss(a, b, truth) < new LogLinearPooling(1, 0).logLoss(a, b, truth));
    }

    @Test
    void refusesMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> new LogLinearPooling(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LogLinearPooling(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLinearPooling.PRODUCT.combine(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LogLinearPooling.fit(new double[0][], new double[0][], new int[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogLinearPooling.reorder(new double[] {0.5, 0.5}, List.of("tree", "warrior"), List.of("tree", "goddess")));
        assertTrue(e.getMessage().contains("goddess"), e.getMessage());
        assertArrayEquals(new double[] {0.8, 0.2},
                LogLinearPooling.reorder(new double[] {0.2, 0.8}, List.of("tree", "warrior"), List.of("warrior", "tree")), 0);
    }
}
