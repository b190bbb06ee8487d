package formlab.deploy.sensor;

import formlab.imu.ImuDataException;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.metawear.MetaWearFileName;
import formlab.imu.signal.Butterworth;
import formlab.imu.signal.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A recorded MetaWear set played back as if it came from a six-axis sensor, so the whole runtime
 * runs on a laptop.
 *
 * <p>Samples come at the accelerometer's own timestamps (every one of them, gaps included, so a
 * rep counter sees exactly the samples batch counting sees); the gyroscope, recorded at its own
 * rate and phase, is low-passed below half the accelerometer rate (as {@link Resampler} does) and
 * interpolated at those instants. Pacing (real time or faster) is the runtime's job, driven by
 * {@link #nextSampleMillis()}.
 */
public final class ReplaySource implements SensorSource {

    private final ImuRecording recording;
    private final long[] times;
    private final double[][] acc = new double[3][];
    private final double[][] gyr = new double[3][];
    private int next;
    private long now;

    /** Replays {@code recording} from its first accelerometer sample. */
    public ReplaySource(ImuRecording recording) {
        this.recording = recording;
        SensorSeries a = recording.accelerometer();
        SensorSeries g = recording.gyroscope();
        times = a.epochMillis();
        double[] at = new double[times.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = times[i];
        }
        for (int axis = 0; axis < 3; axis++) {
            acc[axis] = a.axis(axis);
            double[] values = g.axis(axis);
            if (a.nominalRateHz() < g.nominalRateHz() && values.length > 1) {
                values = Butterworth.lowPass(4, 0.4 * a.nominalRateHz(), g.nominalRateHz()).filtfilt(values);
            }
            gyr[axis] = Resampler.interpolate(g.epochMillis(), values, at);
        }
        now = times[0];
    }

    /**
     * Loads the set that {@code file} belongs to: {@code file} is either of its two MetaWear
     * exports (accelerometer or gyroscope); the other is looked up beside it.
     *
     * @throws ImuDataException when the file or its partner is missing or malformed
     */
    public static ReplaySource of(Path file) {
        MetaWearFileName name = MetaWearFileName.parse(file, false);
        Path partner = partner(file, name);
        MetaWearDatasetLoader loader = MetaWearDatasetLoader.defaults();
        ImuRecording recording = name.sensor() == SensorKind.ACCELEROMETER
                ? loader.loadPair(file, partner) : loader.loadPair(partner, file);
        return new ReplaySource(recording);
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
        int i = next++;
        now = times[i];
        return new ImuSample(times[i], acc[0][i], acc[1][i], acc[2][i], gyr[0][i], gyr[1][i], gyr[2][i]);
    }

    @Override
    public double rateHz() {
        return recording.accelerometer().nominalRateHz();
    }

    @Override
    public boolean finished() {
        return next >= times.length;
    }

    @Override
    public OptionalLong nextSampleMillis() {
        return finished() ? OptionalLong.empty() : OptionalLong.of(times[next]);
    }

    @Override
    public long nowMillis() {
        return now;
    }

    /** The recording being replayed. */
    public ImuRecording recording() {
        return recording;
    }

    /** Number of samples in the replay. */
    public int size() {
        return times.length;
    }

    @Override
    public String describe() {
        return "replay of " + recording.info().id() + " (" + times.length + " samples at " + rateHz() + " Hz)";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
