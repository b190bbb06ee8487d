package formlab.imu.signal;

import formlab.imu.SetInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Named channels sampled together at one constant rate from one epoch time, optionally tied to the
 * recorded set they come from: what a whole aligned recording ({@link AlignedSignal}) and a window
 * cut from it ({@link Window}) have in common. Sample {@code i} of every channel lies at
 * {@code startMillis + i * 1000 / rateHz}. Channels are copied in and out; the block is immutable.
 */
public abstract sealed class ChannelBlock permits AlignedSignal, Window {

    private final SetInfo info;
    private final double rateHz;
    private final double startMillis;
    private final List<String> names;
    private final List<String> units;
    private final double[][] channels;

    /**
     * @param info        the set the samples come from, or null for a live stream
     * @param rateHz      sample rate of every channel, > 0
     * @param startMillis epoch time of sample 0 (fractional milliseconds allowed)
     * @param names       distinct channel names, e.g. {@code acc_x}
     * @param units       unit of each channel, e.g. {@code g}
     * @param channels    values {@code [channel][sample]}, all of one length (copied)
     */
    ChannelBlock(SetInfo info, double rateHz, double startMillis, List<String> names, List<String> units,
                 double[][] channels) {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + rateHz);
        }
        if (names.size() != channels.length || units.size() != channels.length) {
            throw new IllegalArgumentException("need one name and one unit per channel");
        }
        if (Arrays.stream(channels).mapToInt(c -> c.length).distinct().count() > 1) {
            throw new IllegalArgumentException("channels differ in length");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("channel names repeat: " + names);
        }
        this.info = info;
        this.rateHz = rateHz;
        this.startMillis = startMillis;
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.channels = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            this.channels[c] = channels[c].clone();
        }
    }

    /** The set these samples come from; empty for live data. */
    public Optional<SetInfo> info() {
        return Optional.ofNullable(info);
    }

    /** Samples per second of every channel. */
    public double rateHz() {
        return rateHz;
    }

    /** Epoch time of the first sample, ms. */
    public double startMillis() {
        return startMillis;
    }

    /** Samples per channel. */
    public int length() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    /** Duration covered, seconds ({@code length / rate}). */
    public double seconds() {
        return length() / rateHz;
    }

    /** Channel names in order. */
    public List<String> names() {
        return names;
    }

    /** Channel units in order. */
    public List<String> units() {
        return units;
    }

    /** Number of channels. */
    public int channelCount() {
        return channels.length;
    }

    /** Index of channel {@code name}; throws naming the channels there are when absent. */
    public int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no channel '" + name + "'; channels are " + names);
        }
        return index;
    }

    /** A copy of channel {@code name}. */
    public double[] channel(String name) {
        return channels[indexOf(name)].clone();
    }

    /** A copy of channel {@code index}. */
    public double[] channel(int index) {
        return channels[index].clone();
    }

    /** Value of channel {@code index} at sample {@code i} (no copy). */
    public double value(int index, int i) {
        return channels[index][i];
    }

    /** Channel {@code index} without copying, for code of this package that only reads it. */
    double[] raw(int index) {
        return channels[index];
    }

    /** The set's id, or "live". */
    String source() {
        return info == null ? "live" : info.id();
    }
}
