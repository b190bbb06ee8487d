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

    /**
     * Label of a set that ended before one window was complete: nothing was classified, so it is
     * neither rest nor an exercise (confidence 0, no repetitions).
     */
    public static final String TOO_SHORT = "too-short";

    /** True when the set was too short to classify ({@link #TOO_SHORT}). */
    public boolean tooShort() {
        return TOO_SHORT.equals(label);
    }
}
