package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.SetInfo;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalAlignerTest {

    /** Collects the grid and the restarts. */
    static final class Sink implements CausalAligner.Output {
        final List<double[]> samples = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        final List<String> restarts = new ArrayList<>();

        @Override
        public void sample(double epochMillis, double[] values) {
            times.add(epochMillis);
            samples.add(values);
        }

        @Override
        public void restart(long epochMillis, String reason) {
            restarts.add(reason);
        }
    }

    /** Accelerometer at 12.5 Hz from t = 1000 ms, gyroscope at 25 Hz from t = 1030 ms; slow sines (0.5 Hz). */
    static double acc(long t) {
        return Math.sin(2 * Math.PI * 0.5 * t / 1000.0);
    }

    static double gyr(long t) {
        return 10 * Math.cos(2 * Math.PI * 0.5 * t / 1000.0);
    }

    @Test
    void gridStartsAtTheLaterSensorAndFollowsTheSignal() {
        Sink sink = new Sink();
        CausalAligner aligner = new CausalAligner(12.5, 12.5, 25, 5, sink);
        feedInTimeOrder(aligner, 0, 10_000);
        assertEquals(1030.0, sink.times.getFirst(), "origin = the gyroscope's first sample");
        assertEquals(80.0, sink.times.get(1) - sink.times.get(0), 1e-9);
        // the accelerometer is interpolated linearly: at 0.5 Hz and 12.5 Hz the error stays small
        for (int i = 0; i < sink.samples.size(); i++) {
            long t = Math.round(sink.times.get(i));
            assertEquals(acc(t), sink.samples.get(i)[0], 0.02, "acc_x at " + t);
        }
        // the gyroscope is low-passed causally at 5 Hz before decimation: a 0.5 Hz wave is delayed a little, not damped
        double peak = sink.samples.stream().skip(30).mapToDouble(v -> v[3]).max().orElseThrow();
        assertEquals(10, peak, 0.3);
        assertTrue(sink.restarts.isEmpty());
    }

    @Test
    void outputDoesNotDependOnHowTheSensorsInterleave() {
        Sink inOrder = new Sink();
        feedInTimeOrder(new CausalAligner(12.5, 12.5, 25, 5, inOrder), 0, 6_000);
        Sink bursts = new Sink();
        CausalAligner aligner = new CausalAligner(12.5, 12.5, 25, 5, bursts);
        // the same samples, but the gyroscope arrives in one-second bursts ahead of the accelerometer
        for (long second = 0; second < 6; second++) {
            for (long t = 1030; t < 7000; t += 40) {
                if (t >= 1000 + second * 1000 && t < 2000 + second * 1000) {
                    aligner.add(SensorKind.GYROSCOPE, t, gyr(t), 0, 0);
                }
            }
            for (long t = 1000; t < 7000; t += 80) {
                if (t >= 1000 + second * 1000 && t < 2000 + second * 1000) {
                    aligner.add(SensorKind.ACCELEROMETER, t, acc(t), 0, 1);
                }
            }
        }
        assertEquals(inOrder.times, bursts.times);
        for (int i = 0; i < inOrder.samples.size(); i++) {
            assertArrayEquals(inOrder.samples.get(i), bursts.samples.get(i), 0.0);
        }
    }

    @Test
    void shortGapsAreBridgedLongGapsRestartAndJitterIsDropped() {
        Sink sink = new Sink();
        CausalAligner aligner = new CausalAligner(12.5, 12.5, 25, 5, sink);
        feedInTimeOrder(aligner, 0, 3_000);
        int before = sink.samples.size();
        feedInTimeOrder(aligner, 3_000, 6_000 + 3_000); // shifted by nothing: continuous
        aligner.add(SensorKind.ACCELEROMETER, 9_900, 0, 1, 0); // behind the previous sample: dropped
        assertEquals(1, aligner.droppedSamples());
        // a 4 s hole in both sensors is bridged
        feedShifted(aligner, 14_000, 16_000);
        assertTrue(sink.restarts.isEmpty());
        assertTrue(sink.samples.size() > before);
        // a 6 s hole restarts the grid at the later sensor's first sample after it
        feedShifted(aligner, 22_000, 25_000);
        assertEquals(1, sink.restarts.size());
        assertTrue(sink.restarts.getFirst().contains("gap of 6.0"), sink.restarts.getFirst());
        assertTrue(sink.times.contains(22_030.0), "new origin at the gyroscope's first sample after the gap");
    }

    static void feedInTimeOrder(CausalAligner aligner, long from, long to) {
        feed(aligner, 1000 + from, 1030 + from, 1000 + to);
    }

    static void feedShifted(CausalAligner aligner, long from, long to) {
        feed(aligner, from, from + 30, to);
    }

    static void feed(CausalAligner aligner, long accStart, long gyrStart, long end) {
        long a = accStart;
        long g = gyrStart;
        while (a < end || g < end) {
            if (a < end && (a <= g || g >= end)) {
                aligner.add(SensorKind.ACCELEROMETER, a, acc(a), 0, 1);
                a += 80;
            } else {
                aligner.add(SensorKind.GYROSCOPE, g, gyr(g), 0, 0);
                g += 40;
            }
        }
    }

    @Test
    void gyroscopeFasterThanTheGridIsFilteredBeforeAFastVibrationCanAlias() {
        SetInfo info = new SetInfo("T", Exercise.ROW, Intensity.MEDIUM, "", 1, 0, LocalDateTime.of(2024, 1, 1, 12, 0), "ABC", false);
        int n = 1000;
        long[] gyrTimes = new long[n];
        double[] slow = new double[n];
        double[] shaken = new double[n];
        double[] zero = new double[n];
        for (int i = 0; i < n; i++) {
            gyrTimes[i] = 2_000_000 + 40L * i;
            double s = i / 25.0;
            slow[i] = Math.sin(2 * Math.PI * 0.5 * s);
            shaken[i] = slow[i] + 0.5 * Math.sin(2 * Math.PI * 11 * s);
        }
        long[] accTimes = new long[n / 2];
        for (int i = 0; i < accTimes.length; i++) {
            accTimes[i] = 2_000_000 + 80L * i;
        }
        double[] still = new double[accTimes.length];
        SensorSeries acc = new SensorSeries(SensorKind.ACCELEROMETER, 12.5, accTimes, still, still, still);
        double[] plain = CausalAligner.align(new ImuRecording(info, acc, new SensorSeries(SensorKind.GYROSCOPE, 25, gyrTimes,
                slow, zero, zero), List.of()), 12.5, 5).getFirst().channel("gyr_x");
        double[] withVibration = CausalAligner.align(new ImuRecording(info, acc, new SensorSeries(SensorKind.GYROSCOPE, 25,
                gyrTimes, shaken, zero, zero), List.of()), 12.5, 5).getFirst().channel("gyr_x");
        assertEquals(plain.length, withVibration.length);
        assertTrue(plain.length > 400, "about 40 s at 12.5 Hz");
        for (int i = 100; i < plain.length; i++) {
            // at 12.5 Hz an 11 Hz vibration would alias to 1.5 Hz; the anti-alias filter removes it
            assertEquals(plain[i], withVibration[i], 0.03, "sample " + i);
        }
    }
}
