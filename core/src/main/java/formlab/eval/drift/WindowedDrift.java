package formlab.eval.drift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Drift over a stream of feature rows: keeps the last {@code windowSize} rows and compares them
 * with the reference every {@code step} rows. Windows need a few hundred rows for PSI with 10
 * bins to be quiet on unchanged data (its expected value on an unchanged sample is about
 * bins / window size).
 */
public final class WindowedDrift {

    private final DriftDetector detector;
    private final int windowSize;
    private final int step;
    private final Deque<double[]> window = new ArrayDeque<>();
    private final List<Window> history = new ArrayList<>();
    private long seen;

    /**
     * One evaluated window.
     *
     * @param index   window number, from 0
     * @param endRow  number of rows seen when it was evaluated
     * @param report  its drift report
     */
    public record Window(int index, long endRow, DriftReport report) {
    }

    /** Windows of {@code windowSize} rows, evaluated every {@code step} rows once full. */
    public WindowedDrift(DriftDetector detector, int windowSize, int step) {
        if (windowSize < 2 || step < 1) {
            throw new IllegalArgumentException("Need windowSize >= 2 and step >= 1, got " + windowSize + ", " + step);
        }
        this.detector = detector;
        this.windowSize = windowSize;
        this.step = step;
    }

    /** Adds one row; returns the window's report when this row completes a window. */
    public Optional<Window> accept(double[] row) {
        if (row.length != detector.features().size()) {
            throw new IllegalArgumentException("Row " + seen + " has " + row.length + " values, expected " + detector.features().size());
        }
        window.addLast(row.clone());
        seen++;
        if (window.size() > windowSize) {
            window.removeFirst();
        }
        if (window.size() < windowSize || (seen - windowSize) % step != 0) {
            return Optional.empty();
        }
        Window result = new Window(history.size(), seen, detector.compare(window.toArray(double[][]::new)));
        history.add(result);
        return Optional.of(result);
    }

    /** Every evaluated window so far. */
    public List<Window> history() {
        return List.copyOf(history);
    }

    /** One row per window: index, end row, max PSI, worst flag, drifted features. */
    public Table table() {
        IntColumn index = IntColumn.create("window");
        DoubleColumn end = DoubleColumn.create("end_row");
        DoubleColumn psi = DoubleColumn.create("max_psi");
        psi.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(4));
        StringColumn flag = StringColumn.create("flag");
        StringColumn drifted = StringColumn.create("drifted");
        for (Window w : history) {
            index.append(w.index());
            end.append(w.endRow());
            psi.append(w.report().maxPsi());
            flag.append(w.report().worst().name());
            drifted.append(String.join(" ", w.report().flagged(DriftFlag.DRIFT)));
        }
        return Table.create("Windowed drift (" + windowSize + " rows every " + step + ")", index, end, psi, flag, drifted);
    }

    /** One line: windows evaluated, how many were OK / WARN / DRIFT, and the largest PSI seen. */
    public String summary() {
        long ok = history.stream().filter(w -> w.report().worst() == DriftFlag.OK).count();
        long warn = history.stream().filter(w -> w.report().worst() == DriftFlag.WARN).count();
        long drift = history.stream().filter(w -> w.report().worst() == DriftFlag.DRIFT).count();
        double max = history.stream().mapToDouble(w -> w.report().maxPsi()).max().orElse(Double.NaN);
        double min = history.stream().mapToDouble(w -> w.report().maxPsi()).min().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "%d windows of %d rows: %d OK, %d WARN, %d DRIFT; largest PSI per window %.2f to %.2f",
                history.size(), windowSize, ok, warn, drift, min, max);
    }

    /** Max PSI per window against the row at which it was evaluated. */
    public Figure figure(String title) {
        double[] x = history.stream().mapToDouble(Window::endRow).toArray();
        double[] y = history.stream().mapToDouble(w -> w.report().maxPsi()).toArray();
        return new Figure(Layout.builder(title).xAxis(Axis.builder().title("rows seen").build())
                .yAxis(Axis.builder().title("max PSI over features").build()).build(),
                ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).build());
    }
}
