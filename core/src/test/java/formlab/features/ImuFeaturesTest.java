package formlab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.signal.Window;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImuFeaturesTest {

    static final double RATE = 12.5;

    /** acc_x = 2 sin(2 pi 1 t), acc_y = -acc_x, gyr_x = 0.5 + sin(2 pi 3 t), gyr_y = white noise; 4 s at 12.5 Hz. */
    static Window synthetic() {
        int n = 50;
        double[][] c = new double[4][n];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            double t = i / RATE;
            c[0][i] = 2 * Math.sin(2 * Math.PI * t);
            c[1][i] = -c[0][i];
            c[2][i] = 0.5 + Math.sin(2 * Math.PI * 3 * t);
            c[3][i] = random.nextGaussian();
        }
        return new Window(null, RATE, 0, 0, List.of("acc_x", "acc_y", "gyr_x", "gyr_y"), List.of("g", "g", "deg/s", "deg/s"), c);
    }

    static double feature(Window w, String name) {
        List<String> names = ImuFeatures.featureNames(w.names(), FeatureSettings.defaults());
        int index = names.indexOf(name);
        assertTrue(index >= 0, "feature " + name + " exists");
        return ImuFeatures.extract(w, FeatureSettings.defaults())[index];
    }

    @Test
    void theFeatureCodeHasAStableFingerprintForCacheKeys() {
        String fingerprint = ImuFeatures.codeFingerprint();
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertEquals(fingerprint, ImuFeatures.codeFingerprint());
    }

    @Test
    void knownSineGivesKnownTimeDomainStatistics() {
        Window w = synthetic();
        assertEquals(0, feature(w, "acc_x__mean"), 1e-9);
        assertEquals(Math.sqrt(2), feature(w, "acc_x__std"), 1e-9);
        assertEquals(Math.sqrt(2), feature(w, "acc_x__rms"), 1e-9);
        assertEquals(0, feature(w, "acc_x__p50"), 0.1);
        assertEquals(4, feature(w, "acc_x__range"), 0.05);
        assertEquals(0.5, feature(w, "gyr_x__mean"), 1e-9);
        // Two crossings per cycle at 1 Hz: at 0.5, 1, ..., 3.5 s (the sample at t = 0 lies exactly on zero),
        // so 7 crossings in the 49 sample intervals (3.92 s) of the window; the 3 Hz wave crosses its mean
        // about 6 times per second.
        assertEquals(7 / (49 / RATE), feature(w, "acc_x__zero_cross_hz"), 1e-12);
        assertEquals(6, feature(w, "gyr_x__mean_cross_hz"), 0.5);
        assertEquals(1.0, feature(w, "acc_x__acf_lag_s"), 0.02);
        assertTrue(feature(w, "acc_x__acf_peak") > 0.7);
        assertEquals(-1, feature(w, "corr__acc_x__acc_y"), 1e-12);
    }

    @Test
    void spectrumFindsTheFrequencyAndAmplitude() {
        Window w = synthetic();
        assertEquals(1.0, feature(w, "acc_x__dom_freq_hz"), 1e-9);
        assertEquals(3.0, feature(w, "gyr_x__dom_freq_hz"), 1e-9);
        assertEquals(2.0, feature(w, "acc_x__spec_1hz"), 1e-9);
        assertEquals(1.0, feature(w, "gyr_x__spec_3hz"), 1e-9);
        assertEquals(0.0, feature(w, "acc_x__spec_3hz"), 1e-9);
        assertEquals(1.0, feature(w, "acc_x__band_0.5_1.5hz"), 0.05);
        assertEquals(1.0, feature(w, "gyr_x__band_1.5_3hz") + feature(w, "gyr_x__band_3_6.25hz"), 1e-9);
        assertTrue(feature(w, "acc_x__spec_entropy") < 0.3, "a pure tone has low entropy");
        assertTrue(feature(w, "gyr_y__spec_entropy") > 0.8, "white noise has high entropy");
    }

    @Test
    void dominantFrequencyOfARepetitionRhythmBetweenBins() {
        // 0.4 Hz repetitions in an 8 s window at 25 Hz (bins every 0.125 Hz).
        int n = 200;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * 0.4 * i / 25.0);
        }
        Window w = new Window(null, 25, 0, 0, List.of("acc_vertical"), List.of("g"), new double[][] {x});
        assertEquals(0.4, feature(w, "acc_vertical__dom_freq_hz"), 0.0625 + 1e-9);
        assertEquals(2.5, feature(w, "acc_vertical__acf_lag_s"), 0.04, "within one sample (the (n - lag) / n taper pulls it slightly shorter)");
    }

    @Test
    void namesAreUniqueAndMatchTheValues() {
        Window w = synthetic();
        List<String> names = ImuFeatures.featureNames(w.names(), FeatureSettings.defaults());
        assertEquals(names.size(), new HashSet<>(names).size());
        assertEquals(names.size(), ImuFeatures.extract(w, FeatureSettings.defaults()).length);
        assertEquals(4 * 15 + 4 * 15 + 2, names.size(), "15 time + 15 spectral features per channel, 2 pairs present");
        List<String> timeOnly = ImuFeatures.featureNames(w.names(), FeatureSettings.defaults().timeDomainOnly());
        assertEquals(4 * 15 + 2, timeOnly.size());
    }

    @Test
    void windowsWithDifferentChannelsAreRejected() {
        Window a = synthetic();
        Window b = new Window(null, RATE, 0, 0, List.of("acc_x"), List.of("g"), new double[][] {new double[50]});
        assertThrows(IllegalArgumentException.class, () -> ImuFeatures.extract(List.of(a, b), FeatureSettings.defaults()));
    }
}
