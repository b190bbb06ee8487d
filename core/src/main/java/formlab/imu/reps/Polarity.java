package formlab.imu.reps;

/** Which extremes of the filtered signal mark repetitions. */
public enum Polarity {
    /** Maxima. */
    PEAKS,
    /** Minima. */
    TROUGHS,
    /** The mean of the maxima and minima counts, rounded half up: less sensitive to one extra bump. */
    BOTH
}
