package formlab.eval.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Replays recorded feature rows through {@link WindowedDrift} as if they arrived live: how a drift
 * monitor behaves on a participant the reference never saw, and on a control drawn from the
 * reference's own population.
 *
 * <p>Order matters. Rows of one recorded set are one exercise; a monitor window that holds only one
 * or two exercises differs from the all-exercise reference by its mix alone and alarms without any
 * drift. {@link #replayShuffled} mixes the rows (seeded) so every window holds a mix like the
 * reference's; {@link #replayInOrder} keeps the recorded order to show that false alarm.
 */
public final class DriftReplay {

    private DriftReplay() {
    }

    /**
     * Rows split three ways.
     *
     * @param reference rows the monitor compares against (the training population)
     * @param control   held-out sets of the reference groups: same people, same exercises, new sets
     * @param stream    every row of the stream groups (never in the reference)
     */
    public record Split(Table reference, Table control, Table stream) {
    }

    /**
     * Splits a feature table: rows of {@code streamGroups} form the stream. Of every other group, in
     * each cell of group and label that holds at least two sets, {@code round(controlFraction * sets)}
     * sets (at least one) drawn with {@code seed} go to the control; all remaining rows form the
     * reference. Drawing at random keeps the control free of systematic choices (such as always the
     * last, lighter set of a session).
     */
    public static Split split(Table features, String group, String label, String set, Collection<String> streamGroups,
                              double controlFraction, long seed) {
        if (!(controlFraction > 0 && controlFraction < 1)) {
            throw new IllegalArgumentException("controlFraction must be in (0, 1), got " + controlFraction);
        }
        Set<String> stream = new TreeSet<>(streamGroups);
        Map<String, List<String>> setsPerCell = new java.util.TreeMap<>();
        List<Integer> streamRows = new ArrayList<>();
        for (int i = 0; i < features.rowCount(); i++) {
            String g = features.column(group).getString(i);
            if (stream.contains(g)) {
                streamRows.add(i);
                continue;
            }
            List<String> sets = setsPerCell.computeIfAbsent(g + "\u0000" + features.column(label).getString(i), k -> new ArrayList<>());
            String s = features.column(set).getString(i);
            if (!sets.contains(s)) {
                sets.add(s);
            }
        }
        if (streamRows.isEmpty()) {
            throw new IllegalArgumentException("No rows of stream groups " + stream + " in column '" + group + "'");
        }
        Random random = new Random(seed);
        Set<String> controlSets = new HashSet<>();
        for (List<String> sets : setsPerCell.values()) {
            if (sets.size() >= 2) {
                List<String> shuffled = new ArrayList<>(sets);
                Collections.shuffle(shuffled, random);
                int held = Math.max(1, (int) Math.round(controlFraction * sets.size()));
                controlSets.addAll(shuffled.subList(0, Math.min(held, sets.size() - 1)));
            }
        }
        List<Integer> reference = new ArrayList<>();
        List<Integer> control = new ArrayList<>();
        for (int i = 0; i < features.rowCount(); i++) {
            if (!stream.contains(features.column(group).getString(i))) {
                (controlSets.contains(features.column(set).getString(i)) ? control : reference).add(i);
            }
        }
        return new Split(rows(features, reference, "reference"), rows(features, control, "control"), rows(features, streamRows, "stream"));
    }

    /** Feeds the rows of {@code table} (columns as the detector's features) in table order. */
    public static WindowedDrift replayInOrder(DriftDetector detector, Table table, int windowSize, int step) {
        return replay(detector, DriftDetector.featureRows(table, detector.features()), windowSize, step);
    }

    /** Feeds the rows of {@code table} in an order shuffled with {@code seed}. */
    public static WindowedDrift replayShuffled(DriftDetector detector, Table table, int windowSize, int step, long seed) {
        List<double[]> rows = new ArrayList<>(List.of(DriftDetector.featureRows(table, detector.features())));
        Collections.shuffle(rows, new Random(seed));
        return replay(detector, rows.toArray(double[][]::new), windowSize, step);
    }

    /** Largest PSI per window of each named replay (in name order), with the thresholds' warn and drift levels as dashed lines. */
    public static Figure figure(String title, Map<String, WindowedDrift> replays, DriftThresholds thresholds) {
        List<Trace> traces = new ArrayList<>();
        double maxX = 1;
        for (var entry : new java.util.TreeMap<>(replays).entrySet()) {
            var history = entry.getValue().history();
            double[] x = history.stream().mapToDouble(WindowedDrift.Window::endRow).toArray();
            double[] y = history.stream().mapToDouble(w -> w.report().maxPsi()).toArray();
            for (double v : x) {
                maxX = Math.max(maxX, v);
            }
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(entry.getKey()).build());
        }
        traces.add(level(maxX, thresholds.psiWarn(), "warn level", "#f2a93b"));
        traces.add(level(maxX, thresholds.psiDrift(), "drift level", "#d62728"));
        return new Figure(Layout.builder(title).height(380)
                .xAxis(Axis.builder().title("feature windows replayed").build())
                .yAxis(Axis.builder().title("largest PSI over the monitored features").build()).build(),
                traces.toArray(new Trace[0]));
    }

    private static Trace level(double maxX, double y, String name, String colour) {
        return ScatterTrace.builder(new double[] {0, maxX}, new double[] {y, y}).mode(ScatterTrace.Mode.LINE).name(name)
                .line(Line.builder().color(colour).dash(Line.Dash.DASH).build()).build();
    }

    private static WindowedDrift replay(DriftDetector detector, double[][] rows, int windowSize, int step) {
        if (rows.length < windowSize) {
            throw new IllegalArgumentException("Only " + rows.length + " rows to replay, fewer than one window of " + windowSize);
        }
        WindowedDrift drift = new WindowedDrift(detector, windowSize, step);
        for (double[] row : rows) {
            drift.accept(row);
        }
        return drift;
    }

    /** The rows at {@code indices}, in that order (Tablesaw's {@code rows(int...)} would sort them). */
    private static Table rows(Table table, List<Integer> indices, String name) {
        Table out = table.emptyCopy().setName(name);
        for (int i : indices) {
            out.addRow(i, table);
        }
        return out;
    }
}
