package formlab.eval.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Population stability index: {@code sum over bins of (current share - reference share) * ln(current / reference)}.
 * Numeric values are binned at the reference sample's quantiles, so each bin holds about the same
 * share of the reference; empty bins get a small floor share so the logarithm stays finite.
 * Smile has no PSI, hence this small implementation.
 */
public final class PopulationStability {

    /** Share given to an empty bin. */
    static final double FLOOR = 1e-4;

    private PopulationStability() {
    }

    /** Interior bin edges at the {@code bins}-quantiles of {@code reference} (duplicates removed). */
    public static double[] edges(double[] reference, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("Need at least 2 bins, got " + bins);
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        TreeSet<Double> edges = new TreeSet<>();
        for (int b = 1; b < bins; b++) {
            edges.add(sorted[Math.min(sorted.length - 1, (int) Math.floor((double) b * sorted.length / bins))]);
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** PSI of {@code current} against {@code reference}, binned at the reference's quantiles. */
    public static double psi(double[] reference, double[] current, int bins) {
        return psi(edges(reference, bins), reference, current);
    }

    /** PSI with given interior bin edges (bins are (-inf, e0), [e0, e1), ..., [e_last, inf)). */
    public static double psi(double[] edges, double[] reference, double[] current) {
        return psi(shares(edges, reference), shares(edges, current));
    }

    /** PSI over categories (labels, predictions); categories missing on one side get the floor share. */
    public static double psi(String[] reference, String[] current) {
        Map<String, double[]> shares = new LinkedHashMap<>();
        for (String value : reference) {
            shares.computeIfAbsent(value, k -> new double[2])[0] += 1.0 / reference.length;
        }
        for (String value : current) {
            shares.computeIfAbsent(value, k -> new double[2])[1] += 1.0 / current.length;
        }
        double[] r = shares.values().stream().mapToDouble(s -> s[0]).toArray();
        double[] c = shares.values().stream().mapToDouble(s -> s[1]).toArray();
        return psi(r, c);
    }

    private static double psi(double[] referenceShares, double[] currentShares) {
        double psi = 0;
        for (int b = 0; b < referenceShares.length; b++) {
            double r = Math.max(FLOOR, referenceShares[b]);
            double c = Math.max(FLOOR, currentShares[b]);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    private static double[] shares(double[] edges, double[] values) {
        double[] shares = new double[edges.length + 1];
        for (double v : values) {
            int bin = Arrays.binarySearch(edges, v);
            bin = bin >= 0 ? bin + 1 : -bin - 1;
            shares[bin] += 1.0 / values.length;
        }
        return shares;
    }
}
