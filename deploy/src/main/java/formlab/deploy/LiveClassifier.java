package formlab.deploy;

import formlab.deploy.config.TrackerConfig;
import formlab.deploy.sensor.ImuSample;
import formlab.deploy.sensor.SensorSource;
import formlab.exercise.ExerciseModel;
import formlab.imu.Exercise;
import formlab.imu.SensorKind;
import formlab.imu.reps.RepCounter;
import formlab.imu.reps.StreamingRepCounter;
import formlab.stream.LiveExerciseTracker;
import formlab.exercise.WindowUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker's {@link SampleSink}: the library's {@link LiveExerciseTracker} (causal alignment,
 * the model's windows and features, classifier, rest gate, smoothing, running repetition count),
 * used unchanged, one instance per set.
 *
 * <p>What this adapter adds is only the set bookkeeping of a button-driven tracker:
 * <ul>
 *   <li>a reading with both sensors (MPU-6050) is given to the live tracker as an accelerometer
 *   and a gyroscope sample with the same timestamp; a replayed reading as the one sample it is;</li>
 *   <li>should the live tracker's rest gate end a set and start another inside one button set (the
 *   lifter paused without pressing the button), the repetitions of the earlier part are kept;</li>
 *   <li>at the end of a set the verdict is the batch one ({@code ExerciseScoring}): the exercise
 *   with the highest mean probability over the set's exercise windows, its repetitions counted by
 *   the library's {@link StreamingRepCounter} with that exercise's rule on all the set's
 *   accelerometer samples (a set the rest gate split is still one set here).</li>
 * </ul>
 */
public final class LiveClassifier implements SampleSink {

    private final ExerciseModel model;
    private final double accelerometerHz;
    private final double gyroscopeHz;
    private LiveExerciseTracker tracker;
    private final List<long[]> accTimes = new ArrayList<>();
    private final List<double[]> accValues = new ArrayList<>();
    private double[] probabilitySum;
    private int exerciseWindows;
    private int windows;
    private int internalSet;
    private int carriedReps;
    private int lastReps;
    private long lastMillis;

    /**
     * @param model           the exercise model
     * @param accelerometerHz nominal accelerometer rate of the source (decides the anti-alias filtering)
     * @param gyroscopeHz     nominal gyroscope rate of the source
     */
    public LiveClassifier(ExerciseModel model, double accelerometerHz, double gyroscopeHz) {
        this.model = model;
        this.accelerometerHz = accelerometerHz;
        this.gyroscopeHz = gyroscopeHz;
        startSet();
    }

    /** The sink for {@code config} fed by {@code source}: the configured (or bundled) model at the source's rates. */
    public static SampleSink create(TrackerConfig config, SensorSource source) throws IOException {
        return new LiveClassifier(TrackerModel.load(config.model()), source.rateHz(SensorKind.ACCELEROMETER),
                source.rateHz(SensorKind.GYROSCOPE));
    }

    /** A factory running {@code model} (already loaded, e.g. from the project's registry in a notebook). */
    public static TrackerMain.SinkFactory of(ExerciseModel model) {
        return (config, source) -> new LiveClassifier(model, source.rateHz(SensorKind.ACCELEROMETER),
                source.rateHz(SensorKind.GYROSCOPE));
    }

    @Override
    public void startSet() {
        tracker = new LiveExerciseTracker(model, accelerometerHz, gyroscopeHz);
        accTimes.clear();
        accValues.clear();
        probabilitySum = new double[model.classes().size()];
        exerciseWindows = 0;
        windows = 0;
        internalSet = 1;
        carriedReps = 0;
        lastReps = 0;
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
            double x = sample.value(kind, 0);
            double y = sample.value(kind, 1);
            double z = sample.value(kind, 2);
            if (kind == SensorKind.ACCELEROMETER) {
                accTimes.add(new long[] {t});
                accValues.add(new double[] {x, y, z});
            }
            for (WindowUpdate update : tracker.add(kind, t, x, y, z)) {
                results.add(result(update));
            }
        }
        return results;
    }

    private WindowResult result(WindowUpdate update) {
        if (update.setNumber() != internalSet) {
            carriedReps += lastReps;
            internalSet = update.setNumber();
        }
        lastReps = update.reps();
        windows++;
        if (!update.gate().rest()) {
            double[] p = update.probabilities();
            for (int c = 0; c < p.length; c++) {
                probabilitySum[c] += p[c];
            }
            exerciseWindows++;
        }
        return new WindowResult(Math.round(update.endMillis()), update.label(), update.confidence(), carriedReps + update.reps());
    }

    @Override
    public WindowResult finishSet() {
        if (windows == 0) {
            return new WindowResult(lastMillis, WindowResult.TOO_SHORT, 0.0, 0);
        }
        if (exerciseWindows == 0) {
            return new WindowResult(lastMillis, "rest", 1.0, carriedReps + tracker.repCount());
        }
        int best = 0;
        for (int c = 1; c < probabilitySum.length; c++) {
            if (probabilitySum[c] > probabilitySum[best]) {
                best = c;
            }
        }
        String label = model.classes().get(best);
        double confidence = probabilitySum[best] / exerciseWindows;
        Exercise exercise = Exercise.fromLabel(label);
        int reps;
        if (exercise == null || !exercise.isLift()) {
            reps = carriedReps + tracker.repCount();
        } else {
            // the whole set with the verdict's rule, as batch counts a recorded set; the live tracker's
            // own count restarts whenever its rest gate splits the set, which a button-driven set ignores
            StreamingRepCounter counter = new StreamingRepCounter(model.repRules().rulesFor(exercise), RepCounter.COUNT_RATE_HZ);
            for (int i = 0; i < accTimes.size(); i++) {
                double[] v = accValues.get(i);
                counter.add(accTimes.get(i)[0], v[0], v[1], v[2]);
            }
            reps = counter.current().count();
        }
        return new WindowResult(lastMillis, label, confidence, reps);
    }
}
