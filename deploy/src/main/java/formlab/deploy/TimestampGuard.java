package formlab.deploy;

/**
 * The policy that keeps clock trouble out of the windows. Every sample's timestamp is compared
 * with the last accepted one ({@code dt}, nominal period {@code p}):
 * <ul>
 *   <li>first sample, or {@code p/2 <= dt <= maxGap}: {@link Verdict#ACCEPT} (gaps up to
 *   {@code maxGap} are bridged by interpolation downstream, as in batch processing);</li>
 *   <li>{@code dt == 0}: {@link Verdict#DUPLICATE}, dropped;</li>
 *   <li>{@code 0 < dt < p/2}: {@link Verdict#TOO_SOON}, dropped (a burst of reads after a
 *   scheduler hiccup measures the same physical sample again);</li>
 *   <li>{@code -2p <= dt < 0}: {@link Verdict#OUT_OF_ORDER}, dropped (jitter; a window cannot
 *   take a sample older than its last);</li>
 *   <li>{@code dt < -2p}: {@link Verdict#BACKWARD_JUMP}: the clock was set back; the sample
 *   starts a new segment (window buffer reset, repetitions so far kept);</li>
 *   <li>{@code dt > maxGap}: {@link Verdict#FORWARD_GAP}: the stream was interrupted; the sample
 *   starts a new segment.</li>
 * </ul>
 */
public final class TimestampGuard {

    /** What happens to a sample. */
    public enum Verdict {
        /** Appended to the current segment. */
        ACCEPT,
        /** Same timestamp as the last sample: dropped. */
        DUPLICATE,
        /** Less than half a period after the last sample: dropped. */
        TOO_SOON,
        /** Slightly older than the last sample: dropped. */
        OUT_OF_ORDER,
        /** Much older than the last sample: starts a new segment. */
        BACKWARD_JUMP,
        /** Longer than the maximum gap after the last sample: starts a new segment. */
        FORWARD_GAP;

        /** True when the sample is used (possibly as the first of a new segment). */
        public boolean kept() {
            return this == ACCEPT || startsSegment();
        }

        /** True when the sample starts a new segment. */
        public boolean startsSegment() {
            return this == BACKWARD_JUMP || this == FORWARD_GAP;
        }
    }

    private final double periodMillis;
    private final long maxGapMillis;
    private final int[] counts = new int[Verdict.values().length];
    private boolean started;
    private long last;

    /**
     * @param periodMillis nominal time between samples
     * @param maxGapMillis longest gap bridged within a segment
     */
    public TimestampGuard(double periodMillis, long maxGapMillis) {
        if (!(periodMillis > 0) || maxGapMillis < periodMillis) {
            throw new IllegalArgumentException("need a positive period and a max gap of at least one period, got "
                    + periodMillis + " and " + maxGapMillis);
        }
        this.periodMillis = periodMillis;
        this.maxGapMillis = maxGapMillis;
    }

    /** Judges the sample stamped {@code epochMillis}; a kept sample becomes the new reference. */
    public Verdict check(long epochMillis) {
        Verdict verdict;
        if (!started) {
            verdict = Verdict.ACCEPT;
        } else {
            long dt = epochMillis - last;
            if (dt == 0) {
                verdict = Verdict.DUPLICATE;
            } else if (dt > 0 && dt < periodMillis / 2) {
                verdict = Verdict.TOO_SOON;
            } else if (dt < 0 && dt >= -2 * periodMillis) {
                verdict = Verdict.OUT_OF_ORDER;
            } else if (dt < 0) {
                verdict = Verdict.BACKWARD_JUMP;
            } else if (dt > maxGapMillis) {
                verdict = Verdict.FORWARD_GAP;
            } else {
                verdict = Verdict.ACCEPT;
            }
        }
        counts[verdict.ordinal()]++;
        if (verdict.kept()) {
            started = true;
            last = epochMillis;
        }
        return verdict;
    }

    /** Forgets the last timestamp (the next sample is accepted as a first one); counts are kept. */
    public void reset() {
        started = false;
    }

    /** How many samples got {@code verdict} so far. */
    public int count(Verdict verdict) {
        return counts[verdict.ordinal()];
    }
}
