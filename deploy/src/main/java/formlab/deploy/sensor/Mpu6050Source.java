package formlab.deploy.sensor;

import formlab.imu.SensorKind;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A live MPU-6050 as a {@link SensorSource}: samples stamped with a monotonic clock, and a
 * stall check. A chip that browns out comes back asleep and keeps returning its last frame, a
 * loose wire can read the same bytes again and again; real readings always carry noise, so
 * bytes that stay identical for {@code stallTimeoutMillis} raise {@link SensorException.Kind#STALLED}
 * (the runtime then re-initializes the chip).
 */
public final class Mpu6050Source implements SensorSource {

    private final Mpu6050 chip;
    private final LongSupplier clock;
    private final long stallTimeoutMillis;
    private final AutoCloseable bus;
    private byte[] lastFrame;
    private long lastChangeMillis;

    /**
     * @param chip               the driver
     * @param clock              epoch milliseconds for the timestamps (a {@link MonotonicClock} on the Pi)
     * @param stallTimeoutMillis how long identical readings may last
     * @param bus                closed by {@link #close()} (the Pi4J I2C handle), or null
     */
    public Mpu6050Source(Mpu6050 chip, LongSupplier clock, long stallTimeoutMillis, AutoCloseable bus) {
        this.chip = chip;
        this.clock = clock;
        this.stallTimeoutMillis = stallTimeoutMillis;
        this.bus = bus;
    }

    @Override
    public void open() throws SensorException {
        chip.initialize();
        lastFrame = null;
    }

    @Override
    public ImuSample read() throws SensorException {
        long now = clock.getAsLong();
        ImuSample sample = chip.read(now);
        byte[] frame = chip.lastFrame();
        if (lastFrame != null && Arrays.equals(frame, lastFrame)) {
            if (now - lastChangeMillis >= stallTimeoutMillis) {
                throw new SensorException(SensorException.Kind.STALLED, chip.describe() + ": readings unchanged for "
                        + (now - lastChangeMillis) + " ms (limit " + stallTimeoutMillis + " ms); the chip may be asleep"
                        + " after a brown-out or disconnected");
            }
        } else {
            lastFrame = frame;
            lastChangeMillis = now;
        }
        return sample;
    }

    @Override
    public double rateHz(SensorKind sensor) {
        return chip.settings().rateHz();
    }

    @Override
    public long nowMillis() {
        return clock.getAsLong();
    }

    @Override
    public String describe() {
        return chip.describe() + " at " + chip.settings().rateHz() + " Hz";
    }

    @Override
    public void close() {
        if (bus != null) {
            try {
                bus.close();
            } catch (Exception ignored) {
                // closing a bus handle at shutdown: nothing useful to do with a failure
            }
        }
    }
}
