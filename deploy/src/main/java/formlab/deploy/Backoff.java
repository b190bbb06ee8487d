package formlab.deploy;

/**
 * Exponential backoff for retrying a failing sensor: the first wait is {@code initialMillis},
 * each further failure doubles it up to {@code maxMillis}; a success resets it.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    /**
     * @param initialMillis first wait
     * @param maxMillis     longest wait
     */
    public Backoff(long initialMillis, long maxMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initialMillis + " and " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public long failed() {
        failures++;
        int doublings = Math.min(failures - 1, 62);
        long wait = initialMillis << Math.min(doublings, Long.numberOfLeadingZeros(initialMillis) - 1);
        return Math.min(maxMillis, wait <= 0 ? maxMillis : wait);
    }

    /** Records a success: the next failure waits {@code initialMillis} again. */
    public void succeeded() {
        failures = 0;
    }

    /** Failures since the last success. */
    public int failures() {
        return failures;
    }
}
