package formlab.exercise;

import formlab.features.FeatureSettings;
import formlab.features.ImuFeatures;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.signal.AlignedSignal;
import formlab.imu.signal.CausalAligner;
import formlab.imu.signal.ChannelGroup;
import formlab.imu.signal.SignalPreparation;
import formlab.imu.signal.SignalSettings;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * How a recording becomes feature rows for exercise recognition, identically for training, batch
 * scoring and a live stream:
 * <ol>
 *   <li>align both sensors causally on one grid ({@link CausalAligner}, rate {@code signal.rateHz()});</li>
 *   <li>cut windows of the six raw axes at {@link WindowSettings#start}, restarting after a long gap;</li>
 *   <li>derive the channel groups of {@code signal} <em>inside each window</em>
 *   ({@link SignalPreparation#derive}: gravity estimate, gravity-frame components, magnitudes), so a
 *   window's channels depend on its own samples only and a stream that holds the same samples gets
 *   the same numbers;</li>
 *   <li>compute features with {@link ImuFeatures}: the table path for many windows, the single-window
 *   path for one, in the same order.</li>
 * </ol>
 *
 * @param signal        grid rate, optional low-pass, gravity cut-off, channel groups
 * @param window        window length and step
 * @param features      which features
 * @param maxGapSeconds longest sensor gap bridged by interpolation; longer gaps restart the windows
 */
public record ExercisePipeline(SignalSettings signal, WindowSettings window, FeatureSettings features, double maxGapSeconds) {

    public ExercisePipeline {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(features, "features");
        if (!(maxGapSeconds > 0)) {
            throw new IllegalArgumentException("maxGapSeconds must be positive, got " + maxGapSeconds);
        }
        if (!signal.channels().contains(ChannelGroup.AXES) || !signal.channels().contains(ChannelGroup.MAGNITUDES)) {
            throw new IllegalArgumentException("exercise windows need the AXES and MAGNITUDES channel groups (orientation"
                    + " features and the rest gate read them); got " + signal.channels());
        }
    }

    /**
     * 12.5 Hz (the accelerometer's rate), no extra low-pass, gravity below 0.3 Hz; channels: axes,
     * magnitudes and gravity frame; 4 s windows every 1 s; the default features plus orientation
     * and movement ({@code motion__}); gaps up to 5 s bridged.
     */
    public static ExercisePipeline defaults() {
        return new ExercisePipeline(SignalSettings.defaults().withChannels(
                EnumSet.of(ChannelGroup.AXES, ChannelGroup.MAGNITUDES, ChannelGroup.GRAVITY_FRAME)),
                WindowSettings.defaults(), FeatureSettings.defaults().withOrientation(true).withMotion(true),
                CausalAligner.DEFAULT_MAX_GAP_SECONDS);
    }

    /** The same pipeline with other window settings. */
    public ExercisePipeline withWindow(WindowSettings other) {
        return new ExercisePipeline(signal, other, features, maxGapSeconds);
    }

    /** Grid rate, Hz. */
    public double rateHz() {
        return signal.rateHz();
    }

    /** Window length in grid samples. */
    public int windowSamples() {
        return window.lengthSamples(signal.rateHz());
    }

    /** The aligned segments of a recording (one unless it has a gap longer than {@code maxGapSeconds}). */
    public List<AlignedSignal> align(ImuRecording recording) {
        return CausalAligner.align(recording, signal.rateHz(), maxGapSeconds);
    }

    /** Every full window of a recording, in time order; start seconds count from the recording's first grid sample. */
    public List<Window> windows(ImuRecording recording) {
        return windowsBySegment(recording).stream().flatMap(List::stream).toList();
    }

    /**
     * The windows of each aligned segment of a recording (a new segment starts after a gap longer
     * than {@code maxGapSeconds}; windows never span two segments).
     */
    public List<List<Window>> windowsBySegment(ImuRecording recording) {
        return windowsOf(align(recording));
    }

    /**
     * Every full window of an accelerometer (g) and gyroscope (deg/s) pair that is no barbell set (one
     * sensor unit of a recording read through a dataset description), in time order: aligned, cut and
     * derived exactly as {@link #windows(ImuRecording)}; the windows carry no set information.
     */
    public List<Window> windows(SensorSeries accelerometer, SensorSeries gyroscope) {
        return windowsOf(align(accelerometer, gyroscope)).stream().flatMap(List::stream).toList();
    }

    /** The aligned segments of an accelerometer (g) and gyroscope (deg/s) pair that is no barbell set. */
    public List<AlignedSignal> align(SensorSeries accelerometer, SensorSeries gyroscope) {
        return CausalAligner.align(null, accelerometer, gyroscope, signal.rateHz(), maxGapSeconds);
    }

    private List<List<Window>> windowsOf(List<AlignedSignal> segments) {
        List<List<Window>> windows = new ArrayList<>();
        if (segments.isEmpty()) {
            return windows;
        }
        double origin = segments.getFirst().startMillis();
        int length = windowSamples();
        for (AlignedSignal segment : segments) {
            List<Window> part = new ArrayList<>();
            for (int k = 0; window.start(k, rateHz()) + length <= segment.length(); k++) {
                int from = window.start(k, rateHz());
                part.add(window(segment.slice(from, from + length), origin));
            }
            windows.add(part);
        }
        return windows;
    }

    /** Windows of many recordings, in recording order. */
    public List<Window> windows(List<ImuRecording> recordings) {
        List<Window> windows = new ArrayList<>();
        for (ImuRecording recording : recordings) {
            windows.addAll(windows(recording));
        }
        return windows;
    }

    /**
     * The window made of exactly the samples of {@code raw} (channels {@link CausalAligner#CHANNELS}),
     * with the derived channel groups.
     *
     * @param raw          the window's raw grid samples
     * @param originMillis time the window's start seconds count from
     */
    public Window window(AlignedSignal raw, double originMillis) {
        AlignedSignal derived = SignalPreparation.derive(raw, signal);
        double[][] channels = new double[derived.names().size()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = derived.channel(c);
        }
        return new Window(raw.info().orElse(null), raw.rateHz(), raw.startMillis(),
                (raw.startMillis() - originMillis) / 1000.0, derived.names(), derived.units(), channels);
    }

    /** Epoch time of grid sample {@code index} of a segment starting at {@code segmentStartMillis} (the arithmetic slicing uses). */
    public double sampleMillis(double segmentStartMillis, int index) {
        return segmentStartMillis + index * 1000.0 / signal.rateHz();
    }

    /** Names of the derived channels of every window, in order. */
    public List<String> channelNames() {
        int n = windowSamples();
        double[][] zeros = new double[CausalAligner.CHANNELS.size()][n];
        for (int i = 0; i < n; i++) {
            zeros[2][i] = 1;
        }
        return SignalPreparation.derive(new AlignedSignal(null, rateHz(), 0, CausalAligner.CHANNELS, CausalAligner.UNITS, zeros),
                signal).names();
    }

    /** Names of every feature, in the order of {@link #features(Window)}. */
    public List<String> featureNames() {
        return ImuFeatures.featureNames(channelNames(), features);
    }

    /** Features of one window (the streaming path). */
    public double[] features(Window w) {
        return ImuFeatures.extract(w, features);
    }

    /** Feature table of many windows (metadata columns, then one column per feature). */
    public Table featureTable(List<Window> windows) {
        return ImuFeatures.extract(windows, features);
    }

    /** The settings as plain JSON values, for the model card. */
    public Map<String, Object> toMap() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rateHz", signal.rateHz());
        s.put("lowPassHz", signal.lowPassHz());
        s.put("filterOrder", signal.filterOrder());
        s.put("gravityCutoffHz", signal.gravityCutoffHz());
        s.put("channels", EnumSet.copyOf(signal.channels()).stream().map(Enum::name).toList());
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("lengthSeconds", window.lengthSeconds());
        w.put("stepSeconds", window.stepSeconds());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("percentiles", features.percentiles());
        f.put("spectrumFrequencies", features.spectrumFrequencies());
        f.put("bands", features.bands().stream().map(b -> List.of(b[0], b[1])).toList());
        f.put("minLagSeconds", features.minLagSeconds());
        f.put("maxLagSeconds", features.maxLagSeconds());
        f.put("correlationPairs", features.correlationPairs());
        f.put("frequencyDomain", features.frequencyDomain());
        f.put("orientation", features.orientation());
        f.put("motion", features.motion());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("signal", s);
        all.put("window", w);
        all.put("features", f);
        all.put("maxGapSeconds", maxGapSeconds);
        return all;
    }

    /** The pipeline described by {@link #toMap()} (as read back from JSON). */
    @SuppressWarnings("unchecked")
    public static ExercisePipeline fromMap(Map<String, ?> map) {
        try {
            Map<String, Object> s = (Map<String, Object>) map.get("signal");
            Map<String, Object> w = (Map<String, Object>) map.get("window");
            Map<String, Object> f = (Map<String, Object>) map.get("features");
            Set<ChannelGroup> groups = EnumSet.noneOf(ChannelGroup.class);
            for (Object name : (List<Object>) s.get("channels")) {
                groups.add(ChannelGroup.valueOf(name.toString()));
            }
            SignalSettings signal = new SignalSettings(number(s, "rateHz"), number(s, "lowPassHz"),
                    (int) number(s, "filterOrder"), number(s, "gravityCutoffHz"), groups);
            WindowSettings window = new WindowSettings(number(w, "lengthSeconds"), number(w, "stepSeconds"));
            List<double[]> bands = ((List<List<Number>>) f.get("bands")).stream()
                    .map(b -> new double[] {b.get(0).doubleValue(), b.get(1).doubleValue()}).toList();
            FeatureSettings features = new FeatureSettings(doubles(f.get("percentiles")), doubles(f.get("spectrumFrequencies")),
                    bands, number(f, "minLagSeconds"), number(f, "maxLagSeconds"),
                    ((List<List<Object>>) f.get("correlationPairs")).stream().map(p -> p.stream().map(Object::toString).toList()).toList(),
                    Boolean.parseBoolean(String.valueOf(f.get("frequencyDomain"))),
                    Boolean.parseBoolean(String.valueOf(f.get("orientation"))),
                    Boolean.parseBoolean(String.valueOf(f.get("motion")))); // absent (older models): false
            return new ExercisePipeline(signal, window, features, number((Map<String, Object>) map, "maxGapSeconds"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not an exercise pipeline description: " + map, e);
        }
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("pipeline setting '" + key + "' must be a number, got " + value);
        }
        return n.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> doubles(Object list) {
        return ((List<Number>) list).stream().map(Number::doubleValue).toList();
    }

    /** One line, e.g. "4 s windows every 1 s at 12.5 Hz; channels [AXES, ...]; 412 features". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s s windows every %s s at %s Hz; channels %s; %d features",
                trim(window.lengthSeconds()), trim(window.stepSeconds()), trim(signal.rateHz()),
                EnumSet.copyOf(signal.channels()), featureNames().size());
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
