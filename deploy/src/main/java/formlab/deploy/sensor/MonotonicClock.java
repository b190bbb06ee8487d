package formlab.deploy.sensor;

import java.util.function.LongSupplier;

/**
 * Epoch milliseconds that never jump: anchored to the system clock once, then advanced by
 * {@link System#nanoTime()}. A Raspberry Pi has no real-time clock, so NTP often steps the
 * system clock minutes or hours after boot; samples stamped with this clock stay evenly spaced
 * through such a step (their absolute times are off by the step until the next start).
 */
public final class MonotonicClock implements LongSupplier {

    private final long epochAnchor = System.currentTimeMillis();
    private final long nanoAnchor = System.nanoTime();

    @Override
    public long getAsLong() {
        return epochAnchor + (System.nanoTime() - nanoAnchor) / 1_000_000L;
    }
}
