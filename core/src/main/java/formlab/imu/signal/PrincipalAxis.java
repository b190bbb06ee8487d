package formlab.imu.signal;

/**
 * The direction along which three-axis samples vary most: the first principal axis of their
 * (mean-removed) covariance, with the share of the variance it explains. Used by repetition
 * counting (the direction the wrist moves most) and by the orientation features (the angle
 * between that direction and gravity).
 *
 * <p>A 3x3 symmetric eigenproblem is solved by power iteration from a fixed start vector, so
 * the result is deterministic; Smile's PCA would need a data frame per window, which costs more
 * than the whole calculation here (it runs once per window, also on the Pi).
 *
 * @param x        x component of the unit axis
 * @param y        y component
 * @param z        z component
 * @param share    variance along the axis divided by the total variance (1/3 to 1; 0 for constant samples)
 * @param mean     per-axis means of the samples ({@code [3]})
 */
public record PrincipalAxis(double x, double y, double z, double share, double[] mean) {

    /** The first principal axis of {@code xyz} ({@code [3][n]}), with an arbitrary sign. */
    public static PrincipalAxis of(double[][] xyz) {
        int n = xyz[0].length;
        double[] mean = new double[3];
        for (int a = 0; a < 3; a++) {
            mean[a] = java.util.Arrays.stream(xyz[a]).average().orElse(0);
        }
        double[][] cov = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double da = xyz[a][i] - mean[a];
                for (int b = a; b < 3; b++) {
                    cov[a][b] += da * (xyz[b][i] - mean[b]);
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[] v = {0.5773502691896258, 0.5773502691896258, 0.5773502691896258};
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] w = new double[3];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    w[a] += cov[a][b] * v[b];
                }
            }
            double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            if (norm == 0) {
                break;
            }
            for (int a = 0; a < 3; a++) {
                v[a] = w[a] / norm;
            }
        }
        double trace = cov[0][0] + cov[1][1] + cov[2][2];
        double along = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                along += v[a] * cov[a][b] * v[b];
            }
        }
        return new PrincipalAxis(v[0], v[1], v[2], trace == 0 ? 0 : along / trace, mean.clone());
    }

    public PrincipalAxis {
        mean = mean.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The axis as {@code [x, y, z]}. */
    public double[] vector() {
        return new double[] {x, y, z};
    }

    /** This axis or its opposite, whichever has a non-negative dot product with {@code direction}. */
    public PrincipalAxis signedAlong(double[] direction) {
        double dot = x * direction[0] + y * direction[1] + z * direction[2];
        return dot >= 0 ? this : new PrincipalAxis(-x, -y, -z, share, mean);
    }

    /** Projection of every sample on the axis, after removing the means. */
    public double[] project(double[][] xyz) {
        int n = xyz[0].length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x * (xyz[0][i] - mean[0]) + y * (xyz[1][i] - mean[1]) + z * (xyz[2][i] - mean[2]);
        }
        return out;
    }
}
