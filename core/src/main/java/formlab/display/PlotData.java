package formlab.display;

import tech.tablesaw.api.Table;

/**
 * Data for plots that must stay small enough to mail: a report carries every point of every figure,
 * and a box plot or scatter plot of tens of thousands of frames weighs megabytes while showing no
 * more than a few thousand points would.
 */
public final class PlotData {

    private PlotData() {
    }

    /**
     * At most {@code maxRows} rows of {@code table}, taken evenly: every k-th row from the first,
     * with k the smallest step that fits. Deterministic (no random sample), so a figure is the same
     * on every run; the table itself is returned when it is small enough.
     *
     * @throws IllegalArgumentException when maxRows is less than 1
     */
    public static Table atMost(Table table, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        if (table.rowCount() <= maxRows) {
            return table;
        }
        int step = (table.rowCount() + maxRows - 1) / maxRows;
        int[] rows = new int[(table.rowCount() + step - 1) / step];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i * step;
        }
        return table.rows(rows).setName(table.name() + " (every " + step + ordinal(step) + " of "
                + table.rowCount() + " rows)");
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
