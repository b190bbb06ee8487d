package formlab.imu.signal;

import formlab.imu.metawear.MetaWearRates;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to prepare a recording's signal.
 *
 * @param rateHz          common sample rate for both sensors
 * @param lowPassHz       zero-phase low-pass cut-off applied to all resampled axes; 0 turns it off
 * @param filterOrder     Butterworth order of that low-pass (per pass; filtfilt doubles it)
 * @param gravityCutoffHz cut-off of the low-pass that estimates gravity from the accelerometer
 * @param channels        which channel families to produce, in {@link ChannelGroup} order
 */
public record SignalSettings(double rateHz, double lowPassHz, int filterOrder, double gravityCutoffHz,
                             Set<ChannelGroup> channels) {

    public SignalSettings {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("rateHz must be positive, got " + rateHz);
        }
        if (lowPassHz < 0 || (lowPassHz > 0 && lowPassHz >= rateHz / 2)) {
            throw new IllegalArgumentException("lowPassHz must be 0 (off) or below half the rate " + rateHz / 2 + " Hz, got " + lowPassHz);
        }
        if (!(gravityCutoffHz > 0) || gravityCutoffHz >= rateHz / 2) {
            throw new IllegalArgumentException("gravityCutoffHz must lie between 0 and half the rate, got " + gravityCutoffHz);
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("choose at least one channel group");
        }
        channels = Set.copyOf(EnumSet.copyOf(channels));
    }

    /**
     * 12.5 Hz ({@link MetaWearRates#ACCELEROMETER_HZ}, the accelerometer's own rate: nothing invented,
     * gyroscope anti-aliased), no extra
     * low-pass, order 4, gravity below 0.3 Hz, channels: axes, magnitudes and gravity frame.
     */
    public static SignalSettings defaults() {
        return new SignalSettings(MetaWearRates.ACCELEROMETER_HZ, 0, 4, 0.3, EnumSet.of(ChannelGroup.AXES, ChannelGroup.MAGNITUDES, ChannelGroup.GRAVITY_FRAME));
    }

    /** The same settings at another rate. */
    public SignalSettings withRate(double newRateHz) {
        return new SignalSettings(newRateHz, lowPassHz, filterOrder, gravityCutoffHz, channels);
    }

    /** The same settings with another low-pass cut-off (0 = off). */
    public SignalSettings withLowPass(double cutoffHz) {
        return new SignalSettings(rateHz, cutoffHz, filterOrder, gravityCutoffHz, channels);
    }

    /** The same settings with other channel groups. */
    public SignalSettings withChannels(Set<ChannelGroup> groups) {
        return new SignalSettings(rateHz, lowPassHz, filterOrder, gravityCutoffHz, groups);
    }
}
