package formlab.imu.signal;

/**
 * Sliding-window geometry in seconds; converted to whole samples at the signal's rate by rounding.
 *
 * @param lengthSeconds window length
 * @param stepSeconds   distance between consecutive window starts (less than the length: overlap)
 */
public record WindowSettings(double lengthSeconds, double stepSeconds) {

    public WindowSettings {
        if (!(lengthSeconds > 0) || !(stepSeconds > 0)) {
            throw new IllegalArgumentException("window length and step must be positive, got " + lengthSeconds + ", " + stepSeconds);
        }
    }

    /** 4 s windows every 1 s: long enough for at least one repetition of every lift. */
    public static WindowSettings defaults() {
        return new WindowSettings(4.0, 1.0);
    }

    /** Window length in samples at {@code rateHz} (at least 2). */
    public int lengthSamples(double rateHz) {
        return Math.max(2, (int) Math.round(lengthSeconds * rateHz));
    }

    /**
     * Start sample of window {@code k} at {@code rateHz}: {@code round(k * step * rate)}, so that
     * starts stay on the step's time grid even when the step is not a whole number of samples
     * (1 s at 12.5 Hz alternates 12 and 13 samples).
     */
    public int start(int k, double rateHz) {
        return (int) Math.round(k * stepSeconds * rateHz);
    }

    /** How many full windows fit into {@code samples} samples at {@code rateHz}. */
    public int count(int samples, double rateHz) {
        int length = lengthSamples(rateHz);
        int k = 0;
        while (start(k, rateHz) + length <= samples) {
            k++;
        }
        return k;
    }
}
