package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.SetInfo;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    static final SetInfo INFO = new SetInfo("T", Exercise.ROW, Intensity.MEDIUM, "", 1, 0,
            LocalDateTime.of(2024, 1, 1, 12, 0), "ABC", false);

    /** A series whose axes are linear in time: a + b t (t in s since 1_000_000 ms). */
    static SensorSeries linear(SensorKind kind, double rate, long[] times) {
        double[][] axes = new double[3][times.length];
        for (int i = 0; i < times.length; i++) {
            double t = (times[i] - 1_000_000) / 1000.0;
            axes[0][i] = 0.5 + 2 * t;
            axes[1][i] = -1 + 0.25 * t;
            axes[2][i] = 3 - t;
        }
        return new SensorSeries(kind, rate, times, axes[0], axes[1], axes[2]);
    }

    static long[] times(long first, long period, int n, int gapAfter, long gap) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + (long) i * period + (i > gapAfter ? gap : 0);
        }
        return t;
    }

    @Test
    void linearSignalsAreReproducedExactlyOnTheCommonGrid() {
        SensorSeries acc = linear(SensorKind.ACCELEROMETER, 12.5, times(1_000_161, 80, 120, 40, 1_000));
        SensorSeries gyr = linear(SensorKind.GYROSCOPE, 25, times(1_000_081, 40, 260, 500, 0));
        ImuRecording recording = new ImuRecording(INFO, acc, gyr, List.of());
        for (double rate : new double[] {12.5, 25, 50, 7}) {
            AlignedSignal signal = Resampler.resample(recording, rate);
            assertEquals(recording.overlapStartMillis(), signal.startMillis(), 1e-9);
            assertEquals(List.of("acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"), signal.names());
            double lastMillis = signal.startMillis() + (signal.length() - 1) * 1000 / rate;
            assertEquals(true, lastMillis <= recording.overlapEndMillis() && lastMillis + 1000 / rate > recording.overlapEndMillis());
            if (rate > 25) {
                // Upsampling adds no anti-alias filter: interpolation of a line is exact, gaps included.
                for (int i = 0; i < signal.length(); i++) {
                    double t = (signal.startMillis() + i * 1000 / rate - 1_000_000) / 1000.0;
                    assertEquals(0.5 + 2 * t, signal.value(0, i), 1e-9);
                    assertEquals(-1 + 0.25 * t, signal.value(4, i), 1e-9);
                    assertEquals(3 - t, signal.value(5, i), 1e-9);
                }
            }
        }
    }

    @Test
    void downsamplingKeepsSlowMovementAndDropsFastVibration() {
        long[] t = times(2_000_000, 40, 1000, 10_000, 0);
        double[] slow = new double[t.length];
        double[] zero = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double s = i / 25.0;
            slow[i] = Math.sin(2 * Math.PI * 0.5 * s) + 0.5 * Math.sin(2 * Math.PI * 11 * s);
        }
        SensorSeries gyr = new SensorSeries(SensorKind.GYROSCOPE, 25, t, slow, zero, zero);
        SensorSeries acc = new SensorSeries(SensorKind.ACCELEROMETER, 12.5, times(2_000_000, 80, 500, 10_000, 0),
                new double[500], new double[500], new double[500]);
        AlignedSignal signal = Resampler.resample(new ImuRecording(INFO, acc, gyr, List.of()), 12.5);
        double[] x = signal.channel("gyr_x");
        for (int i = 100; i < x.length - 100; i++) {
            // At 12.5 Hz an 11 Hz vibration would alias to 1.5 Hz; the anti-alias filter removes it.
            assertEquals(Math.sin(2 * Math.PI * 0.5 * i / 12.5), x[i], 0.03, "sample " + i);
        }
    }

    @Test
    void interpolateHoldsEndValuesOutsideTheSamples() {
        double[] out = Resampler.interpolate(new long[] {10, 20}, new double[] {1, 3}, new double[] {0, 10, 15, 20, 30});
        assertEquals(List.of(1.0, 1.0, 2.0, 3.0, 3.0), java.util.Arrays.stream(out).boxed().toList());
    }
}
