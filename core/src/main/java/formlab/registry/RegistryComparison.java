package formlab.registry;

import formlab.display.Html;
import formlab.display.HtmlRenderable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Every registered version of every model side by side, read from the cards only (nothing is
 * re-evaluated): headline metrics with the split they were measured on, held-out accuracy per
 * group, stage histories, and what the promotion gates would decide for each candidate now.
 */
public final class RegistryComparison {

    /** The metrics shown by default, as named in {@code Evaluation.metrics()}. */
    public static final List<String> METRICS = List.of("accuracy", "balanced_accuracy", "macro_f1", "min_group_accuracy", "ece");

    private final List<ModelCard> cards;

    private RegistryComparison(List<ModelCard> cards) {
        this.cards = List.copyOf(cards);
    }

    /** The cards of every model and version in {@code registry}, by name then version. */
    public static RegistryComparison of(ModelRegistry registry) throws IOException {
        List<ModelCard> cards = new ArrayList<>();
        for (String name : registry.names()) {
            cards.addAll(registry.cards(name));
        }
        return new RegistryComparison(cards);
    }

    /** The cards compared. */
    public List<ModelCard> cards() {
        return cards;
    }

    /** True when the registry holds no version. */
    public boolean isEmpty() {
        return cards.isEmpty();
    }

    /**
     * One row per version: model, version, stage, trainer, format, rows, groups, the {@link #METRICS}
     * (missing when a card lacks one) and the split they were measured with (the cards' metric
     * entries say in full how, e.g. pooled held-out predictions of the folds).
     */
    public Table versions() {
        StringColumn model = StringColumn.create("model");
        IntColumn version = IntColumn.create("version");
        StringColumn stage = StringColumn.create("stage");
        StringColumn trainer = StringColumn.create("trainer");
        StringColumn format = StringColumn.create("format");
        IntColumn rows = IntColumn.create("rows");
        IntColumn groups = IntColumn.create("groups");
        List<DoubleColumn> metrics = METRICS.stream().map(DoubleColumn::create).toList();
        StringColumn split = StringColumn.create("split");
        for (ModelCard card : cards) {
            model.append(card.name());
            version.append(card.version());
            stage.append(card.stage().name().toLowerCase(Locale.ROOT));
            trainer.append(card.recipe().trainerName());
            format.append(card.modelFormat());
            rows.append(card.rows());
            groups.append(card.groups().size());
            for (DoubleColumn column : metrics) {
                Optional<ModelCard.MetricValue> value = card.metric(column.name());
                if (value.isPresent()) {
                    column.append(round(value.get().value()));
                } else {
                    column.appendMissing();
                }
            }
            split.append(card.recipe().split().describe());
        }
        Table table = Table.create("Registered model versions", model, version, stage, trainer, format, rows, groups);
        metrics.forEach(table::addColumns);
        return table.addColumns(split);
    }

    /** One row per version, one column per group (union over versions): held-out accuracy, missing where a version lacks the group. */
    public Table perGroup() {
        List<String> names = groupNames();
        StringColumn id = StringColumn.create("model version");
        List<DoubleColumn> columns = names.stream().map(DoubleColumn::create).toList();
        for (ModelCard card : cards) {
            id.append(card.id());
            for (int g = 0; g < names.size(); g++) {
                String group = names.get(g);
                Optional<ModelCard.GroupMetric> metric = card.groupMetrics().stream().filter(m -> m.group().equals(group)).findFirst();
                if (metric.isPresent()) {
                    columns.get(g).append(round(metric.get().accuracy()));
                } else {
                    columns.get(g).appendMissing();
                }
            }
        }
        Table table = Table.create("Held-out accuracy per group", id);
        columns.forEach(table::addColumns);
        return table;
    }

    /** Grouped bars: one group of bars per version, one bar per metric. */
    public Figure metricsFigure(String... metrics) {
        List<String> shown = metrics.length == 0 ? List.of("accuracy", "balanced_accuracy", "min_group_accuracy") : List.of(metrics);
        Object[] ids = cards.stream().map(ModelCard::id).toArray();
        Trace[] traces = new Trace[shown.size()];
        for (int m = 0; m < shown.size(); m++) {
            String metric = shown.get(m);
            double[] values = cards.stream().mapToDouble(c -> c.metric(metric).map(ModelCard.MetricValue::value).orElse(Double.NaN)).toArray();
            traces[m] = BarTrace.builder(ids, values).name(metric).build();
        }
        return new Figure(Layout.builder("Metrics per registered version (held-out, see the split column)")
                .barMode(Layout.BarMode.GROUP).height(360)
                .yAxis(Axis.builder().title("value").range(0, 1).build()).build(), traces);
    }

