package formlab.imu.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the derived channels that windows and features use from the six raw axes on one grid
 * (as {@link CausalAligner} makes them): low-pass if asked, then the channel groups of
 * {@link SignalSettings#channels()} in {@link ChannelGroup} order. The exercise pipeline
 * ({@code formlab.exercise.ExercisePipeline}) calls it on each window's own samples; it is the one
 * way from a recording to windows.
 */
public final class SignalPreparation {

    private SignalPreparation() {
    }

    /**
     * Builds the chosen channel groups from a signal holding {@code acc_x..z} and {@code gyr_x..z}
     * at {@code settings.rateHz()} (for example one assembled from a live stream).
     */
    public static AlignedSignal derive(AlignedSignal axes, SignalSettings settings) {
        double rate = axes.rateHz();
        double[][] acc = new double[3][];
        double[][] gyr = new double[3][];
        for (int a = 0; a < 3; a++) {
            acc[a] = axes.channel("acc_" + "xyz".charAt(a));
            gyr[a] = axes.channel("gyr_" + "xyz".charAt(a));
            if (settings.lowPassHz() > 0) {
                Butterworth low = Butterworth.lowPass(settings.filterOrder(), settings.lowPassHz(), rate);
                acc[a] = low.filtfilt(acc[a]);
                gyr[a] = low.filtfilt(gyr[a]);
            }
        }
        int n = axes.length();
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<double[]> channels = new ArrayList<>();
        double[][] gravity = null;
        for (ChannelGroup group : ChannelGroup.values()) {
            if (!settings.channels().contains(group)) {
                continue;
            }
            if (gravity == null && group.compareTo(ChannelGroup.GRAVITY_FRAME) >= 0) {
                gravity = gravity(acc, settings.gravityCutoffHz(), rate);
            }
            switch (group) {
                case AXES -> {
                    for (int a = 0; a < 3; a++) {
                        add(names, units, channels, "acc_" + "xyz".charAt(a), "g", acc[a]);
                    }
                    for (int a = 0; a < 3; a++) {
                        add(names, units, channels, "gyr_" + "xyz".charAt(a), "deg/s", gyr[a]);
                    }
                }
                case MAGNITUDES -> {
                    add(names, units, channels, "acc_mag", "g", Channels.magnitude(acc));
                    add(names, units, channels, "gyr_mag", "deg/s", Channels.magnitude(gyr));
                }
                case GRAVITY_FRAME -> {
                    double[][] linear = Channels.subtract(acc, gravity);
                    double[][] accSplit = Channels.alongAndAcross(linear, gravity);
                    double[][] gyrSplit = Channels.alongAndAcross(gyr, gravity);
                    add(names, units, channels, "acc_vertical", "g", accSplit[0]);
                    add(names, units, channels, "acc_horizontal", "g", accSplit[1]);
                    add(names, units, channels, "gyr_vertical", "deg/s", gyrSplit[0]);
                    add(names, units, channels, "gyr_horizontal", "deg/s", gyrSplit[1]);
                }
                case LINEAR_AXES -> {
                    double[][] linear = Channels.subtract(acc, gravity);
                    for (int a = 0; a < 3; a++) {
                        add(names, units, channels, "acc_lin_" + "xyz".charAt(a), "g", linear[a]);
                    }
                }
                case GRAVITY -> {
                    for (int a = 0; a < 3; a++) {
                        add(names, units, channels, "grav_" + "xyz".charAt(a), "g", gravity[a]);
                    }
                }
            }
        }
        assert channels.stream().allMatch(c -> c.length == n);
        return new AlignedSignal(axes.info().orElse(null), rate, axes.startMillis(), names, units,
                channels.toArray(new double[0][]));
    }

    /** Gravity estimate: each accelerometer axis low-passed (zero phase, order 2) at {@code cutoffHz}. */
    static double[][] gravity(double[][] acc, double cutoffHz, double rateHz) {
        Butterworth low = Butterworth.lowPass(2, cutoffHz, rateHz);
        return new double[][] {low.filtfilt(acc[0]), low.filtfilt(acc[1]), low.filtfilt(acc[2])};
    }

    private static void add(List<String> names, List<String> units, List<double[]> channels, String name, String unit,
                            double[] values) {
        names.add(name);
        units.add(unit);
        channels.add(values);
    }
}
