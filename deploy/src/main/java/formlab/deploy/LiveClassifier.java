package formlab.deploy;

import formlab.deploy.config.ConfigException;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.sensor.ImuSample;
import formlab.deploy.sensor.SensorSource;
import formlab.exercise.ExerciseModel;
import formlab.exercise.WindowUpdate;
import formlab.imu.SensorKind;
import formlab.stream.LiveExerciseTracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker's {@link SampleSink}: the library's {@link LiveExerciseTracker} (causal alignment,
 * the model's windows and features, classifier, rest gate, smoothing, repetition count and the
 * set verdict), used unchanged, one instance per set.
 *
 * <p>What this adapter adds is only the translation for a button-driven tracker:
 * <ul>
 *   <li>a reading with both sensors (MPU-6050) is given to the live tracker as an accelerometer
 *   and a gyroscope sample with the same timestamp; a replayed reading as the one sample it is;</li>
 *   <li>each window shows the repetitions of the whole button set so far
 *   ({@link WindowUpdate#totalReps()}: should the live tracker's rest gate end a set and start another
 *   inside one button set, the repetitions of the earlier part are kept);</li>
 *   <li>at the end of a set the verdict is the live tracker's {@link LiveExerciseTracker#verdict()},
 *   the batch one ({@code ExerciseScoring}) on all the set's samples.</li>
 * </ul>
 */
public final class LiveClassifier implements SampleSink {

    private final ExerciseModel model;
    private final double accelerometerHz;
    private final double gyroscopeHz;
    private LiveExerciseTracker tracker;
    private long lastMillis;

    /**
     * @param model           the exercise model
     * @param accelerometerHz nominal accelerometer rate of the source (decides the anti-alias filtering)
     * @param gyroscopeHz     nominal gyroscope rate of the source
     * @throws IllegalArgumentException for a model of several sensor units: the tracker reads one sensor
     */
    public LiveClassifier(ExerciseModel model, double accelerometerHz, double gyroscopeHz) {
        if (model.units().size() > 1) {
            throw new IllegalArgumentException("the tracker reads one sensor, the model reads sensor units "
                    + String.join(", ", model.units()) + ": train a model of one unit (train --dataset D --units UNIT)");
        }
        this.model = model;
        this.accelerometerHz = accelerometerHz;
        this.gyroscopeHz = gyroscopeHz;
        startSet();
    }

    /** The sink for {@code config} fed by {@code source}: the configured (or bundled) model at the source's rates. */
    public static SampleSink create(TrackerConfig config, SensorSource source) throws IOException {
        ExerciseModel model = TrackerModel.load(config.model());
        try {
            return new LiveClassifier(model, source.rateHz(SensorKind.ACCELEROMETER), source.rateHz(SensorKind.GYROSCOPE));
        } catch (IllegalArgumentException severalUnits) {
            throw new ConfigException("configuration", "model",
                    config.model().map(Path::toString).orElse("(bundled)") + ": " + severalUnits.getMessage());
        }
    }

    /** A factory running {@code model} (already loaded, e.g. from the project's registry in a notebook). */
    public static TrackerMain.SinkFactory of(ExerciseModel model) {
        return (config, source) -> new LiveClassifier(model, source.rateHz(SensorKind.ACCELEROMETER),
                source.rateHz(SensorKind.GYROSCOPE));
    }

    @Override
    public void startSet() {
        tracker = new LiveExerciseTracker(model, accelerometerHz, gyroscopeHz);
    }

    @Override
    public List<WindowResult> accept(ImuSample sample) {
        List<WindowResult> results = new ArrayList<>(1);
        long t = sample.epochMillis();
        lastMillis = t;
        for (SensorKind kind : SensorKind.values()) {
            if (!sample.has(kind)) {
                continue;
            }
            for (WindowUpdate update : tracker.add(kind, t, sample.value(kind, 0), sample.value(kind, 1), sample.value(kind, 2))) {
                results.add(new WindowResult(Math.round(update.endMillis()), update.label(), update.confidence(), update.totalReps()));
            }
        }
        return results;
    }

    @Override
    public WindowResult finishSet() {
        return tracker.verdict().map(v -> new WindowResult(lastMillis, v.label(), v.confidence(), v.reps()))
                .orElseGet(() -> new WindowResult(lastMillis, WindowResult.TOO_SHORT, 0.0, 0));
    }
}
