package formlab.pose.io;

/**
 * What a landmark reader does with a data row it cannot use (wrong column count, a non-numeric
 * or non-finite value, visibility outside 0..1, empty label). Problems with the header or the
 * file as a whole always fail, whatever the policy.
 */
public enum BadRowPolicy {
    /** Throw a {@link LandmarkFormatException} at the first bad row (the default). */
    FAIL,
    /**
     * Leave bad rows out, count them per {@link LandmarkFormatException.Problem} in the
     * {@link ReadReport} and keep reading. Frame indices still count skipped rows, so the gap shows.
     */
    SKIP
}
