package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ButterworthTest {

    static final double RATE = 25.0;

    static double[] sine(double frequencyHz, double rateHz, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * frequencyHz * i / rateHz);
        }
        return x;
    }

    /** Amplitude of the middle half of a signal (edges excluded). */
    static double middleAmplitude(double[] x) {
        double max = 0;
        for (int i = x.length / 4; i < 3 * x.length / 4; i++) {
            max = Math.max(max, Math.abs(x[i]));
        }
        return max;
    }

    /** Lag (samples, -10..10) maximising the cross-correlation of y against x in the middle half. */
    static int lag(double[] x, double[] y) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int lag = -10; lag <= 10; lag++) {
            double sum = 0;
            for (int i = x.length / 4; i < 3 * x.length / 4; i++) {
                sum += x[i] * y[i + lag];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void designedGainIsButterworth() {
        for (int order : new int[] {1, 2, 3, 4, 5, 8}) {
            Butterworth low = Butterworth.lowPass(order, 2.0, RATE);
            assertEquals(1.0, low.gain(0), 1e-12, "unit DC gain, order " + order);
            assertEquals(1 / Math.sqrt(2), low.gain(2.0), 1e-9, "-3 dB at cut-off, order " + order);
            Butterworth high = Butterworth.highPass(order, 2.0, RATE);
            assertEquals(0.0, high.gain(0), 1e-12);
            assertEquals(1 / Math.sqrt(2), high.gain(2.0), 1e-9);
            assertEquals(1.0, high.gain(RATE / 2), 1e-9);
        }
        // Steeper with order: the attenuation at twice the cut-off grows with the order.
        assertTrue(Butterworth.lowPass(4, 2.0, RATE).gain(4.0) < Butterworth.lowPass(2, 2.0, RATE).gain(4.0));
    }

    @Test
    void filtfiltPassesLowStopsHighAndHalvesAtCutoff() {
        Butterworth low = Butterworth.lowPass(4, 2.0, RATE);
        assertEquals(1.0, middleAmplitude(low.filtfilt(sine(0.4, RATE, 500))), 0.01);
        assertEquals(0.5, middleAmplitude(low.filtfilt(sine(2.0, RATE, 500))), 0.02);
        assertTrue(middleAmplitude(low.filtfilt(sine(8.0, RATE, 500))) < 1e-3);
    }

    @Test
    void filtfiltHasNoLagWhereACausalFilterLags() {
        Butterworth low = Butterworth.lowPass(4, 2.0, RATE);
        double[] x = sine(0.8, RATE, 500);
        assertEquals(0, lag(x, low.filtfilt(x)));
        assertTrue(lag(x, low.filter(x)) >= 2, "the causal filter delays the wave");
        double[] y = low.filtfilt(x);
        for (int i = 50; i < 450; i++) {
            assertEquals(x[i], y[i], 0.02, "sample " + i);
        }
    }

    @Test
    void edgesStartWithoutTransient() {
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, 0.97);
        double[] y = Butterworth.lowPass(4, 0.4, 12.5).filtfilt(constant);
        for (double v : y) {
            assertEquals(0.97, v, 1e-9);
        }
        Butterworth.Stream stream = Butterworth.lowPass(4, 0.4, 12.5).stream();
        for (double v : constant) {
            assertEquals(0.97, stream.next(v), 1e-9);
        }
    }

    @Test
    void highPassRemovesGravityOffset() {
        double[] x = sine(1.5, RATE, 500);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.98;
        }
        double[] y = Butterworth.highPass(2, 0.3, RATE).filtfilt(x);
        double mean = java.util.Arrays.stream(y, 125, 375).average().orElseThrow();
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, middleAmplitude(y), 0.03);
    }

    @Test
    void rejectsCutoffAtOrAboveNyquist() {
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(4, 6.25, 12.5));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 1, 12.5));
    }

    @Test
    void shortSignalsDoNotFail() {
        Butterworth low = Butterworth.lowPass(4, 1.0, RATE);
        assertEquals(0, low.filtfilt(new double[0]).length);
        assertEquals(3.0, low.filtfilt(new double[] {3.0})[0]);
        assertEquals(5, low.filtfilt(new double[] {1, 2, 3, 4, 5}).length);
    }
}
