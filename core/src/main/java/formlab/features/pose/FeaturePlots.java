package formlab.features.pose;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Plots of pose feature tables for notebooks (Tablesaw figures, drawn offline by plotly.js). */
public final class FeaturePlots {

    private FeaturePlots() {
    }

    /**
     * Several feature columns of one sequence against the frame index, one line each (Tablesaw's
     * {@code LinePlot} draws a single column, or groups of one column).
     *
     * @param table   a feature table, e.g. from {@link PoseFeatureExtractor#table}, holding one sequence
     * @param yTitle  y-axis title (the columns should share a unit)
     * @param columns the columns to draw
     */
    public static Figure overTime(Table table, String title, String yTitle, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one column to plot");
        }
        NumericColumn<?> frame = table.numberColumn(PoseFeatureExtractor.FRAME);
        List<Trace> traces = new ArrayList<>();
        for (String column : columns) {
            traces.add(ScatterTrace.builder(frame, table.numberColumn(column))
                    .mode(ScatterTrace.Mode.LINE).name(column).showLegend(true).build());
        }
        Layout layout = Layout.builder(title)
                .xAxis(Axis.builder().title("frame").build())
                .yAxis(Axis.builder().title(yTitle).build())
                .height(400).width(800)
                .build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }
}
