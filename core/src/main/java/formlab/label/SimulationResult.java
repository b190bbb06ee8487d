package formlab.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The learning curves of an {@link ActiveLearningSimulation}.
 *
 * @param metric     the metric followed
 * @param points     one point per strategy, seed and round
 * @param full       per seed: the metric of a model trained on every pool label (the ceiling)
 * @param testGroups per seed: the held-out groups
 */
public record SimulationResult(String metric, List<Point> points, Map<Long, Double> full, Map<Long, List<String>> testGroups) {

    /** Share of the full-data metric that {@link #labelsToReach} counts towards by default. */
    public static final double TARGET_SHARE = 0.95;

    private static final String[] COLOURS = {"#7f7f7f", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    public SimulationResult {
        points = List.copyOf(points);
        full = Map.copyOf(full);
        testGroups = Map.copyOf(testGroups);
    }

    /**
     * One measurement.
     *
     * @param strategy strategy name
     * @param seed     seed of the run
     * @param labels   labels used to train
     * @param value    the metric on the held-out groups
     */
    public record Point(String strategy, long seed, int labels, double value) {
    }

    /** Strategy names in the order they were run. */
    public List<String> strategies() {
        return points.stream().map(Point::strategy).distinct().toList();
    }

    /** Fewest labels with which {@code strategy} reached {@code share} of the full-data metric in run {@code seed}. */
    public OptionalInt labelsToReach(String strategy, long seed, double share) {
        double target = share * full.get(seed);
        return points.stream().filter(p -> p.strategy().equals(strategy) && p.seed() == seed && p.value() >= target)
                .mapToInt(Point::labels).min();
    }

    /** Every point as a table: strategy, seed, labels, metric. */
    public Table curves() {
        return Table.create("Learning curves (" + metric + " on held-out groups)",
                StringColumn.create("strategy", points.stream().map(Point::strategy).toList()),
                LongColumn.create("seed", points.stream().mapToLong(Point::seed).toArray()),
                IntColumn.create("labels", points.stream().mapToInt(Point::labels).toArray()),
                DoubleColumn.create(metric, points.stream().mapToDouble(Point::value).toArray()));
    }

    /**
     * Per strategy: labels needed to reach {@value #TARGET_SHARE} of the full-data metric (mean, min
     * and max over the seeds that reached it, and in how many seeds it was reached within the budget),
     * and the metric at the largest label count (mean over seeds).
     */
    public Table labelsTable() {
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn reached = StringColumn.create("seeds reaching 95%");
        DoubleColumn mean = DoubleColumn.create("labels to 95% (mean)");
        IntColumn min = IntColumn.create("min");
        IntColumn max = IntColumn.create("max");
        DoubleColumn last = DoubleColumn.create(metric + " at budget (mean)");
        for (String name : strategies()) {
            List<Integer> needed = new ArrayList<>();
            for (long seed : seeds()) {
                labelsToReach(name, seed, TARGET_SHARE).ifPresent(needed::add);
            }
            strategy.append(name);
            reached.append(needed.size() + " of " + seeds().size());
            if (needed.isEmpty()) {
                mean.appendMissing();
                min.appendMissing();
                max.appendMissing();
            } else {
                mean.append(needed.stream().mapToInt(Integer::intValue).average().orElseThrow());
                min.append(needed.stream().mapToInt(Integer::intValue).min().orElseThrow());
                max.append(needed.stream().mapToInt(Integer::intValue).max().orElseThrow());
            }
            last.append(seeds().stream().mapToDouble(seed -> points.stream()
                    .filter(p -> p.strategy().equals(name) && p.seed() == seed)
                    .max(Comparator.comparingInt(Point::labels)).orElseThrow().value()).average().orElseThrow());
        }
        mean.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        last.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        double target = seeds().stream().mapToDouble(full::get).average().orElseThrow();
        return Table.create(String.format(Locale.ROOT, "Labels needed to reach 95%% of full-data %s (full data: %.3f mean over %d seeds)",
                metric, target, seeds().size()), strategy, reached, mean, min, max, last);
    }

    /** Mean curve per strategy with a band from the lowest to the highest seed, and the 95% target line. */
    public Figure figure() {
        List<Trace> traces = new ArrayList<>();
        List<String> names = strategies();
        int maxLabels = points.stream().mapToInt(Point::labels).max().orElse(1);
        for (int s = 0; s < names.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            TreeMap<Integer, List<Double>> byLabels = new TreeMap<>();
            String name = names.get(s);
            points.stream().filter(p -> p.strategy().equals(name))
                    .forEach(p -> byLabels.computeIfAbsent(p.labels(), k -> new ArrayList<>()).add(p.value()));
            double[] x = byLabels.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] meanY = byLabels.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray();
            double[] lowY = byLabels.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).toArray();
            double[] highY = byLabels.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).toArray();
            traces.add(ScatterTrace.builder(x, lowY).mode(ScatterTrace.Mode.LINE).showLegend(false)
                    .line(Line.builder().color(colour).width(0.5).dash(Line.Dash.DOT).build()).name(name + " (lowest seed)").build());
            traces.add(ScatterTrace.builder(x, highY).mode(ScatterTrace.Mode.LINE).showLegend(false)
                    .line(Line.builder().color(colour).width(0.5).dash(Line.Dash.DOT).build()).name(name + " (highest seed)").build());
            traces.add(ScatterTrace.builder(x, meanY).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name)
                    .line(Line.builder().color(colour).width(2.5).build()).build());
        }
        double target = TARGET_SHARE * seeds().stream().mapToDouble(full::get).average().orElseThrow();
        traces.add(ScatterTrace.builder(new double[] {0, maxLabels}, new double[] {target, target}).mode(ScatterTrace.Mode.LINE)
                .name("95% of full-data " + metric).line(Line.builder().color("#000000").dash(Line.Dash.DASH).build()).build());
        return new Figure(Layout.builder(metric + " on held-out participants vs labels (mean over " + seeds().size()
                        + " seeds; dotted: lowest and highest seed)").height(460)
                .xAxis(Axis.builder().title("labelled items").build())
                .yAxis(Axis.builder().title(metric).build()).build(), traces.toArray(new Trace[0]));
    }

    /** The seeds, in run order. */
    public List<Long> seeds() {
        return points.stream().map(Point::seed).distinct().toList();
    }

    /** Per seed: held-out groups and the full-data metric. */
    public Table runsTable() {
        Map<Long, Double> ordered = new LinkedHashMap<>();
        seeds().forEach(seed -> ordered.put(seed, full.get(seed)));
        return Table.create("Simulation runs",
                LongColumn.create("seed", ordered.keySet().stream().mapToLong(Long::longValue).toArray()),
                StringColumn.create("test groups", ordered.keySet().stream().map(seed -> String.join(" ", testGroups.get(seed))).toList()),
                DoubleColumn.create("full-data " + metric, ordered.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
