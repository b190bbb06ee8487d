package formlab.features;

import formlab.imu.signal.PrincipalAxis;
import formlab.imu.signal.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * How the sensor is held during a window, from the raw accelerometer and gyroscope axes. While a
 * lift is performed the wrist's orientation to gravity says a lot about the exercise (arms hanging
 * for deadlift and row, bar on the back for squat, forearm upright for bench and overhead press),
 * and the direction of the movement relative to gravity separates lifts with the same posture.
 *
 * <p>Features ({@code orient__} prefix):
 * <ul>
 *   <li>{@code grav_x, grav_y, grav_z}: unit vector of the window's mean acceleration, i.e. the
 *   gravity direction in the sensor frame (the window mean is the strongest low-pass there is);</li>
 *   <li>{@code grav_wander_deg}: largest angle between the gravity direction of a quarter of the
 *   window and that of the whole window (how much the wrist turns; small during a lift);</li>
 *   <li>{@code move_x, move_y, move_z}, {@code move_gravity_deg}, {@code move_share}: first
 *   principal axis of the accelerometer samples (the main movement direction) signed towards
 *   gravity, its angle to gravity (0-90 degrees) and the share of the variance along it;</li>
 *   <li>{@code rot_x, rot_y, rot_z}, {@code rot_gravity_deg}, {@code rot_share}: the same for the
 *   gyroscope (the main rotation axis), when {@code gyr_x..z} are present.</li>
 * </ul>
 */
final class OrientationFeatures {

    private static final String PREFIX = "orient__";

    private OrientationFeatures() {
    }

    static boolean hasAccelerometer(List<String> channels) {
        return channels.containsAll(List.of("acc_x", "acc_y", "acc_z"));
    }

    static boolean hasGyroscope(List<String> channels) {
        return channels.containsAll(List.of("gyr_x", "gyr_y", "gyr_z"));
    }

    /** Names of the features for windows with {@code channels} (empty without accelerometer axes). */
    static List<String> names(List<String> channels) {
        List<String> names = new ArrayList<>();
        if (!hasAccelerometer(channels)) {
            return names;
        }
        for (String name : List.of("grav_x", "grav_y", "grav_z", "grav_wander_deg", "move_x", "move_y", "move_z",
                "move_gravity_deg", "move_share")) {
            names.add(PREFIX + name);
        }
        if (hasGyroscope(channels)) {
            for (String name : List.of("rot_x", "rot_y", "rot_z", "rot_gravity_deg", "rot_share")) {
                names.add(PREFIX + name);
            }
        }
        return names;
    }

    /** Writes the features of {@code window} into {@code out} from index {@code k}; returns the next index. */
    static int extract(Window window, double[] out, int k) {
        List<String> channels = window.names();
        if (!hasAccelerometer(channels)) {
            return k;
        }
        double[][] acc = {window.channel("acc_x"), window.channel("acc_y"), window.channel("acc_z")};
        int n = acc[0].length;
        double[] gravity = direction(acc, 0, n);
        out[k++] = gravity[0];
        out[k++] = gravity[1];
        out[k++] = gravity[2];
        double wander = 0;
        for (int q = 0; q < 4; q++) {
            int from = q * n / 4;
            int to = (q + 1) * n / 4;
            if (to > from) {
                wander = Math.max(wander, angleDegrees(direction(acc, from, to), gravity));
            }
        }
        out[k++] = wander;
        k = axisFeatures(PrincipalAxis.of(acc), gravity, out, k);
        if (hasGyroscope(channels)) {
            double[][] gyr = {window.channel("gyr_x"), window.channel("gyr_y"), window.channel("gyr_z")};
            k = axisFeatures(PrincipalAxis.of(gyr), gravity, out, k);
        }
        return k;
    }

    private static int axisFeatures(PrincipalAxis axis, double[] gravity, double[] out, int k) {
        PrincipalAxis signed = axis.signedAlong(gravity);
        out[k++] = signed.x();
        out[k++] = signed.y();
        out[k++] = signed.z();
        out[k++] = axis.share() == 0 ? 90 : angleDegrees(signed.vector(), gravity);
        out[k++] = signed.share();
        return k;
    }

    /** Unit vector of the mean of samples {@code from..to-1}; {@code [0, 0, 0]} when the mean is 0. */
    static double[] direction(double[][] xyz, int from, int to) {
        double[] d = new double[3];
        for (int a = 0; a < 3; a++) {
            for (int i = from; i < to; i++) {
                d[a] += xyz[a][i];
            }
        }
        double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        if (norm > 0) {
            for (int a = 0; a < 3; a++) {
                d[a] /= norm;
            }
        }
        return d;
    }

    /** Angle between two unit vectors, degrees (0 when either is zero). */
    static double angleDegrees(double[] a, double[] b) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        if (a[0] == 0 && a[1] == 0 && a[2] == 0 || b[0] == 0 && b[1] == 0 && b[2] == 0) {
            return 0;
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }
}
