package formlab.features;

import formlab.imu.SetInfo;
import formlab.imu.signal.Window;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The feature extractor for IMU windows: one table path for training and evaluation, one
 * single-window path for streaming, computing exactly the same numbers in the same order.
 *
 * <p>For every channel of a window, in this order (names {@code <channel>__<feature>}):
 * <ul>
 *   <li>time domain: {@code mean, std} (population), {@code min, max, range}, the percentiles
 *   {@code p10 ... p90}, {@code rms}, {@code zero_cross_hz} and {@code mean_cross_hz} (sign changes
 *   about 0 and about the mean, per second), {@code acf_peak} and {@code acf_lag_s} (highest
 *   autocorrelation between the settings' lags and its lag: a repetition period);</li>
 *   <li>frequency domain (JTransforms FFT of the mean-removed, Hann-windowed channel):
 *   {@code spec_<f>hz} amplitudes at the chosen whole-Hz frequencies, {@code dom_freq_hz},
 *   {@code spec_centroid_hz}, {@code spec_entropy} (normalised, 0-1), {@code spec_power} and
 *   {@code band_<from>_<to>hz} (share of the power in each band).</li>
 * </ul>
 * then {@code corr__<a>__<b>} for each configured channel pair present in the window, then (when
 * {@link FeatureSettings#orientation()} is on) the {@code orient__...} features of
 * {@link OrientationFeatures}: gravity direction in the sensor frame, main movement and rotation
 * axes and their angles to gravity, then (when {@link FeatureSettings#motion()} is on) the
 * {@code motion__...} features of {@link MotionFeatures}: movement along, across and about gravity.
 */
public final class ImuFeatures {

    /** Metadata columns that precede the features in {@link #extract(List, FeatureSettings)}. */
    public static final List<String> METADATA_COLUMNS = List.of("participant", "exercise", "intensity", "set_id", "window_start_s");

    private ImuFeatures() {
    }

    /** Feature names for windows with {@code channels}, in the order {@link #extract(Window, FeatureSettings)} returns them. */
    public static List<String> featureNames(List<String> channels, FeatureSettings settings) {
        List<String> names = new ArrayList<>();
        for (String channel : channels) {
            String c = channel + "__";
            for (String stat : List.of("mean", "std", "min", "max", "range")) {
                names.add(c + stat);
            }
            for (double p : settings.percentiles()) {
                names.add(c + "p" + number(p));
            }
            for (String stat : List.of("rms", "zero_cross_hz", "mean_cross_hz", "acf_peak", "acf_lag_s")) {
                names.add(c + stat);
            }
            if (settings.frequencyDomain()) {
                for (double f : settings.spectrumFrequencies()) {
                    names.add(c + "spec_" + number(f) + "hz");
                }
                for (String stat : List.of("dom_freq_hz", "spec_centroid_hz", "spec_entropy", "spec_power")) {
                    names.add(c + stat);
                }
                for (double[] band : settings.bands()) {
                    names.add(c + "band_" + number(band[0]) + "_" + number(band[1]) + "hz");
                }
            }
        }
        for (List<String> pair : presentPairs(channels, settings)) {
            names.add("corr__" + pair.get(0) + "__" + pair.get(1));
        }
        if (settings.orientation()) {
            names.addAll(OrientationFeatures.names(channels));
        }
        if (settings.motion()) {
            names.addAll(MotionFeatures.names(channels));
        }
        return names;
    }

    /** Features of one window, ordered as {@link #featureNames(List, FeatureSettings)}. */
    public static double[] extract(Window window, FeatureSettings settings) {
        double rate = window.rateHz();
        int minLag = Math.max(1, (int) Math.round(settings.minLagSeconds() * rate));
        int maxLag = Math.min(window.length() / 2, (int) Math.round(settings.maxLagSeconds() * rate));
        List<String> channels = window.names();
        double[] out = new double[featureNames(channels, settings).size()];
        int k = 0;
        for (int c = 0; c < window.channelCount(); c++) {
            double[] x = window.channel(c);
            double mean = SignalStatistics.mean(x);
            double[] sorted = SignalStatistics.sorted(x);
            out[k++] = mean;
            out[k++] = SignalStatistics.std(x, mean);
            out[k++] = sorted[0];
            out[k++] = sorted[sorted.length - 1];
            out[k++] = sorted[sorted.length - 1] - sorted[0];
            for (double p : settings.percentiles()) {
                out[k++] = SignalStatistics.percentile(sorted, p);
            }
            out[k++] = SignalStatistics.rms(x);
            out[k++] = SignalStatistics.crossingsPerSecond(x, 0, rate);
            out[k++] = SignalStatistics.crossingsPerSecond(x, mean, rate);
            double[] acf = SignalStatistics.autocorrelationPeak(x, mean, minLag, maxLag);
            out[k++] = acf[0];
            out[k++] = acf[1] / rate;
            if (settings.frequencyDomain()) {
                Spectrum spectrum = Spectrum.of(x, mean, rate);
                for (double f : settings.spectrumFrequencies()) {
                    out[k++] = spectrum.amplitudeAt(f);
                }
                out[k++] = spectrum.dominantFrequency();
                out[k++] = spectrum.centroid();
                out[k++] = spectrum.entropy();
                out[k++] = spectrum.power();
                for (double[] band : settings.bands()) {
                    out[k++] = spectrum.bandShare(band[0], band[1]);
                }
            }
        }
        for (List<String> pair : presentPairs(channels, settings)) {
            out[k++] = SignalStatistics.correlation(window.channel(pair.get(0)), window.channel(pair.get(1)));
        }
        if (settings.orientation()) {
            k = OrientationFeatures.extract(window, out, k);
        }
        if (settings.motion()) {
            k = MotionFeatures.extract(window, out, k);
        }
        assert k == out.length;
        return out;
    }

    /**
     * Features of every window as a table: the {@link #METADATA_COLUMNS} (empty strings for live
     * windows) followed by one double column per feature. All windows must have the same channels.
     * Windows are processed in parallel; rows keep the order of {@code windows}.
     */
    public static Table extract(List<Window> windows, FeatureSettings settings) {
        List<String> channels = windows.isEmpty() ? List.of() : windows.get(0).names();
        for (Window w : windows) {
            if (!w.names().equals(channels)) {
                throw new IllegalArgumentException("all windows need the same channels: " + channels + " vs " + w.names() + " in " + w);
            }
        }
        List<String> names = featureNames(channels, settings);
        double[][] rows = IntStream.range(0, windows.size()).parallel()
                .mapToObj(i -> extract(windows.get(i), settings)).toArray(double[][]::new);
        List<Column<?>> columns = new ArrayList<>();
        StringColumn participant = StringColumn.create("participant");
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn intensity = StringColumn.create("intensity");
        StringColumn setId = StringColumn.create("set_id");
        DoubleColumn start = DoubleColumn.create("window_start_s");
        for (Window w : windows) {
            SetInfo info = w.info().orElse(null);
            participant.append(info == null ? "" : info.participant());
            exercise.append(w.label());
            intensity.append(info == null ? "" : info.intensity().label());
            setId.append(info == null ? "" : info.id());
            start.append(w.startSeconds());
        }
        columns.addAll(List.of(participant, exercise, intensity, setId, start));
        for (int f = 0; f < names.size(); f++) {
            double[] values = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                values[r] = rows[r][f];
            }
            columns.add(DoubleColumn.create(names.get(f), values));
        }
        return Table.create("IMU window features", columns.toArray(new Column<?>[0]));
    }

    private static List<List<String>> presentPairs(List<String> channels, FeatureSettings settings) {
        return settings.correlationPairs().stream()
                .filter(pair -> channels.contains(pair.get(0)) && channels.contains(pair.get(1))).toList();
    }

    /** 10.0 -> "10", 0.5 -> "0.5", 6.25 -> "6.25". */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The classes whose code decides a window's feature values: the feature families of this
     * package and the signal preparation they read.
     */
    private static final List<String> FEATURE_CODE = List.of("formlab.features.ImuFeatures",
            "formlab.features.MotionFeatures", "formlab.features.OrientationFeatures", "formlab.features.SignalStatistics",
            "formlab.features.Spectrum", "formlab.features.FeatureSettings", "formlab.imu.signal.SignalPreparation",
            "formlab.imu.signal.Channels", "formlab.imu.signal.CausalAligner", "formlab.imu.signal.Butterworth",
            "formlab.imu.signal.Biquad", "formlab.imu.signal.PrincipalAxis",
            "formlab.imu.signal.Autocorrelation");

    private static volatile String fingerprint;

    /**
     * SHA-256 of the bytecode that computes the features: part of the key of cached feature tables,
     * so that a changed formula that keeps its feature name never reuses values computed by the old
     * code.
     */
    public static String codeFingerprint() {
        String value = fingerprint;
        if (value == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String type : FEATURE_CODE) {
                    try (var in = ImuFeatures.class.getClassLoader().getResourceAsStream(type.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new IllegalStateException("cannot read the bytecode of " + type);
                        }
                        digest.update(in.readAllBytes());
                    }
                }
                value = HexFormat.of().formatHex(digest.digest());
                fingerprint = value;
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot fingerprint the feature code", e);
            }
        }
        return value;
    }
}
