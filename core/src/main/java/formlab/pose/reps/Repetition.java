package formlab.pose.reps;

/**
 * One counted repetition, as sample (frame) indices of the signal or phase sequence it came from.
 *
 * @param start  first sample of the active phase (e.g. the squat going down)
 * @param end    first sample back at rest, where the repetition was counted
 */
public record Repetition(int start, int end) {

    public Repetition {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A repetition needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    /** Samples from start to end. */
    public int length() {
        return end - start;
    }
}
