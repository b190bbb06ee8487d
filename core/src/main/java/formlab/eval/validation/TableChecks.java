package formlab.eval.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks over a Tablesaw table (recording, feature table, landmark table): schema, missing
 * values, label distribution and per-group coverage. Each returns findings for a
 * {@link ValidationReport}; nothing throws on bad data.
 */
public final class TableChecks {

    private TableChecks() {
    }

    /**
     * Columns present with the right type and values within range; extra columns are a warning
     * unless {@code allowExtraColumns}.
     */
    public static List<Finding> schema(Table table, List<ColumnRule> rules, boolean allowExtraColumns) {
        String check = "schema";
        List<Finding> findings = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        for (ColumnRule rule : rules) {
            expected.add(rule.name());
            if (!table.columnNames().contains(rule.name())) {
                String message = "column is missing; table has " + table.columnNames();
                findings.add(rule.required() ? Finding.fail(check, rule.name(), message) : Finding.warn(check, rule.name(), message));
                continue;
            }
            Column<?> column = table.column(rule.name());
            boolean isNumeric = column instanceof NumericColumn<?>;
            if (rule.numeric() != null && rule.numeric() != isNumeric) {
                findings.add(Finding.fail(check, rule.name(), "expected a " + (rule.numeric() ? "numeric" : "text")
                        + " column, found " + column.type()));
                continue;
            }
            if (isNumeric) {
                findings.add(range(rule, (NumericColumn<?>) column));
            } else {
                findings.add(Finding.pass(check, rule.name(), column.type() + " column"));
            }
        }
        for (String name : table.columnNames()) {
            if (!expected.contains(name) && !allowExtraColumns) {
                findings.add(Finding.warn(check, name, "unexpected column (" + table.column(name).type() + ")"));
            }
        }
        return findings;
    }

    private static Finding range(ColumnRule rule, NumericColumn<?> column) {
        int outside = 0;
        int infinite = 0;
        int firstRow = -1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                continue;
            }
            double v = column.getDouble(i);
            if (Double.isInfinite(v)) {
                infinite++;
                firstRow = firstRow < 0 ? i : firstRow;
                continue;
            }
            low = Math.min(low, v);
            high = Math.max(high, v);
            if (v < rule.min() || v > rule.max()) {
                outside++;
                firstRow = firstRow < 0 ? i : firstRow;
            }
        }
        String observed = low <= high ? String.format("values in [%.4g, %.4g]", low, high) : "no values";
        if (outside + infinite > 0) {
            return Finding.fail("schema", rule.name(), String.format("%d values outside [%s, %s] and %d infinite (first at row %d); %s",
                    outside, rule.min(), rule.max(), infinite, firstRow, observed));
        }
        return Finding.pass("schema", rule.name(), observed);
    }

    /** Fraction of missing values per column: warn above {@code warnFraction}, fail above {@code failFraction}. */
    public static List<Finding> missingValues(Table table, double warnFraction, double failFraction) {
        List<Finding> findings = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            int missing = column.countMissing();
            double fraction = table.rowCount() == 0 ? 0 : (double) missing / table.rowCount();
            String message = String.format("%d of %d missing (%.1f%%)", missing, table.rowCount(), 100 * fraction);
            if (missing > 0) {
                message += ", first at row " + firstMissing(column);
            }
            findings.add(fraction > failFraction ? Finding.fail("missing values", column.name(), message)
                    : fraction > warnFraction || (warnFraction == 0 && missing > 0) ? Finding.warn("missing values", column.name(), message)
                    : Finding.pass("missing values", column.name(), message));
        }
        return findings;
    }

    /**
     * Rows per class: fail when a class has fewer than 2 rows, warn when fewer than
     * {@code minPerClass} or when the largest class is more than {@code maxImbalance} times the smallest.
     */
    public static List<Finding> labelDistribution(Table table, String label, int minPerClass, double maxImbalance) {
        String check = "label distribution";
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> counts = counts(table.column(label));
        if (counts.size() < 2) {
            findings.add(Finding.fail(check, label, "need at least two classes, found " + counts));
            return findings;
        }
        for (var entry : counts.entrySet()) {
            int n = entry.getValue();
            String message = n + " rows (" + String.format("%.1f%%", 100.0 * n / table.rowCount()) + ")";
            findings.add(n < 2 ? Finding.fail(check, entry.getKey(), message + ": too few to train and test")
                    : n < minPerClass ? Finding.warn(check, entry.getKey(), message + ", below " + minPerClass)
                    : Finding.pass(check, entry.getKey(), message));
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        double ratio = (double) max / min;
        String message = String.format("largest / smallest class = %d / %d = %.1f", max, min, ratio);
        findings.add(ratio > maxImbalance ? Finding.warn("class imbalance", label, message + ", above " + maxImbalance
                + ": prefer balanced accuracy and per-class recall") : Finding.pass("class imbalance", label, message));
        return findings;
    }

    /**
     * Which classes each group covers: fail with fewer than two groups (no group split possible),
     * warn for each group lacking a class or having fewer than {@code minPerCell} rows of one.
     */
    public static List<Finding> groupCoverage(Table table, String label, String group, int minPerCell) {
        String check = "group coverage";
        List<Finding> findings = new ArrayList<>();
        Column<?> labels = table.column(label);
        Column<?> groups = table.column(group);
        Set<String> classes = new TreeSet<>(counts(labels).keySet());
        Map<String, Map<String, Integer>> cells = new TreeMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            cells.computeIfAbsent(groups.getString(i), g -> new TreeMap<>()).merge(labels.getString(i), 1, Integer::sum);
        }
        if (cells.size() < 2) {
            findings.add(Finding.fail(check, group, "need at least two groups to split by group, found " + cells.keySet()));
            return findings;
        }
        for (var entry : cells.entrySet()) {
            Set<String> lacking = new TreeSet<>(classes);
            lacking.removeAll(entry.getValue().keySet());
            List<String> thin = entry.getValue().entrySet().stream().filter(e -> e.getValue() < minPerCell)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            int rows = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            if (!lacking.isEmpty() || !thin.isEmpty()) {
                findings.add(Finding.warn(check, entry.getKey(), rows + " rows; "
                        + (lacking.isEmpty() ? "" : "no rows of " + lacking + (thin.isEmpty() ? "" : "; "))
                        + (thin.isEmpty() ? "" : "fewer than " + minPerCell + " rows of " + thin)));
            } else {
                findings.add(Finding.pass(check, entry.getKey(), rows + " rows covering all " + classes.size() + " classes"));
            }
        }
        return findings;
    }

    private static Map<String, Integer> counts(Column<?> column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                counts.merge(column.getString(i), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int firstMissing(Column<?> column) {
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                return i;
            }
        }
        return -1;
    }
}
