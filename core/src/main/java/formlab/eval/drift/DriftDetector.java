package formlab.eval.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import smile.stat.hypothesis.KSTest;
import tech.tablesaw.api.Table;

/**
 * Compares new feature rows with a reference sample (usually the training table): per feature the
 * population stability index and the two-sample Kolmogorov-Smirnov statistic (Smile's
 * {@link KSTest}), flagged by {@link DriftThresholds}. The reference quantile bins are computed
 * once, so the detector is cheap to reuse on many batches or windows ({@link WindowedDrift}).
 */
public final class DriftDetector {

    private final List<String> features;
    private final double[][] referenceColumns;
    private final double[][] edges;
    private final DriftThresholds thresholds;

    /**
     * A detector with reference {@code rows} (one row per example, columns as {@code features}),
     * {@code bins} quantile bins for PSI, and {@code thresholds}.
     */
    public DriftDetector(List<String> features, double[][] rows, int bins, DriftThresholds thresholds) {
        this.features = List.copyOf(features);
        this.thresholds = thresholds;
        if (rows.length < bins) {
            throw new IllegalArgumentException("Reference has " + rows.length + " rows, fewer than the " + bins + " bins");
        }
        this.referenceColumns = columns(rows, features.size());
        this.edges = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            edges[j] = PopulationStability.edges(referenceColumns[j], bins);
        }
    }

    /** A detector over the named numeric columns of a reference table, 10 bins, default thresholds. */
    public static DriftDetector of(Table reference, List<String> features) {
        return new DriftDetector(features, featureRows(reference, features), 10, DriftThresholds.defaults());
    }

    /** A detector over the named numeric columns of a reference table with {@code bins} quantile bins and {@code thresholds}. */
    public static DriftDetector of(Table reference, List<String> features, int bins, DriftThresholds thresholds) {
        return new DriftDetector(features, featureRows(reference, features), bins, thresholds);
    }

    /** The thresholds flags are decided with. */
    public DriftThresholds thresholds() {
        return thresholds;
    }

    /** Feature names, in row order. */
    public List<String> features() {
        return features;
    }

    /** Drift of every feature of {@code current} (same columns as the reference). */
    public DriftReport compare(Table current) {
        return compare(featureRows(current, features));
    }

    /** Drift of every feature over {@code rows} (columns ordered as {@link #features()}). */
    public DriftReport compare(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("No rows to compare");
        }
        double[][] current = columns(rows, features.size());
        List<FeatureDrift> drifts = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            double psi = PopulationStability.psi(edges[j], referenceColumns[j], current[j]);
            KSTest ks = KSTest.test(referenceColumns[j], current[j]);
            drifts.add(new FeatureDrift(features.get(j), "numeric", referenceColumns[j].length, current[j].length,
                    String.format("mean %.4g", mean(referenceColumns[j])), String.format("mean %.4g", mean(current[j])),
                    psi, ks.d(), ks.pvalue(), thresholds.flag(psi, ks.d(), ks.pvalue())));
        }
        return new DriftReport(drifts);
    }

    /**
     * Drift of a categorical distribution, e.g. predicted or true labels: PSI over the categories
     * (no KS test; its statistic and p-value are NaN).
     */
    public static FeatureDrift categorical(String name, String[] reference, String[] current, DriftThresholds thresholds) {
        double psi = PopulationStability.psi(reference, current);
        return new FeatureDrift(name, "categorical", reference.length, current.length, shares(reference), shares(current),
                psi, Double.NaN, Double.NaN, thresholds.flag(psi, Double.NaN, Double.NaN));
    }

    private static String shares(String[] values) {
        Map<String, Long> counts = Arrays.stream(values).collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / values.length))
                .collect(Collectors.joining(", "));
    }

    /** The {@code features} columns of {@code table} as rows; fails naming the table and a missing column. */
    static double[][] featureRows(Table table, List<String> features) {
        double[][] rows = new double[table.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            if (!table.columnNames().contains(features.get(j))) {
                throw new IllegalArgumentException("Table '" + table.name() + "' has no column '" + features.get(j) + "'");
            }
            var column = table.numberColumn(features.get(j));
            for (int i = 0; i < rows.length; i++) {
                rows[i][j] = column.getDouble(i);
            }
        }
        return rows;
    }

    private static double[][] columns(double[][] rows, int width) {
        double[][] columns = new double[width][rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("Row " + i + " has " + rows[i].length + " values, expected " + width);
            }
            for (int j = 0; j < width; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return columns;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
