package formlab.imu.signal;

import formlab.imu.SetInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named channels sampled together at one constant rate, starting at one epoch time: what the
 * resampler makes of a recording, and what windows are cut from.
 *
 * <p>Sample {@code i} of every channel lies at {@code startMillis + i * 1000 / rateHz}.
 */
public final class AlignedSignal {

    private final SetInfo info;
    private final double rateHz;
    private final double startMillis;
    private final List<String> names;
    private final List<String> units;
    private final double[][] channels;

    /**
     * @param info        the set the signal comes from, or null for a live stream
     * @param rateHz      sample rate of every channel
     * @param startMillis epoch time of sample 0 (fractional milliseconds allowed)
     * @param names       channel names, e.g. {@code acc_x}
     * @param units       unit of each channel, e.g. {@code g}
     * @param channels    values, one array per channel, all of the same length
     */
    public AlignedSignal(SetInfo info, double rateHz, double startMillis, List<String> names, List<String> units,
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

    /** The set this signal was made from, empty for live streams. */
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

    /** Length in seconds ({@code length / rate}). */
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

    /** Index of channel {@code name}; throws if absent. */
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

    /** Channel {@code index} without copying, for windows cut from this signal (must not be modified). */
    double[] raw(int index) {
        return channels[index];
    }

    /** Value of channel {@code index} at sample {@code i} (no copy). */
    public double value(int index, int i) {
        return channels[index][i];
    }

    /** Seconds of sample {@code i} after the first sample. */
    public double secondsAt(int i) {
        return i / rateHz;
    }

    /** This signal with extra channels appended. */
    public AlignedSignal with(List<String> extraNames, List<String> extraUnits, List<double[]> extra) {
        List<String> n = new ArrayList<>(names);
        n.addAll(extraNames);
        List<String> u = new ArrayList<>(units);
        u.addAll(extraUnits);
        double[][] all = Arrays.copyOf(channels, channels.length + extra.size());
        for (int i = 0; i < extra.size(); i++) {
            all[channels.length + i] = Objects.requireNonNull(extra.get(i));
        }
        return new AlignedSignal(info, rateHz, startMillis, n, u, all);
    }

    /** Only the named channels, in the given order. */
    public AlignedSignal select(List<String> keep) {
        double[][] kept = new double[keep.size()][];
        List<String> keptUnits = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            int index = indexOf(keep.get(i));
            kept[i] = channels[index];
            keptUnits.add(units.get(index));
        }
        return new AlignedSignal(info, rateHz, startMillis, keep, keptUnits, kept);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of every channel. */
    public AlignedSignal slice(int from, int to) {
        double[][] part = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            part[c] = Arrays.copyOfRange(channels[c], from, to);
        }
        return new AlignedSignal(info, rateHz, startMillis + from * 1000.0 / rateHz, names, units, part);
    }

    @Override
    public String toString() {
        return (info == null ? "live" : info.id()) + ": " + names.size() + " channels x " + length() + " samples at "
                + rateHz + " Hz";
    }
}
