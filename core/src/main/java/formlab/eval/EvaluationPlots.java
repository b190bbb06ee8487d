package formlab.eval;

import formlab.display.ColourScale;
import formlab.display.PlotlyTrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Plotly figures (Tablesaw jsplot) for evaluations. Tablesaw's layout has no annotations, so
 * cell labels of the confusion matrix are drawn as a text-only scatter trace over the heatmap, each
 * in black or white, whichever reads better on its cell's colour.
 */
final class EvaluationPlots {

    private EvaluationPlots() {
    }

    static Figure confusionMatrix(String title, List<String> classes, long[][] counts, double[][] normalised) {
        int k = classes.size();
        // Plotly draws heatmap row 0 at the bottom; reverse so the first true class is on top, as in the table.
        List<String> yNames = new ArrayList<>();
        double[][] z = new double[k][];
        for (int t = 0; t < k; t++) {
            yNames.add(classes.get(k - 1 - t));
            z[t] = normalised[k - 1 - t];
        }
        ColourScale scale = ColourScale.BLUES;
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("type", "heatmap");
        heat.put("x", classes);
        heat.put("y", yNames);
        heat.put("z", z);
        heat.put("zmin", 0);
        heat.put("zmax", 1);
        heat.put("colorscale", scale.plotly());
        heat.put("colorbar", Map.of("title", Map.of("text", "share of the row")));
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String> textColours = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                xs.add(classes.get(p));
                ys.add(classes.get(t));
                text.add(counts[t][p] + " (" + Math.round(normalised[t][p] * 100) + "%)");
                // zmin 0 and zmax 1: a cell's share is its position on the colour scale.
                textColours.add(ColourScale.css(scale.textColourOn(normalised[t][p])));
            }
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("type", "scatter");
        labels.put("mode", "text");
        labels.put("x", xs);
        labels.put("y", ys);
        labels.put("text", text);
        labels.put("textfont", Map.of("color", textColours));
        labels.put("hoverinfo", "skip");
        labels.put("showlegend", false);
        int size = Math.max(420, 80 * k + 160);
        Layout layout = Layout.builder(title)
                .xAxis(Axis.builder().title("predicted").build())
                .yAxis(Axis.builder().title("true").build())
                .width(size).height(size).build();
        return new Figure(layout, new PlotlyTrace(heat), new PlotlyTrace(labels));
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
