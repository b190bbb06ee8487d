package formlab.eval.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * Drift of several features and distributions, with the worst flag.
 *
 * @param drifts one entry per feature or distribution
 */
public record DriftReport(List<FeatureDrift> drifts) {

    public DriftReport {
        drifts = List.copyOf(drifts);
    }

    /** This report with more entries (e.g. prediction and label distribution drift). */
    public DriftReport plus(FeatureDrift... more) {
        List<FeatureDrift> all = new ArrayList<>(drifts);
        all.addAll(List.of(more));
        return new DriftReport(all);
    }

    /** The worst flag (OK for an empty report). */
    public DriftFlag worst() {
        return drifts.stream().map(FeatureDrift::flag).max(Comparator.naturalOrder()).orElse(DriftFlag.OK);
    }

    /** Names flagged {@code flag}. */
    public List<String> flagged(DriftFlag flag) {
        return drifts.stream().filter(d -> d.flag() == flag).map(FeatureDrift::name).toList();
    }

    /** The entry for {@code name}. */
    public FeatureDrift get(String name) {
        return drifts.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No drift entry '" + name + "'"));
    }

    /** Largest PSI. */
    public double maxPsi() {
        return drifts.stream().mapToDouble(FeatureDrift::psi).max().orElse(0);
    }

    /** One row per entry, worst first: name, kind, sizes, summaries, psi, ks_d, ks_p, flag. */
    public Table table() {
        List<FeatureDrift> sorted = drifts.stream().sorted(Comparator.comparing(FeatureDrift::flag).reversed()
                .thenComparing(Comparator.comparingDouble(FeatureDrift::psi).reversed())).toList();
        DoubleColumn ksD = DoubleColumn.create("ks_d");
        DoubleColumn ksP = DoubleColumn.create("ks_p");
        for (FeatureDrift d : sorted) {
            appendOrMissing(ksD, d.ksDistance());
            appendOrMissing(ksP, d.ksPValue());
        }
        DoubleColumn psi = DoubleColumn.create("psi", sorted.stream().mapToDouble(FeatureDrift::psi).toArray());
        psi.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        ksD.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        ksP.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return Table.create("Drift report (" + flagged(DriftFlag.DRIFT).size() + " drifted, " + flagged(DriftFlag.WARN).size() + " warnings)",
                StringColumn.create("name", sorted.stream().map(FeatureDrift::name).toList()),
                StringColumn.create("kind", sorted.stream().map(FeatureDrift::kind).toList()),
                IntColumn.create("reference_n", sorted.stream().mapToInt(FeatureDrift::referenceN).toArray()),
                IntColumn.create("current_n", sorted.stream().mapToInt(FeatureDrift::currentN).toArray()),
                StringColumn.create("reference", sorted.stream().map(FeatureDrift::reference).toList()),
                StringColumn.create("current", sorted.stream().map(FeatureDrift::current).toList()),
                psi, ksD, ksP,
                StringColumn.create("flag", sorted.stream().map(d -> d.flag().name()).toList()));
    }

    /** Bar chart of PSI per entry, coloured by flag. */
    public Figure psiFigure(String title) {
        String[] colours = drifts.stream().map(d -> switch (d.flag()) {
            case OK -> "#4c78a8";
            case WARN -> "#f2a93b";
            case DRIFT -> "#d62728";
        }).toArray(String[]::new);
        BarTrace bars = BarTrace.builder(drifts.stream().map(FeatureDrift::name).toArray(),
                        drifts.stream().mapToDouble(FeatureDrift::psi).toArray())
                .marker(Marker.builder().color(colours).build()).build();
        return new Figure(Layout.builder(title + " (PSI; colour = flag under the detector's thresholds)")
                .yAxis(Axis.builder().title("population stability index").build()).build(), bars);
    }

    private static void appendOrMissing(DoubleColumn column, double value) {
        if (Double.isNaN(value)) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }
}
