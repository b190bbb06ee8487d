package formlab.imu.signal;

import formlab.imu.SetInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fixed-length stretch of an aligned signal: the unit a classifier sees. It carries its sample
 * rate, its start, its channels with names and units, and (when cut from a recorded set) the
 * set's metadata and label, so features and evaluation never have to look them up.
 */
public final class Window {

    private final SetInfo info;
    private final double rateHz;
    private final double startMillis;
    private final double startSeconds;
    private final List<String> names;
    private final List<String> units;
    private final double[][] channels;

    /**
     * @param info         the set the window comes from, or null for live data
     * @param rateHz       sample rate
     * @param startMillis  epoch time of the first sample
     * @param startSeconds seconds from the start of its signal (set) to the first sample
     * @param names        channel names
     * @param units        channel units
     * @param channels     values {@code [channel][sample]}, all of one length
     */
    public Window(SetInfo info, double rateHz, double startMillis, double startSeconds, List<String> names,
                  List<String> units, double[][] channels) {
        if (names.size() != channels.length || units.size() != channels.length) {
            throw new IllegalArgumentException("need one name and unit per channel");
        }
        if (Arrays.stream(channels).mapToInt(c -> c.length).distinct().count() > 1) {
            throw new IllegalArgumentException("channels differ in length");
        }
        this.info = info;
        this.rateHz = rateHz;
        this.startMillis = startMillis;
        this.startSeconds = startSeconds;
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.channels = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            this.channels[c] = channels[c].clone();
        }
    }

    /** Samples {@code from .. from + length - 1} of {@code signal}. */
    public static Window of(AlignedSignal signal, int from, int length) {
        double[][] part = new double[signal.names().size()][];
        for (int c = 0; c < part.length; c++) {
            part[c] = Arrays.copyOfRange(signal.raw(c), from, from + length);
        }
        return new Window(signal.info().orElse(null), signal.rateHz(), signal.startMillis() + from * 1000.0 / signal.rateHz(),
                from / signal.rateHz(), signal.names(), signal.units(), part);
    }

    /** The set this window was cut from; empty for live data. */
    public Optional<SetInfo> info() {
        return Optional.ofNullable(info);
    }

    /** Class label: the exercise of its set, or an empty string for live data. */
    public String label() {
        return info == null ? "" : info.exercise().label();
    }

    /** Sample rate, Hz. */
    public double rateHz() {
        return rateHz;
    }

    /** Epoch time of the first sample, ms. */
    public double startMillis() {
        return startMillis;
    }

    /** Seconds from the start of the set to the first sample. */
    public double startSeconds() {
        return startSeconds;
    }

    /** Samples per channel. */
    public int length() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    /** Duration covered, seconds ({@code length / rate}). */
    public double seconds() {
        return length() / rateHz;
    }

    /** Channel names. */
    public List<String> names() {
        return names;
    }

    /** Channel units. */
    public List<String> units() {
        return units;
    }

    /** Number of channels. */
    public int channelCount() {
        return channels.length;
    }

    /** A copy of channel {@code index}. */
    public double[] channel(int index) {
        return channels[index].clone();
    }

    /** A copy of channel {@code name}. */
    public double[] channel(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no channel '" + name + "'; channels are " + names);
        }
        return channel(index);
    }

    /** Value of channel {@code index} at sample {@code i}. */
    public double value(int index, int i) {
        return channels[index][i];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s window at %.2f s: %d x %d samples at %.2f Hz",
                info == null ? "live" : info.id(), startSeconds, channels.length, length(), rateHz);
    }
}
