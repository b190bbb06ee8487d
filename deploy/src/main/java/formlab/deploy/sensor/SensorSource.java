package formlab.deploy.sensor;

import formlab.imu.SensorKind;
import java.util.OptionalLong;

/**
 * Where the runtime's samples come from: a live sensor on the bus or a replayed recording. The
 * runtime calls {@link #open()} once (and again to recover after failures), then {@link #read()}
 * at the source's pace until {@link #finished()}.
 */
public interface SensorSource extends AutoCloseable {

    /** Prepares the source (for a chip: wake it and write its configuration). Safe to call again after a failure. */
    void open() throws SensorException;

    /** Reads one sample now. */
    ImuSample read() throws SensorException;

    /** Nominal sample rate of {@code sensor}, Hz. */
    double rateHz(SensorKind sensor);

    /** Readings per second: the rate a live sensor is polled at (the faster sensor's rate). */
    default double rateHz() {
        return Math.max(rateHz(SensorKind.ACCELEROMETER), rateHz(SensorKind.GYROSCOPE));
    }

    /** True when no further sample will come (the end of a replay); a live sensor never finishes. */
    default boolean finished() {
        return false;
    }

    /**
     * Recorded time of the next sample (epoch ms) for sources that replay a timeline, so the
     * runtime can pace them; empty for live sensors, which are polled at {@link #rateHz()}.
     */
    default OptionalLong nextSampleMillis() {
        return OptionalLong.empty();
    }

    /**
     * The source's clock in the time base of its samples (epoch ms): a live sensor's is the
     * current time, a replay's is the time of the sample last read. Output pulses are timed on it.
     */
    long nowMillis();

    /** A short description for logs, e.g. {@code MPU-6050 on /dev/i2c-1 at 0x68}. */
    String describe();

    /** Releases the bus or file; never throws. */
    @Override
    void close();
}
