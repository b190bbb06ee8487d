package formlab.imu.signal;

import formlab.imu.SetInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Named channels sampled together at one constant rate, starting at one epoch time: what the
 * resampler makes of a recording, and what windows are cut from.
 *
 * <p>Sample {@code i} of every channel lies at {@code startMillis + i * 1000 / rateHz}.
 */
public final class AlignedSignal extends ChannelBlock {

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
        super(info, rateHz, startMillis, names, units, channels);
    }

    /** Seconds of sample {@code i} after the first sample. */
    public double secondsAt(int i) {
        return i / rateHz();
    }

    /** This signal with extra channels appended. */
    public AlignedSignal with(List<String> extraNames, List<String> extraUnits, List<double[]> extra) {
        List<String> n = new ArrayList<>(names());
        n.addAll(extraNames);
        List<String> u = new ArrayList<>(units());
        u.addAll(extraUnits);
        double[][] all = new double[channelCount() + extra.size()][];
        for (int c = 0; c < channelCount(); c++) {
            all[c] = raw(c);
        }
        for (int i = 0; i < extra.size(); i++) {
            all[channelCount() + i] = Objects.requireNonNull(extra.get(i));
        }
        return new AlignedSignal(info().orElse(null), rateHz(), startMillis(), n, u, all);
    }

    /** Only the named channels, in the given order. */
    public AlignedSignal select(List<String> keep) {
        double[][] kept = new double[keep.size()][];
        List<String> keptUnits = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            int index = indexOf(keep.get(i));
            kept[i] = raw(index);
            keptUnits.add(units().get(index));
        }
        return new AlignedSignal(info().orElse(null), rateHz(), startMillis(), keep, keptUnits, kept);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of every channel. */
    public AlignedSignal slice(int from, int to) {
        double[][] part = new double[channelCount()][];
        for (int c = 0; c < part.length; c++) {
            part[c] = Arrays.copyOfRange(raw(c), from, to);
        }
        return new AlignedSignal(info().orElse(null), rateHz(), startMillis() + from * 1000.0 / rateHz(), names(), units(), part);
    }

    @Override
    public String toString() {
        return source() + ": " + channelCount() + " channels x " + length() + " samples at " + rateHz() + " Hz";
    }
}
