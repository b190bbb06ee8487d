package formlab.exercise;

import formlab.imu.ImuRecording;
import formlab.imu.signal.Window;
import formlab.model.SmileClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import smile.classification.GradientTreeBoost;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures and display tables for exercise recognition (Tablesaw plotly): one window's channels,
 * spectra and postures per exercise from the feature table, feature importance of the boosted
 * trees, the rest gate's view of windows, and a live replay against the signal.
 */
public final class ExercisePlots {

    /** One colour per class, in sorted class order (bench, dead, ohp, rest, row, squat). */
    private static final List<String> COLOURS = List.of("#4c78a8", "#f58518", "#e45756", "#9d9d9d", "#54a24b", "#b279a2",
            "#72b7b2", "#eeca3b");

    private ExercisePlots() {
    }

    /** Colour of {@code label} (stable per label). */
    static String colour(String label) {
        List<String> known = List.of("bench", "dead", "ohp", "rest", "row", "squat");
        int index = known.indexOf(label);
        return COLOURS.get(index < 0 ? Math.floorMod(label.hashCode(), COLOURS.size()) : index);
    }

    /** The named channels of one window over time (seconds from the window's start). */
    public static Figure window(Window window, List<String> channels, String title) {
        double[] seconds = new double[window.length()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = i / window.rateHz();
        }
        List<Trace> traces = new ArrayList<>();
        for (String channel : channels) {
            traces.add(ScatterTrace.builder(seconds, window.channel(channel)).mode(ScatterTrace.Mode.LINE).name(channel).build());
        }
        Layout layout = Layout.builder(title).height(320)
                .xAxis(Axis.builder().title("seconds into the window").build())
                .yAxis(Axis.builder().title(window.units().get(window.names().indexOf(channels.getFirst()))).build()).build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /**
     * Mean amplitude spectrum of {@code channel} per exercise, from the table's
     * {@code <channel>__spec_<f>hz} columns (the Hann-windowed FFT amplitudes at whole Hz).
     */
    public static Figure spectrum(Table features, String channel) {
        java.util.regex.Pattern amplitude = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(channel) + "__spec_\\d+(\\.\\d+)?hz");
        List<String> columns = features.columnNames().stream().filter(c -> amplitude.matcher(c).matches())
                .sorted(Comparator.comparingDouble(c -> Double.parseDouble(c.substring((channel + "__spec_").length(), c.length() - 2))))
                .toList();
        double[] hz = columns.stream().mapToDouble(c -> Double.parseDouble(c.substring((channel + "__spec_").length(), c.length() - 2))).toArray();
        List<Trace> traces = new ArrayList<>();
        for (String exercise : new TreeSet<>(features.stringColumn(ExerciseData.LABEL).asList())) {
            Table rows = features.where(features.stringColumn(ExerciseData.LABEL).isEqualTo(exercise));
            double[] mean = columns.stream().mapToDouble(c -> rows.numberColumn(c).mean()).toArray();
            traces.add(ScatterTrace.builder(hz, mean).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .line(Line.builder().color(colour(exercise)).build()).marker(Marker.builder().color(colour(exercise)).build())
                    .name(exercise).build());
        }
        Layout layout = Layout.builder("Mean amplitude spectrum of " + channel + " per exercise").height(360)
                .xAxis(Axis.builder().title("frequency (Hz)").build())
                .yAxis(Axis.builder().title("amplitude").build()).build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /** Scatter of two feature columns, one colour per exercise (every {@code every}-th row, to keep reports small). */
    public static Figure scatter(Table features, String x, String y, String title, int every) {
        List<Trace> traces = new ArrayList<>();
        for (String exercise : new TreeSet<>(features.stringColumn(ExerciseData.LABEL).asList())) {
            Table rows = features.where(features.stringColumn(ExerciseData.LABEL).isEqualTo(exercise));
            int[] keep = java.util.stream.IntStream.range(0, rows.rowCount()).filter(i -> i % Math.max(1, every) == 0).toArray();
            Table kept = rows.rows(keep);
            traces.add(ScatterTrace.builder(kept.numberColumn(x).asDoubleArray(), kept.numberColumn(y).asDoubleArray())
                    .mode(ScatterTrace.Mode.MARKERS).marker(Marker.builder().size(5).color(colour(exercise)).opacity(0.6).build())
                    .name(exercise).build());
        }
        Layout layout = Layout.builder(title).height(440).width(620)
                .xAxis(Axis.builder().title(x).build()).yAxis(Axis.builder().title(y).build()).build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /**
     * Feature importance of a Smile gradient-boosting model: the {@code top} features by Smile's
     * importance (total impurity reduction), as a table (feature, importance, share of the total).
     */
    public static Table importance(SmileClassifier model, int top) {
        if (!(model.smileModel() instanceof GradientTreeBoost boost)) {
            throw new IllegalArgumentException("feature importance is shown for gradient boosting models, not " + model.trainer());
        }
        double[] importance = boost.importance();
        double total = Arrays.stream(importance).sum();
        Integer[] order = java.util.stream.IntStream.range(0, importance.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -importance[i])).toArray(Integer[]::new);
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn value = DoubleColumn.create("importance");
        DoubleColumn share = DoubleColumn.create("share");
        for (int k = 0; k < Math.min(top, order.length); k++) {
            feature.append(model.featureNames().get(order[k]));
            value.append(importance[order[k]]);
            share.append(total == 0 ? 0 : importance[order[k]] / total);
        }
        return Table.create("Feature importance (top " + top + " of " + importance.length + ")", feature, value, share);
    }

    /** Horizontal bars of an {@link #importance} table. */
    public static Figure importanceFigure(Table importance) {
        int n = importance.rowCount();
        Object[] names = new Object[n];
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            names[n - 1 - i] = importance.stringColumn("feature").get(i);
            shares[n - 1 - i] = importance.doubleColumn("share").get(i);
        }
        BarTrace bars = BarTrace.builder(names, shares).orientation(BarTrace.Orientation.HORIZONTAL)
                .marker(Marker.builder().color("#4c78a8").build()).build();
        Layout layout = Layout.builder(importance.name()).height(120 + 22 * n).width(900)
                .margin(tech.tablesaw.plotly.components.Margin.builder().left(300).build())
                .xAxis(Axis.builder().title("share of the total importance").build()).build();
        return new Figure(layout, bars);
    }

