package formlab.deploy.gpio;

/**
 * Plays a queue of equal pulses on an output, timed on the runtime clock: each pulse is on for
 * {@code widthMillis} and followed by as long off, so pulses asked for in quick succession stay
 * countable (two reps counted by one sample give two blinks, not one long one). Time advances
 * only through {@link #tick(long)}, which makes the train deterministic under replay at any speed.
 */
public final class PulseTrain {

    private final OutputPin pin;
    private final long widthMillis;
    private int pending;
    private long onSince = -1;
    private long readyAt = Long.MIN_VALUE;
    private int played;

    /**
     * @param pin         the output
     * @param widthMillis on-time of one pulse (the gap after it is as long)
     */
    public PulseTrain(OutputPin pin, long widthMillis) {
        if (widthMillis <= 0) {
            throw new IllegalArgumentException("pulse width must be positive, got " + widthMillis);
        }
        this.pin = pin;
        this.widthMillis = widthMillis;
    }

    /** Queues {@code count} pulses and starts the first at once if the output is free. */
    public void request(int count, long nowMillis) {
        pending += Math.max(0, count);
        tick(nowMillis);
    }

    /** Advances the train to {@code nowMillis}: ends a pulse whose time is up, starts the next one due. */
    public void tick(long nowMillis) {
        if (onSince >= 0 && nowMillis - onSince >= widthMillis) {
            pin.set(false, nowMillis);
            readyAt = nowMillis + widthMillis;
            onSince = -1;
        }
        if (onSince < 0 && pending > 0 && nowMillis >= readyAt) {
            pending--;
            played++;
            onSince = nowMillis;
            pin.set(true, nowMillis);
        }
    }

    /** True while a pulse is on or queued. */
    public boolean busy() {
        return onSince >= 0 || pending > 0;
    }

    /**
     * Plays everything queued by advancing time on its own (used when the stream ends, e.g. after
     * a replay), and returns the time at which the last pulse ended.
     */
    public long drain(long nowMillis) {
        long t = nowMillis;
        while (busy()) {
            t = onSince >= 0 ? Math.max(t, onSince + widthMillis) : Math.max(t, readyAt);
            tick(t);
        }
        return t;
    }

    /** Drops queued pulses and switches the output off (safe state). */
    public void cancel(long nowMillis) {
        pending = 0;
        onSince = -1;
        pin.set(false, nowMillis);
    }

    /** Pulses started so far. */
    public int played() {
        return played;
    }
}
