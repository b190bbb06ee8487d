package formlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Training and evaluation input: a feature table plus which of its columns are features, which
 * one holds the class label and which one holds the group (participant, subject) that splits
 * must keep together.
 *
 * <p>Feature columns must be numeric without missing values; label and group columns may be of
 * any type and are read as text. Rows keep the table's order, so {@link #x()}, {@link #labels()}
 * and {@link #groups()} line up index by index.
 *
 * @param table    the feature table (feature columns + metadata columns)
 * @param features names of the numeric feature columns, in model input order
 * @param label    name of the label column
 * @param group    name of the group column (participant / subject / recording session)
 */
public record LabelledData(Table table, List<String> features, String label, String group) {

    public LabelledData {
        Objects.requireNonNull(table, "table");
        features = List.copyOf(features);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Table '" + table.name() + "': no feature columns given");
        }
        for (String name : features) {
            requireColumn(table, name);
            Column<?> column = table.column(name);
            if (!(column instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("Table '" + table.name() + "', column '" + name
                        + "': expected a numeric feature column, found " + column.type());
            }
            int missing = column.countMissing();
            if (missing > 0) {
                int row = firstMissing(column);
                throw new IllegalArgumentException("Table '" + table.name() + "', column '" + name + "', row " + row
                        + ": missing value (" + missing + " missing in total); impute or drop rows before training");
            }
        }
        requireColumn(table, label);
        requireColumn(table, group);
    }

    /**
     * Uses every numeric column except {@code label} and {@code group} (and any in {@code exclude})
     * as a feature.
     */
    public static LabelledData of(Table table, String label, String group, String... exclude) {
        List<String> skip = new ArrayList<>(Arrays.asList(exclude));
        skip.add(label);
        skip.add(group);
        List<String> features = table.columns().stream()
                .filter(c -> c instanceof NumericColumn<?> && !skip.contains(c.name()))
                .map(Column::name).toList();
        return new LabelledData(table, features, label, group);
    }

    /** Builds a table named {@code name} from arrays: feature columns, then {@code label} and {@code group}. */
    public static LabelledData of(String name, List<String> featureNames, double[][] x, String[] labels, String[] groups) {
        if (x.length != labels.length || x.length != groups.length) {
            throw new IllegalArgumentException("Rows differ: " + x.length + " feature rows, " + labels.length
                    + " labels, " + groups.length + " groups");
        }
        Table table = Table.create(name);
        for (int j = 0; j < featureNames.size(); j++) {
            double[] values = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                if (x[i].length != featureNames.size()) {
                    throw new IllegalArgumentException("Row " + i + ": expected " + featureNames.size()
                            + " features, found " + x[i].length);
                }
                values[i] = x[i][j];
            }
            table.addColumns(DoubleColumn.create(featureNames.get(j), values));
        }
        table.addColumns(StringColumn.create("label", labels), StringColumn.create("group", groups));
        return new LabelledData(table, featureNames, "label", "group");
    }

    /** Number of rows. */
    public int size() {
        return table.rowCount();
    }

    /** Feature matrix, one row per table row, columns ordered as {@link #features()}. */
    public double[][] x() {
        double[][] x = new double[size()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            NumericColumn<?> column = table.numberColumn(features.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j] = column.getDouble(i);
            }
        }
        return x;
    }

    /** Feature vector of one row. */
    public double[] row(int index) {
        double[] row = new double[features.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = table.numberColumn(features.get(j)).getDouble(index);
        }
        return row;
    }

    /** Label of every row, as text. */
    public String[] labels() {
        return text(label);
    }

    /** Group of every row, as text. */
    public String[] groups() {
        return text(group);
    }

    /** Distinct labels, sorted: the class order used by {@link #y()}. */
    public List<String> classes() {
        return List.copyOf(new TreeSet<>(Arrays.asList(labels())));
    }

    /** Distinct groups, sorted. */
    public List<String> groupNames() {
        return List.copyOf(new TreeSet<>(Arrays.asList(groups())));
    }

    /** Label of every row as an index into {@link #classes()}. */
    public int[] y() {
        return encode(classes());
    }

    /** Label of every row as an index into {@code classes}; fails on a label not in it. */
    public int[] encode(List<String> classes) {
        String[] labels = labels();
        int[] y = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = classes.indexOf(labels[i]);
            if (y[i] < 0) {
                throw new IllegalArgumentException("Table '" + table.name() + "', column '" + label + "', row " + i
                        + ": label '" + labels[i] + "' is not one of " + classes);
            }
        }
        return y;
    }

    /** The rows at {@code indices} (in that order), same columns. */
    public LabelledData rows(int[] indices) {
        return new LabelledData(table.rows(indices), features, label, group);
    }

    private String[] text(String columnName) {
        Column<?> column = table.column(columnName);
        String[] values = new String[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.getString(i);
        }
        return values;
    }

    private static void requireColumn(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("Table '" + table.name() + "': no column '" + name
                    + "'; columns are " + table.columnNames());
        }
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
