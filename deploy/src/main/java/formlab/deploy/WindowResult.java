package formlab.deploy;

/**
 * What the live classifier says after a window (or at the end of a set).
 *
 * @param epochMillis time of the last sample the result covers
 * @param label       recognised exercise, e.g. {@code squat}
 * @param confidence  probability of that label (0-1)
 * @param reps        repetitions counted in the set (segment) so far
 */
public record WindowResult(long epochMillis, String label, double confidence, int reps) {
}
