package formlab.imu.signal;

import formlab.imu.SetInfo;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed-length stretch of an aligned signal: the unit a classifier sees. It carries its sample
 * rate, its start, its channels with names and units, and (when cut from a recorded set) the
 * set's metadata and label, so features and evaluation never have to look them up.
 */
public final class Window extends ChannelBlock {

    private final double startSeconds;

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
        super(info, rateHz, startMillis, names, units, channels);
        this.startSeconds = startSeconds;
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

    /** Class label: the exercise of its set, or an empty string for live data. */
    public String label() {
        return info().map(set -> set.exercise().label()).orElse("");
    }

    /** Seconds from the start of the set to the first sample. */
    public double startSeconds() {
        return startSeconds;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s window at %.2f s: %d x %d samples at %.2f Hz",
                source(), startSeconds, channelCount(), length(), rateHz());
    }
}
