package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulatedSet;
import formlab.imu.sim.SimulationSettings;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalPreparationTest {

    static ImuRecording simulatedSet(int index) {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(11, 1, 1, 1, true, 0));
        SimulatedSet set = simulator.plan().get(index);
        return simulator.simulate(set);
    }

    /** The channels of a whole recording: its causally aligned grid, derived in one piece. */
    static AlignedSignal prepare(ImuRecording recording, SignalSettings settings) {
        List<AlignedSignal> segments = CausalAligner.align(recording, settings.rateHz(), CausalAligner.DEFAULT_MAX_GAP_SECONDS);
        assertEquals(1, segments.size(), "a simulated set has no long gap");
        return SignalPreparation.derive(segments.getFirst(), settings);
    }

    /** The same recording as if the sensor had been strapped on turned by a fixed rotation. */
    static ImuRecording rotated(ImuRecording r) {
        double[][] m = rotation(0.7, 0.3, -0.4);
        return new ImuRecording(r.info(), rotate(r.accelerometer(), m), rotate(r.gyroscope(), m), List.of());
    }

    static double[][] rotation(double ax, double ay, double az) {
        double[][] rx = {{1, 0, 0}, {0, Math.cos(ax), -Math.sin(ax)}, {0, Math.sin(ax), Math.cos(ax)}};
        double[][] ry = {{Math.cos(ay), 0, Math.sin(ay)}, {0, 1, 0}, {-Math.sin(ay), 0, Math.cos(ay)}};
        double[][] rz = {{Math.cos(az), -Math.sin(az), 0}, {Math.sin(az), Math.cos(az), 0}, {0, 0, 1}};
        return multiply(rz, multiply(ry, rx));
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static SensorSeries rotate(SensorSeries s, double[][] m) {
        double[][] out = new double[3][s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int a = 0; a < 3; a++) {
                out[a][i] = m[a][0] * s.value(0, i) + m[a][1] * s.value(1, i) + m[a][2] * s.value(2, i);
            }
        }
        return new SensorSeries(s.kind(), s.nominalRateHz(), s.epochMillis(), out[0], out[1], out[2]);
    }

    @Test
    void magnitudesAndGravityFrameDoNotDependOnSensorOrientation() {
        ImuRecording original = simulatedSet(3);
        SignalSettings settings = SignalSettings.defaults().withRate(25)
                .withChannels(EnumSet.of(ChannelGroup.AXES, ChannelGroup.MAGNITUDES, ChannelGroup.GRAVITY_FRAME));
        AlignedSignal a = prepare(original, settings);
        AlignedSignal b = prepare(rotated(original), settings);
        for (String name : List.of("acc_mag", "gyr_mag", "acc_vertical", "acc_horizontal", "gyr_vertical", "gyr_horizontal")) {
            double[] x = a.channel(name);
            double[] y = b.channel(name);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 1e-9, name + " sample " + i);
            }
        }
        double[] rawA = a.channel("acc_x");
        double[] rawB = b.channel("acc_x");
        assertTrue(java.util.stream.IntStream.range(0, rawA.length).anyMatch(i -> Math.abs(rawA[i] - rawB[i]) > 0.1),
                "raw axes do change with orientation");
    }

    @Test
    void gravityFrameSeparatesGravityFromMovement() {
        ImuRecording set = simulatedSet(0);
        AlignedSignal signal = prepare(set, SignalSettings.defaults()
                .withChannels(EnumSet.of(ChannelGroup.GRAVITY, ChannelGroup.GRAVITY_FRAME, ChannelGroup.MAGNITUDES)));
        double[] vertical = signal.channel("acc_vertical");
        double meanVertical = java.util.Arrays.stream(vertical).average().orElseThrow();
        assertEquals(0.0, meanVertical, 0.02, "gravity removed: the vertical movement averages out");
        double[] gravity = formlab.imu.signal.Channels.magnitude(new double[][] {
                signal.channel("grav_x"), signal.channel("grav_y"), signal.channel("grav_z")});
        assertEquals(1.0, java.util.Arrays.stream(gravity).average().orElseThrow(), 0.05);
        assertEquals(List.of("acc_mag", "gyr_mag", "acc_vertical", "acc_horizontal", "gyr_vertical", "gyr_horizontal",
                "grav_x", "grav_y", "grav_z"), signal.names());
    }

    @Test
    void lowPassSettingSmoothsTheAxes() {
        ImuRecording set = simulatedSet(1);
        AlignedSignal raw = prepare(set, SignalSettings.defaults());
        AlignedSignal smooth = prepare(set, SignalSettings.defaults().withLowPass(1.0));
        assertTrue(roughness(smooth.channel("gyr_z")) < 0.5 * roughness(raw.channel("gyr_z")));
        assertEquals(raw.length(), smooth.length());
        assertEquals(SensorKind.GYROSCOPE.unit().symbol(), smooth.units().get(smooth.indexOf("gyr_z")));
    }

    /** Mean absolute second difference: large for noisy signals. */
    static double roughness(double[] x) {
        double sum = 0;
        for (int i = 1; i + 1 < x.length; i++) {
            sum += Math.abs(x[i + 1] - 2 * x[i] + x[i - 1]);
        }
        return sum / (x.length - 2);
    }
}
