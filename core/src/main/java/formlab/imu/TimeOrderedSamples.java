package formlab.imu;

import java.util.OptionalLong;

/**
 * Both sensors' samples of one recording, one at a time in time order, as the sensor delivered
 * them: every accelerometer and every gyroscope sample at its own recorded time and rate, an
 * accelerometer sample before a gyroscope sample with the same timestamp. The one definition of
 * "replay order", behind the one replay ({@code formlab.stream.ReplaySource}, which the Pi
 * runtime's recording source wraps), so every replay feeds a tracker exactly the same sequence.
 */
public final class TimeOrderedSamples {

    /** Receives one sample. */
    @FunctionalInterface
    public interface Consumer {
        /** One sample of {@code sensor} at {@code epochMillis}. */
        void accept(SensorKind sensor, long epochMillis, double x, double y, double z);
    }

    private final SensorSeries acc;
    private final SensorSeries gyr;
    private int nextAcc;
    private int nextGyr;

    /** A cursor at the first sample of {@code recording}. */
    public TimeOrderedSamples(ImuRecording recording) {
        this(recording.accelerometer(), recording.gyroscope());
    }

    /** A cursor at the first sample of an accelerometer and a gyroscope series (one sensor unit). */
    public TimeOrderedSamples(SensorSeries accelerometer, SensorSeries gyroscope) {
        this.acc = accelerometer;
        this.gyr = gyroscope;
    }

    /** Plays every sample of {@code recording} into {@code consumer}, in time order. */
    public static void forEach(ImuRecording recording, Consumer consumer) {
        TimeOrderedSamples samples = new TimeOrderedSamples(recording);
        while (samples.hasNext()) {
            samples.next(consumer);
        }
    }

    /** True while samples remain. */
    public boolean hasNext() {
        return nextAcc < acc.size() || nextGyr < gyr.size();
    }

    /** Time of the next sample, empty at the end. */
    public OptionalLong nextMillis() {
        if (!hasNext()) {
            return OptionalLong.empty();
        }
        long a = nextAcc < acc.size() ? acc.epochMillis(nextAcc) : Long.MAX_VALUE;
        long g = nextGyr < gyr.size() ? gyr.epochMillis(nextGyr) : Long.MAX_VALUE;
        return OptionalLong.of(Math.min(a, g));
    }

    /**
     * Hands the next sample to {@code consumer} and moves past it.
     *
     * @throws IllegalStateException at the end
     */
    public void next(Consumer consumer) {
        if (!hasNext()) {
            throw new IllegalStateException("no samples left");
        }
        boolean takeAcc = nextGyr >= gyr.size() || (nextAcc < acc.size() && acc.epochMillis(nextAcc) <= gyr.epochMillis(nextGyr));
        SensorSeries series = takeAcc ? acc : gyr;
        int i = takeAcc ? nextAcc++ : nextGyr++;
        consumer.accept(series.kind(), series.epochMillis(i), series.value(0, i), series.value(1, i), series.value(2, i));
    }

    /** Number of samples in all (accelerometer plus gyroscope). */
    public int size() {
        return acc.size() + gyr.size();
    }
}