    /** Heatmap of held-out accuracy: versions down, groups across. */
    public Figure perGroupFigure() {
        List<String> names = groupNames();
        double[][] z = new double[cards.size()][names.size()];
        for (int v = 0; v < cards.size(); v++) {
            for (int g = 0; g < names.size(); g++) {
                String group = names.get(g);
                z[v][g] = cards.get(v).groupMetrics().stream().filter(m -> m.group().equals(group))
                        .mapToDouble(ModelCard.GroupMetric::accuracy).findFirst().orElse(Double.NaN);
            }
        }
        int longest = cards.stream().mapToInt(c -> c.id().length()).max().orElse(10);
        return new Figure(Layout.builder("Held-out accuracy per group").height(160 + 40 * cards.size())
                .margin(Margin.builder().left(Math.min(320, 30 + 7 * longest)).build())
                .xAxis(Axis.builder().title("group").build()).build(),
                HeatmapTrace.builder(names.toArray(), cards.stream().map(ModelCard::id).toArray(), z).build());
    }

    /** Every stage change of every version, oldest first per version: model version, at, stage, reason. */
    public Table history() {
        StringColumn id = StringColumn.create("model version");
        StringColumn at = StringColumn.create("at");
        StringColumn stage = StringColumn.create("stage");
        StringColumn reason = StringColumn.create("reason");
        for (ModelCard card : cards) {
            for (ModelCard.StageChange change : card.history()) {
                id.append(card.id());
                at.append(change.at());
                stage.append(change.stage().name().toLowerCase(Locale.ROOT));
                reason.append(change.reason());
            }
        }
        return Table.create("Stage history", id, at, stage, reason);
    }

    /**
     * What {@code policy} decides for every candidate version against its model's current production
     * version, without changing any stage (a dry run of {@link ModelRegistry#promote}).
     */
    public Review review(PromotionPolicy policy) {
        List<PromotionReport> reports = new ArrayList<>();
        for (ModelCard card : cards) {
            if (card.stage() != Stage.CANDIDATE) {
                continue;
            }
            Optional<ModelCard> production = cards.stream()
                    .filter(c -> c.name().equals(card.name()) && c.stage() == Stage.PRODUCTION)
                    .max(java.util.Comparator.comparingInt(ModelCard::version));
            reports.add(policy.evaluate(card, production));
        }
        return new Review(reports);
    }

    /**
     * The promotion decisions of a {@link #review}.
     *
     * @param reports one report per candidate
     */
    public record Review(List<PromotionReport> reports) implements HtmlRenderable {

        public Review {
            reports = List.copyOf(reports);
        }

        /** One row per candidate: candidate, production, decision, failed gates with their numbers. */
        public Table table() {
            StringColumn candidate = StringColumn.create("candidate");
            StringColumn production = StringColumn.create("current production");
            StringColumn decision = StringColumn.create("decision");
            StringColumn why = StringColumn.create("why not");
            for (PromotionReport report : reports) {
                candidate.append(report.candidate());
                production.append(report.production() == null ? "none" : report.production());
                decision.append(report.promoted() ? "promote" : "keep as candidate");
                why.append(String.join("; ", report.results().stream().filter(r -> !r.passed())
                        .map(r -> r.gate() + ": " + r.explanation()).toList()));
            }
            return Table.create("Promotion decisions (dry run)", candidate, production, decision, why);
        }

        @Override
        public String toHtml() {
            if (reports.isEmpty()) {
                return "<p>No candidate versions to decide on.</p>";
            }
            StringBuilder html = new StringBuilder(Html.table(table(), 100));
            for (PromotionReport report : reports) {
                html.append(report.toHtml());
            }
            return html.toString();
        }
    }

    private List<String> groupNames() {
        TreeSet<String> names = new TreeSet<>();
        cards.forEach(c -> c.groupMetrics().forEach(m -> names.add(m.group())));
        return List.copyOf(names);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
