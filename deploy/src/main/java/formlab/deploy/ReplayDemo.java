package formlab.deploy;

import com.pi4j.context.Context;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.config.TrackerConfigReader;
import formlab.deploy.sensor.RecordingSource;
import formlab.deploy.session.SetRecord;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The tracker run on Pi4J's mock platform with a replayed recording, as fast as possible, keeping
 * what a notebook wants to look at: every GPIO change (in recording time), every window result,
 * the set record and the processing times. The runtime is the one the Pi runs; only the platform
 * (mock GPIO) and the source (a file) differ.
 *
 * @param recording the replayed set
 * @param pins      every output change, in order
 * @param windows   every window result with the set's repetitions so far
 * @param set       the logged set
 * @param latency   processing times of the samples that completed a window
 * @param windowMillis each of those times, in order, ms
 * @param sessionDir where the session log and raw files went
 */
public record ReplayDemo(ImuRecording recording, List<PinChange> pins, List<WindowEvent> windows, SetRecord set,
                         TimedSink.Latency latency, double[] windowMillis, Path sessionDir) {

    /**
     * One output change.
     *
     * @param pin      output name, e.g. {@code rep-led (BCM 17)}
     * @param on       new state
     * @param atMillis recording time (epoch ms)
     */
    public record PinChange(String pin, boolean on, long atMillis) {
    }

    /**
     * One window result.
     *
     * @param result    the classifier's result
     * @param totalReps repetitions of the set so far
     */
    public record WindowEvent(WindowResult result, int totalReps) {
    }

    /** Replays {@code recording} through the tracker on the mock platform, writing the session into {@code sessionDir}. */
    public static ReplayDemo run(ImuRecording recording, TrackerMain.SinkFactory sinks, Path sessionDir) throws IOException {
        TrackerConfig config = TrackerConfigReader.read(Map.of("sensor.replay.speed", "max",
                "session.dir", sessionDir.toString()), Map.of());
        Context pi4j = Pi4jContexts.mock();
        try {
            RecordingSource source = new RecordingSource(recording);
            TimedSink sink = new TimedSink(sinks.create(config, source));
            List<PinChange> pins = new ArrayList<>();
            List<WindowEvent> windows = new ArrayList<>();
            List<SetRecord> sets = new ArrayList<>();
            try (Tracker tracker = Tracker.create(config, pi4j, source, sink,
                    (pin, on, at) -> pins.add(new PinChange(pin, on, at)))) {
                tracker.runtime().listen(new TrackerListener() {
                    @Override
                    public void window(WindowResult result, int totalReps) {
                        windows.add(new WindowEvent(result, totalReps));
                    }

                    @Override
                    public void setEnded(SetRecord record) {
                        sets.add(record);
                    }
                });
                tracker.run();
            }
            return new ReplayDemo(recording, List.copyOf(pins), List.copyOf(windows), sets.getFirst(), sink.windows(),
                    sink.windowMillis(), sessionDir);
        } finally {
            pi4j.shutdown();
        }
    }

    /** The time axis origin: the recording's first sample of either sensor (as {@code ImuPlots} uses). */
    private long origin() {
        return Math.min(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
    }

    /** Times the rep LED switched on, seconds from the recording's first sample. */
    public double[] repLedOnSeconds() {
        long origin = origin();
        return pins.stream().filter(p -> p.on() && p.pin().startsWith("rep-led"))
                .mapToDouble(p -> (p.atMillis() - origin) / 1000.0).toArray();
    }

    /** The window results as a table: time, label, confidence, repetitions so far. */
    public Table windowTable() {
        long origin = origin();
        DoubleColumn time = DoubleColumn.create("time_s");
        StringColumn label = StringColumn.create("exercise");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        IntColumn reps = IntColumn.create("reps_so_far");
        for (WindowEvent w : windows) {
            time.append((w.result().epochMillis() - origin) / 1000.0);
            label.append(w.result().label());
            confidence.append(w.result().confidence());
            reps.append(w.totalReps());
        }
        return Table.create("windows of " + recording.info().name(), time, label, confidence, reps);
    }

    /**
     * The GPIO timeline against the signal: accelerometer magnitude (g) on top, and below it one
     * lane per output (rep LED, set-end buzzer/relay, status LED) drawn as on/off steps, all on the
     * recording's time axis.
     */
    public Figure timelineFigure() {
        SensorSeries acc = recording.accelerometer();
        long origin = origin();
        double end = (Math.max(acc.endMillis(), recording.gyroscope().endMillis()) - origin) / 1000.0;
        double[] seconds = new double[acc.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = acc.secondsSince(origin, i);
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(seconds, acc.magnitude()).mode(ScatterTrace.Mode.LINE).name("|acc| (g)").build());
        String[] lanes = {"rep-led", "set-end", "status-led"};
        for (int lane = 0; lane < lanes.length; lane++) {
            List<double[]> steps = steps(lanes[lane], origin, end, 2.0 * (lanes.length - 1 - lane));
            traces.add(ScatterTrace.builder(steps.stream().mapToDouble(p -> p[0]).toArray(),
                            steps.stream().mapToDouble(p -> p[1]).toArray())
                    .mode(ScatterTrace.Mode.LINE).line(Line.builder().width(1.5).build())
                    .yAxis(ScatterTrace.YAxis.Y2).name(lanes[lane]).build());
        }
        Layout layout = Layout.builder(recording.info().name() + ": signal and GPIO outputs on the mock platform")
                .height(460)
                .xAxis(Axis.builder().title("time since the first sample (s)").build())
                .yAxis(Axis.builder().title("|acc| (g)").domain(0.42f, 1f).build())
                .yAxis2(Axis.builder().domain(0f, 0.36f).showGrid(false).showZeroLine(false)
                        .tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.ARRAY).arrayTicks(new double[] {0.5, 2.5, 4.5},
                                new String[] {"status LED", "set-end", "rep LED"}).build()).build())
                .build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    /** On/off steps of output {@code prefix}, lifted by {@code base} (off = base, on = base + 1). */
    private List<double[]> steps(String prefix, long origin, double end, double base) {
        List<double[]> points = new ArrayList<>();
        boolean on = false;
        points.add(new double[] {0, base});
        for (PinChange change : pins) {
            if (!change.pin().startsWith(prefix) || change.on() == on) {
                continue;
            }
            double t = (change.atMillis() - origin) / 1000.0;
            points.add(new double[] {t, base + (on ? 1 : 0)});
            on = change.on();
            points.add(new double[] {t, base + (on ? 1 : 0)});
        }
        double last = Math.max(end, points.getLast()[0]);
        points.add(new double[] {last, base + (on ? 1 : 0)});
        return points;
    }
}
