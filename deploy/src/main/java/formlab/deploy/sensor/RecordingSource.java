package formlab.deploy.sensor;

import formlab.imu.ImuDataException;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.TimeOrderedSamples;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.metawear.MetaWearFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A recorded MetaWear set played back as the sensor delivered it, so the whole runtime runs on a
 * laptop: every accelerometer and every gyroscope sample, each at its own recorded time and rate
 * (12.5 Hz and 25 Hz), interleaved in time order (an accelerometer sample before a gyroscope
 * sample with the same timestamp). A live classifier fed this way sees exactly the samples that
 * batch processing of the file sees. Pacing (real time or faster) is the runtime's job, driven
 * by {@link #nextSampleMillis()}.
 */
public final class RecordingSource implements SensorSource {

    private final ImuRecording recording;
    private final TimeOrderedSamples samples;
    private long now;

    /** Replays {@code recording} from its first sample. */
    public RecordingSource(ImuRecording recording) {
        this.recording = recording;
        this.samples = new TimeOrderedSamples(recording);
        now = Math.min(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
    }

    /**
     * Loads the set that {@code file} belongs to: {@code file} is either of its two MetaWear
     * exports (accelerometer or gyroscope); the other is looked up beside it.
     *
     * @throws ImuDataException when the file or its partner is missing or malformed
     */
    public static RecordingSource of(Path file) {
        MetaWearFileName name = MetaWearFileName.parse(file, false);
        Path partner = partner(file, name);
        MetaWearDatasetLoader loader = MetaWearDatasetLoader.defaults();
        ImuRecording recording = name.sensor() == SensorKind.ACCELEROMETER
                ? loader.loadPair(file, partner) : loader.loadPair(partner, file);
        return new RecordingSource(recording);
    }

    private static Path partner(Path file, MetaWearFileName name) {
        Path folder = file.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matches = files.filter(MetaWearFileName::looksLikeMetaWear).filter(p -> !p.equals(file.toAbsolutePath()))
                    .filter(p -> {
                        try {
                            MetaWearFileName other = MetaWearFileName.parse(p, false);
                            return other.set().equals(name.set()) && other.sensor() != name.sensor();
                        } catch (ImuDataException e) {
                            return false;
                        }
                    }).toList();
            if (matches.isEmpty()) {
                SensorKind wanted = name.sensor() == SensorKind.ACCELEROMETER ? SensorKind.GYROSCOPE : SensorKind.ACCELEROMETER;
                throw new ImuDataException(ImuDataException.Problem.UNPAIRED_SENSOR, file, "no " + wanted.fileToken()
                        + " file of set " + name.set().id() + " in " + folder + "; a replay needs both sensors of the set");
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    @Override
    public void open() {
        // nothing to prepare: the recording is in memory
    }

    @Override
    public ImuSample read() {
        if (finished()) {
            throw new IllegalStateException("replay of " + recording.info().id() + " has ended");
        }
        ImuSample[] sample = new ImuSample[1];
        samples.next((sensor, t, x, y, z) -> sample[0] = ImuSample.of(sensor, t, x, y, z));
        now = sample[0].epochMillis();
        return sample[0];
    }

    @Override
    public double rateHz(SensorKind sensor) {
        return recording.series(sensor).nominalRateHz();
    }

    @Override
    public boolean finished() {
        return !samples.hasNext();
    }

    @Override
    public OptionalLong nextSampleMillis() {
        return samples.nextMillis();
    }

    @Override
    public long nowMillis() {
        return now;
    }

    /** The recording being replayed. */
    public ImuRecording recording() {
        return recording;
    }

    /** Number of readings in the replay (accelerometer plus gyroscope samples). */
    public int size() {
        return samples.size();
    }

    @Override
    public String describe() {
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
