package formlab.imu;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One recorded set: its metadata with the accelerometer and gyroscope series.
 *
 * <p>The two sensors run on their own clocks' schedules (12.5 Hz and 25 Hz on MetaWear) and start
 * a few tens of milliseconds apart, so sample {@code i} of one has nothing to do with sample
 * {@code i} of the other. They are related only through their epoch timestamps: use
 * {@link #overlapStartMillis()} / {@link #overlapEndMillis()} for the span both cover, and the
 * resampler in {@code formlab.imu.signal} to put both on one time base.
 *
 * @param info          what the set is
 * @param accelerometer acceleration in g
 * @param gyroscope     angular velocity in deg/s
 * @param sources       files the recording was read from (empty for generated recordings)
 */
public record ImuRecording(SetInfo info, SensorSeries accelerometer, SensorSeries gyroscope, List<Path> sources) {

    public ImuRecording {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(accelerometer, "accelerometer");
        Objects.requireNonNull(gyroscope, "gyroscope");
        if (accelerometer.kind() != SensorKind.ACCELEROMETER || gyroscope.kind() != SensorKind.GYROSCOPE) {
            throw new IllegalArgumentException("expected an accelerometer and a gyroscope series, got "
                    + accelerometer.kind() + " and " + gyroscope.kind());
        }
        sources = List.copyOf(sources);
    }

    /** The series of the given sensor. */
    public SensorSeries series(SensorKind kind) {
        return kind == SensorKind.ACCELEROMETER ? accelerometer : gyroscope;
    }

    /** The later of the two sensors' first timestamps: from here on both have data. */
    public long overlapStartMillis() {
        return Math.max(accelerometer.startMillis(), gyroscope.startMillis());
    }

    /** The earlier of the two sensors' last timestamps. */
    public long overlapEndMillis() {
        return Math.min(accelerometer.endMillis(), gyroscope.endMillis());
    }

    /** Seconds during which both sensors have data. */
    public double overlapSeconds() {
        return Math.max(0, overlapEndMillis() - overlapStartMillis()) / 1000.0;
    }

    /** Gyroscope start minus accelerometer start, in milliseconds (clock offset between the sensors). */
    public long startOffsetMillis() {
        return gyroscope.startMillis() - accelerometer.startMillis();
    }

    /** Short description, e.g. {@code A-bench-heavy2-rpe8@... (acc 206 @ 12.5 Hz, gyr 414 @ 25.0 Hz)}. */
    @Override
    public String toString() {
        return info.id() + " (acc " + accelerometer.size() + " @ " + accelerometer.nominalRateHz() + " Hz, gyr "
                + gyroscope.size() + " @ " + gyroscope.nominalRateHz() + " Hz)";
    }
}
