package formlab.imu.signal;

/** Element-wise operations on three-axis signals stored as {@code [axis][sample]}. */
public final class Channels {

    private Channels() {
    }

    /** Euclidean norm per sample. */
    public static double[] magnitude(double[][] xyz) {
        int n = xyz[0].length;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = Math.sqrt(xyz[0][i] * xyz[0][i] + xyz[1][i] * xyz[1][i] + xyz[2][i] * xyz[2][i]);
        }
        return m;
    }

    /** {@code a - b} per axis and sample. */
    public static double[][] subtract(double[][] a, double[][] b) {
        double[][] out = new double[3][a[0].length];
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < a[0].length; i++) {
                out[axis][i] = a[axis][i] - b[axis][i];
            }
        }
        return out;
    }

    /**
     * Splits {@code v} into its signed component along {@code direction} (normalised per sample)
     * and the norm of the rest: {@code [along, across]}. Where the direction has zero length,
     * everything counts as across.
     */
    public static double[][] alongAndAcross(double[][] v, double[][] direction) {
        int n = v[0].length;
        double[] along = new double[n];
        double[] across = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = direction[0][i];
            double dy = direction[1][i];
            double dz = direction[2][i];
            double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double vx = v[0][i];
            double vy = v[1][i];
            double vz = v[2][i];
            double total = Math.sqrt(vx * vx + vy * vy + vz * vz);
            if (norm == 0) {
                across[i] = total;
                continue;
            }
            double a = (vx * dx + vy * dy + vz * dz) / norm;
            along[i] = a;
            across[i] = Math.sqrt(Math.max(0, total * total - a * a));
        }
        return new double[][] {along, across};
    }
}
