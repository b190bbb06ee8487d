package formlab.deploy.sensor;

import formlab.imu.ImuDataException;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.stream.ReplaySource;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A recorded MetaWear set played back as the sensor delivered it, so the whole runtime runs on a
 * laptop: the library's one replay ({@link ReplaySource}: every accelerometer and every gyroscope
 * sample, each at its own recorded time and rate, in time order) behind the runtime's
 * {@link SensorSource} interface. A live classifier fed this way sees exactly the samples that
 * batch processing of the file, and {@code formlab replay}, see. Pacing (real time or faster) is
 * the runtime's job, driven by {@link #nextSampleMillis()}.
 */
public final class RecordingSource implements SensorSource {

    private final ReplaySource replay;
    private long now;

    /** Replays {@code recording} from its first sample. */
    public RecordingSource(ImuRecording recording) {
        this(new ReplaySource(recording, 0));
    }

    private RecordingSource(ReplaySource replay) {
        this.replay = replay;
        ImuRecording recording = replay.recording();
        now = Math.min(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
    }

    /**
     * Loads the set that {@code file} belongs to: {@code file} is either of its two MetaWear
     * exports (accelerometer or gyroscope); the other is looked up beside it.
     *
     * @throws ImuDataException when the file or its partner is missing or malformed
     */
    public static RecordingSource of(Path file) {
        return new RecordingSource(ReplaySource.ofFile(file, 0));
    }

    @Override
    public void open() {
        // nothing to prepare: the recording is in memory
    }

    @Override
    public ImuSample read() {
        if (finished()) {
            throw new IllegalStateException("replay of " + replay.recording().info().id() + " has ended");
        }
        ImuSample[] sample = new ImuSample[1];
        replay.next((sensor, t, x, y, z) -> sample[0] = ImuSample.of(sensor, t, x, y, z));
        now = sample[0].epochMillis();
        return sample[0];
    }

    @Override
    public double rateHz(SensorKind sensor) {
        return replay.recording().series(sensor).nominalRateHz();
    }

    @Override
    public boolean finished() {
        return !replay.hasNext();
    }

    @Override
    public OptionalLong nextSampleMillis() {
        return replay.nextMillis();
    }

    @Override
    public long nowMillis() {
        return now;
    }

    /** The recording being replayed. */
    public ImuRecording recording() {
        return replay.recording();
    }

    /** Number of readings in the replay (accelerometer plus gyroscope samples). */
    public int size() {
        return replay.size();
    }

    @Override
    public String describe() {
        ImuRecording recording = replay.recording();
        SensorSeries acc = recording.accelerometer();
        SensorSeries gyr = recording.gyroscope();
        return "replay of " + recording.info().id() + " (" + acc.size() + " accelerometer samples at " + acc.nominalRateHz()
                + " Hz, " + gyr.size() + " gyroscope samples at " + gyr.nominalRateHz() + " Hz)";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
