package formlab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Plotly figures (Tablesaw jsplot) for evaluations. Tablesaw's layout has no annotations, so
 * cell labels of the confusion matrix are drawn as a text-only scatter trace over the heatmap.
 */
final class EvaluationPlots {

    private EvaluationPlots() {
    }

    static Figure confusionMatrix(String title, List<String> classes, long[][] counts, double[][] normalised) {
        int k = classes.size();
        Object[] names = classes.toArray();
        // Plotly draws heatmap row 0 at the bottom; reverse so the first true class is on top, as in the table.
        Object[] yNames = new Object[k];
        double[][] z = new double[k][];
        for (int t = 0; t < k; t++) {
            yNames[t] = names[k - 1 - t];
            z[t] = normalised[k - 1 - t];
        }
        HeatmapTrace heat = HeatmapTrace.builder(names, yNames, z).build();
        StringColumn xs = StringColumn.create("predicted");
        StringColumn ys = StringColumn.create("true");
        List<String> text = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                xs.append(classes.get(p));
                ys.append(classes.get(t));
                text.add(counts[t][p] + " (" + Math.round(normalised[t][p] * 100) + "%)");
            }
        }
        ScatterTrace labels = ScatterTrace.builder(xs, ys)
                .mode(ScatterTrace.Mode.TEXT).text(text.toArray(String[]::new)).showLegend(false).build();
        int size = Math.max(420, 80 * k + 160);
        Layout layout = Layout.builder(title)
                .xAxis(Axis.builder().title("predicted").build())
                .yAxis(Axis.builder().title("true").build())
                .width(size).height(size).build();
        return new Figure(layout, heat, labels);
    }

    static Figure reliability(String title, Calibration calibration) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int b = 0; b < calibration.count().length; b++) {
            if (calibration.count()[b] > 0) {
                x.add(calibration.meanConfidence()[b]);
                y.add(calibration.accuracy()[b]);
                text.add("n=" + calibration.count()[b]);
            }
        }
        ScatterTrace curve = ScatterTrace.builder(x.stream().mapToDouble(Double::doubleValue).toArray(),
                        y.stream().mapToDouble(Double::doubleValue).toArray())
                .mode(ScatterTrace.Mode.LINE_AND_MARKERS).text(text.toArray(String[]::new)).name("model").build();
        ScatterTrace diagonal = ScatterTrace.builder(new double[] {0, 1}, new double[] {0, 1})
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().dash(Line.Dash.DASH).color("grey").build())
                .name("perfectly calibrated").build();
        Layout layout = Layout.builder(String.format("%s (ECE %.3f)", title, calibration.expectedCalibrationError()))
                .xAxis(Axis.builder().title("confidence (top-class probability)").range(0, 1).build())
                .yAxis(Axis.builder().title("accuracy").range(0, 1.05).build())
                .width(520).height(480).build();
        return new Figure(layout, diagonal, curve);
    }

    static Figure groupAccuracy(String title, Map<String, Double> accuracy, double overall) {
        BarTrace bars = BarTrace.builder(accuracy.keySet().toArray(), accuracy.values().stream().mapToDouble(Double::doubleValue).toArray())
                .marker(Marker.builder().color("#4c78a8").build()).name("accuracy").build();
        Layout layout = Layout.builder(String.format("%s (overall %.3f)", title, overall))
                .xAxis(Axis.builder().title("group").build())
                .yAxis(Axis.builder().title("accuracy").range(0, 1.05).build())
                .build();
        return new Figure(layout, bars);
    }
}