    /**
     * What the rest gate sees: every window's angle to the nearest lift posture against its motion
     * energy, one colour per true class, with the gate's two thresholds as dashed lines.
     */
    public static Figure gate(Table windows, RestGate gate, String title) {
        List<RestGate.Decision> decisions = gate.decide(windows);
        String[] labels = windows.stringColumn(ExerciseData.LABEL).asObjectArray();
        List<Trace> traces = new ArrayList<>();
        double maxAngle = 0;
        double maxEnergy = 0;
        for (String label : new TreeSet<>(Arrays.asList(labels))) {
            List<Integer> rows = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i].equals(label)).boxed().toList();
            double[] angle = rows.stream().mapToDouble(i -> decisions.get(i).postureDegrees()).toArray();
            double[] energy = rows.stream().mapToDouble(i -> decisions.get(i).energy()).toArray();
            maxAngle = Math.max(maxAngle, Arrays.stream(angle).max().orElse(0));
            maxEnergy = Math.max(maxEnergy, Arrays.stream(energy).max().orElse(0));
            traces.add(ScatterTrace.builder(energy, angle).mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().size(label.equals("rest") ? 7 : 4).color(colour(label)).opacity(0.7).build())
                    .name(label).build());
        }
        traces.add(ScatterTrace.builder(new double[] {gate.minEnergy(), gate.minEnergy()}, new double[] {0, maxAngle})
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().dash(Line.Dash.DASH).color("black").build())
                .name(String.format(Locale.ROOT, "motion threshold %.3f g", gate.minEnergy())).build());
        traces.add(ScatterTrace.builder(new double[] {0, maxEnergy}, new double[] {gate.maxPostureDegrees(), gate.maxPostureDegrees()})
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().dash(Line.Dash.DOT).color("black").build())
                .name(String.format(Locale.ROOT, "posture threshold %.0f deg", gate.maxPostureDegrees())).build());
        Layout layout = Layout.builder(title).height(460).width(760)
                .xAxis(Axis.builder().title("motion energy: std of |acc| (g)").build())
                .yAxis(Axis.builder().title("angle to the nearest lift posture (deg)").build()).build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /**
     * A live replay against the signal: the acceleration magnitude over time, the label shown at
     * the end of each window as a marker above the signal (coloured by label, larger when more
     * confident, hover text with label, confidence and count) and the running repetition count on
     * the right-hand axis.
     */
    public static Figure replay(ImuRecording recording, List<WindowUpdate> updates, String title) {
        double origin = Math.max(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
        double[] seconds = new double[recording.accelerometer().size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = (recording.accelerometer().epochMillis(i) - origin) / 1000.0;
        }
        double[] magnitude = recording.accelerometer().magnitude();
        double top = Arrays.stream(magnitude).max().orElse(1) + 0.1;
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(seconds, magnitude).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color("#bbbbbb").build()).name("|acc| (g)").build());
        for (String label : new TreeSet<>(updates.stream().map(WindowUpdate::label).toList())) {
            List<WindowUpdate> mine = updates.stream().filter(u -> u.label().equals(label)).toList();
            double[] x = mine.stream().mapToDouble(u -> (u.endMillis() - origin) / 1000.0).toArray();
            double[] y = mine.stream().mapToDouble(u -> top).toArray();
            double[] size = mine.stream().mapToDouble(u -> 5 + 10 * u.confidence()).toArray();
            String[] text = mine.stream().map(u -> String.format(Locale.ROOT, "%s %.2f, %d reps", u.label(), u.confidence(), u.reps()))
                    .toArray(String[]::new);
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).text(text)
                    .marker(Marker.builder().size(size).color(colour(label)).build()).name("shown: " + label).build());
        }
        double[] x = updates.stream().mapToDouble(u -> (u.endMillis() - origin) / 1000.0).toArray();
        double[] reps = updates.stream().mapToDouble(WindowUpdate::reps).toArray();
        traces.add(ScatterTrace.builder(x, reps).mode(ScatterTrace.Mode.LINE_AND_MARKERS).yAxis(ScatterTrace.YAxis.Y2)
                .line(Line.builder().color("#222222").shape(Line.Shape.HV).build()).name("reps so far").build());
        Layout layout = Layout.builder(title).height(420)
                .xAxis(Axis.builder().title("seconds since the set started (markers: end of each window)").build())
                .yAxis(Axis.builder().title("|acc| (g)").build())
                .yAxis2(Axis.builder().title("repetitions").side(Axis.Side.right).overlaying(ScatterTrace.YAxis.Y)
                        .range(0, Math.max(5, Arrays.stream(reps).max().orElse(0) + 1)).build())
                .build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /** Expected against counted repetitions per set, one colour per exercise (points on the diagonal are exact). */
    public static Figure repCounts(Table perSet) {
        List<Trace> traces = new ArrayList<>();
        java.util.Random jitter = new java.util.Random(1);
        for (String exercise : new TreeSet<>(perSet.stringColumn("exercise").asList())) {
            Table rows = perSet.where(perSet.stringColumn("exercise").isEqualTo(exercise));
            double[] expected = rows.intColumn("expected").asDoubleColumn().asDoubleArray();
            double[] counted = rows.intColumn("counted").asDoubleColumn().asDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                expected[i] += 0.25 * (jitter.nextDouble() - 0.5);
            }
            traces.add(ScatterTrace.builder(expected, counted).mode(ScatterTrace.Mode.MARKERS)
                    .text(rows.stringColumn("set_id").asObjectArray())
                    .marker(Marker.builder().size(8).color(colour(exercise)).opacity(0.8).build()).name(exercise).build());
        }
        traces.add(ScatterTrace.builder(new double[] {3, 12}, new double[] {3, 12}).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().dash(Line.Dash.DASH).color("grey").build()).name("exact").build());
        Layout layout = Layout.builder("Counted against protocol repetitions (leave one participant out)").height(440).width(620)
                .xAxis(Axis.builder().title("protocol repetitions (heavy 5, medium 10; jittered)").build())
                .yAxis(Axis.builder().title("counted").build()).build();
        return new Figure(layout, traces.toArray(Trace[]::new));
    }

    /** A copy of {@code table} with every double column rounded to {@code digits} decimals (for display). */
    public static Table rounded(Table table, int digits) {
        Table copy = table.copy();
        double scale = Math.pow(10, digits);
        for (int c = 0; c < copy.columnCount(); c++) {
            Column<?> column = copy.column(c);
            if (column instanceof DoubleColumn numbers) {
                copy.replaceColumn(c, numbers.map(v -> Double.isNaN(v) ? v : Math.round(v * scale) / scale).setName(numbers.name()));
            }
        }
        return copy.setName(table.name());
    }

    /** The first {@code rows} rows and {@code columns} columns of a table (for display). */
    public static Table head(Table table, int rows, int columns) {
        Table part = table.first(rows);
        List<Column<?>> kept = part.columns().subList(0, Math.min(columns, part.columnCount()));
        return Table.create(table.name() + " (first " + rows + " rows, " + kept.size() + " of " + table.columnCount() + " columns)",
                kept.toArray(Column<?>[]::new));
    }

    /** Windows per participant (rows) and exercise (columns) of a feature table. */
    public static Table windowsPerParticipant(Table features) {
        Table counts = features.xTabCounts(ExerciseData.GROUP, ExerciseData.LABEL);
        counts.column(0).setName(ExerciseData.GROUP);
        counts.setName("Windows per participant and exercise");
        return counts;
    }

    static IntColumn ints(String name, int[] values) {
        return IntColumn.create(name, values);
    }
}
