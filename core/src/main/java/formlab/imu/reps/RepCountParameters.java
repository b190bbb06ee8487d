package formlab.imu.reps;

import java.util.Locale;

/**
 * How to count repetitions: which channel, how much to smooth it and which extremes to count.
 *
 * @param channel            the signal
 * @param cutoffHz           zero-phase Butterworth (order 4) low-pass cut-off applied to it, in Hz, or
 *                           when {@code tempoRelative}, as a multiple of the set's own repetition rate
 * @param polarity           which extremes to count
 * @param relativeProminence minimum prominence of a counted extreme, as a fraction of the filtered
 *                           signal's robust range (95th minus 5th percentile), so the rule does not
 *                           depend on the lift's load or the person's strength
 * @param tempoRelative      whether {@code cutoffHz} is relative to the repetition rate estimated
 *                           from the signal's autocorrelation, so that fast and slow lifters get the same smoothing
 */
public record RepCountParameters(RepChannel channel, double cutoffHz, Polarity polarity, double relativeProminence,
                                 boolean tempoRelative) {

    /** A rule with an absolute cut-off in Hz. */
    public RepCountParameters(RepChannel channel, double cutoffHz, Polarity polarity, double relativeProminence) {
        this(channel, cutoffHz, polarity, relativeProminence, false);
    }

    public RepCountParameters {
        if (!(cutoffHz > 0) || relativeProminence < 0) {
            throw new IllegalArgumentException("cutoff must be positive and prominence non-negative");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, low-pass %s, %s, prominence %.2f x range",
                channel.name().toLowerCase(Locale.ROOT),
                tempoRelative ? String.format(Locale.ROOT, "%.2f x rep rate", cutoffHz) : String.format(Locale.ROOT, "%.2f Hz", cutoffHz),
                polarity.name().toLowerCase(Locale.ROOT), relativeProminence);
    }
}
