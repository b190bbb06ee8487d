package formlab.imu.plot;

import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures of raw IMU signals. Time runs in seconds from the set's start (the earlier of the two
 * sensors' first samples), so the accelerometer and gyroscope figures of one set share their
 * time axis even though the sensors start apart and sample at different rates.
 */
public final class ImuPlots {

    private static final String[] AXIS_NAMES = {"x", "y", "z"};
    private static final int HEIGHT = 320;

    private ImuPlots() {
    }

    /** The three axes of one sensor of {@code recording}, as lines over time. */
    public static Figure sensor(ImuRecording recording, SensorKind kind) {
        long origin = Math.min(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
        SensorSeries series = recording.series(kind);
        double[] seconds = new double[series.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = series.secondsSince(origin, i);
        }
        List<Trace> traces = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            traces.add(ScatterTrace.builder(seconds, series.axis(a))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .marker(Marker.builder().size(3).build())
                    .name(kind.prefix() + "_" + AXIS_NAMES[a]).build());
        }
        String title = recording.info().name() + ": " + kind.fileToken().toLowerCase(java.util.Locale.ROOT)
                + String.format(java.util.Locale.ROOT, " (%.1f Hz)", series.nominalRateHz());
        Layout layout = Layout.builder(title)
                .height(HEIGHT)
                .xAxis(Axis.builder().title("time since set start (s)").build())
                .yAxis(Axis.builder().title(kind.unit().symbol()).build())
                .build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    /** The accelerometer and the gyroscope figure of one set, in that order. */
    public static List<Figure> recording(ImuRecording recording) {
        return List.of(sensor(recording, SensorKind.ACCELEROMETER), sensor(recording, SensorKind.GYROSCOPE));
    }
}
