package formlab.stream;

import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.RestGate;
import formlab.exercise.WindowDecisions;
import formlab.exercise.WindowUpdate;
import formlab.imu.SensorKind;
import formlab.imu.metawear.MetaWearRates;
import formlab.imu.reps.StreamingRepCounter;
import formlab.imu.signal.AlignedSignal;
import formlab.imu.signal.CausalAligner;
import formlab.imu.signal.Window;
import formlab.model.Prediction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recognises the exercise and counts repetitions live, from accelerometer and gyroscope samples
 * that arrive one at a time, each at its own rate.
 *
 * <p>Per sample: the accelerometer sample feeds the running set's repetition counters; both
 * sensors feed a {@link CausalAligner} whose grid fills a buffer of one window. Whenever a window
 * of the model's {@link ExercisePipeline} completes (same length, step and start samples as in
 * training), the tracker derives the window's channels, computes its features with the
 * single-window {@code ImuFeatures} path, predicts with the model's classifier, applies the rest
 * gate and the causal smoothing ({@link WindowDecisions}), and reports a {@link WindowUpdate} with the
 * running repetition count ({@link StreamingRepCounter} with the counting rule of the recognised
 * exercise). Scoring a recording in batch ({@code ExerciseScoring}) gives the same windows and the
 * same probabilities, decisions and (for a recording of one set) the same final count.
 *
 * <p>Sets: the stream starts inside a set; a set ends after the model's
 * {@code restWindowsToEndSet} rest windows in a row (its count then stays on display); the next
 * exercise window starts a new set, counted from that window's first sample. For a set whose ends
 * someone else decides (a button on the Pi), {@link #verdict()} gives the batch verdict on
 * everything received, however the rest gate split it: this class is the one place the live path
 * counts repetitions.
 *
 * <p>Timestamp policy (see {@link CausalAligner}): gaps up to the pipeline's {@code maxGapSeconds}
 * are bridged by interpolation; a longer gap or a clock jumping back restarts the windows (and
 * the smoothing) and starts a new set; a sample at or before the previous one of its sensor by less
 * than that is dropped and counted. Non-finite values are rejected with an exception naming the sample.
 * Not thread-safe: one tracker per stream.
 */
public final class LiveExerciseTracker {

    private final ExerciseModel model;
    private final ExercisePipeline pipeline;
    private final CausalAligner aligner;
    private final WindowDecisions decisions;
    private final int length;
    private final double[][] ring;
    private final List<WindowUpdate> pending = new ArrayList<>();
    private final Map<String, StreamingRepCounter> counters = new java.util.HashMap<>();
    private final Deque<long[]> recentTimes = new ArrayDeque<>();
    private final Deque<double[]> recentValues = new ArrayDeque<>();
    private final long historyMillis;
    private final long maxGapMillis;
    private boolean anyAccelerometer;
    private double origin = Double.NaN;
    private double segmentStart = Double.NaN;
    private int samples;
    private int nextWindow;
    private long windowIndex;
    private boolean counting = true;
    private int setNumber = 1;
    private String repExercise = "";
    private int reps;
    private long lastAccelerometerMillis;
    private long[] streamTimes = new long[256];
    private double[][] streamValues = new double[3][256];
    private int streamSamples;
    private final double[] probabilitySum;
    private int exerciseWindows;
    private int reportedSet = 1;
    private int reportedReps;
    private int carriedReps;

    /** A tracker running {@code model} on sensors at the rates of the MetaWear recordings the models are trained on ({@link MetaWearRates}). */
    public LiveExerciseTracker(ExerciseModel model) {
        this(model, MetaWearRates.ACCELEROMETER_HZ, MetaWearRates.GYROSCOPE_HZ);
    }

    /**
     * A tracker for sensors at the given nominal rates (they decide the anti-alias filtering; to get
     * the training windows, use the rates the model was trained on).
     */
    public LiveExerciseTracker(ExerciseModel model, double accelerometerRateHz, double gyroscopeRateHz) {
        this.model = Objects.requireNonNull(model, "model");
        this.pipeline = model.pipeline();
        this.decisions = model.decisions();
        this.length = pipeline.windowSamples();
        this.ring = new double[CausalAligner.CHANNELS.size()][length];
        this.historyMillis = Math.round((pipeline.window().lengthSeconds() + pipeline.window().stepSeconds() + 1) * 1000);
        this.maxGapMillis = Math.round(pipeline.maxGapSeconds() * 1000);
        this.aligner = new CausalAligner(pipeline.rateHz(), accelerometerRateHz, gyroscopeRateHz, pipeline.maxGapSeconds(), new Grid());
        this.probabilitySum = new double[model.classes().size()];
    }

    /**
     * What a whole stream amounts to, as batch scoring ({@code ExerciseScoring}) gives it for a
     * recorded set.
     *
     * @param label      the exercise with the highest mean probability over the exercise windows, or
     *                   {@code rest} when the gate called every window rest
     * @param confidence that mean probability (1 for rest)
     * @param reps       for a lift: repetitions counted with its rule on every accelerometer sample
     *                   received; otherwise the repetitions of every set seen ({@link WindowUpdate#totalReps()})
     */
    public record Verdict(String label, double confidence, int reps) {
    }

    /** The model being run. */
    public ExerciseModel model() {
        return model;
    }

    /**
     * Adds one sample (acceleration in g, angular velocity in deg/s) and returns the windows it
     * completed, usually none or one.
     */
    public List<WindowUpdate> add(SensorKind sensor, long epochMillis, double x, double y, double z) {
        pending.clear();
        boolean finite = Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
        if (sensor == SensorKind.ACCELEROMETER && finite) {
            wholeStream(epochMillis, x, y, z);
        }
        if (sensor == SensorKind.ACCELEROMETER && finite
                && (!anyAccelerometer || epochMillis > lastAccelerometerMillis && epochMillis - lastAccelerometerMillis <= maxGapMillis)) {
            accelerometer(epochMillis, x, y, z);
        }
        int restartsBefore = aligner.restarts();
        aligner.add(sensor, epochMillis, x, y, z);
        if (sensor == SensorKind.ACCELEROMETER && aligner.restarts() > restartsBefore) {
            // the gap ended the set: this sample is the first of the new one
            accelerometer(epochMillis, x, y, z);
        }
        return pending.isEmpty() ? List.of() : List.copyOf(pending);
    }

    /** Samples dropped for arriving at or before their sensor's previous sample. */
    public long droppedSamples() {
        return aligner.droppedSamples();
    }

    /** Times the windows restarted after a long gap or a clock jump. */
    public int restarts() {
        return aligner.restarts();
    }

    /**
     * Repetitions of the running set so far (or of the last set once it ended), counted now on every
     * accelerometer sample received, with the rule of {@link #repExercise()}; 0 before any exercise window.
     */
    public int repCount() {
        return counting && !repExercise.isEmpty() ? running(repExercise) : reps;
    }

    /** The exercise whose rule counts the repetitions (the latest exercise label of the set; empty before one). */
    public String repExercise() {
        return repExercise;
    }

    /**
     * The verdict on everything received so far (see {@link Verdict}); empty before the first window.
     * Counting a lift here does not depend on where the rest gate ended or started sets.
     */
    public java.util.Optional<Verdict> verdict() {
        if (windowIndex == 0) {
            return java.util.Optional.empty();
        }
        if (exerciseWindows == 0) {
            return java.util.Optional.of(new Verdict(WindowDecisions.REST, 1.0, totalReps()));
        }
        Prediction set = Prediction.of(model.classes(), probabilitySum);
        int count = model.repRulesFor(set.label()).isEmpty() ? totalReps() : countWholeStream(set.label());
        return java.util.Optional.of(new Verdict(set.label(), set.confidence() / exerciseWindows, count));
    }

    private int totalReps() {
        return carriedReps + repCount();
    }

    private void accelerometer(long t, double x, double y, double z) {
        anyAccelerometer = true;
        lastAccelerometerMillis = t;
        recentTimes.addLast(new long[] {t});
        recentValues.addLast(new double[] {x, y, z});
        while (!recentTimes.isEmpty() && recentTimes.peekFirst()[0] < t - historyMillis) {
            recentTimes.removeFirst();
            recentValues.removeFirst();
        }
        if (counting) {
            feed(t, x, y, z);
        }
    }

    private void feed(long t, double x, double y, double z) {
        for (String label : model.countedClasses()) {
            counters.computeIfAbsent(label, e -> new StreamingRepCounter(model.repRulesFor(e),
                    model.countRateHz())).add(t, x, y, z);
        }
    }

    /** The running count of {@code label}'s counter; 0 for a class whose repetitions are not counted. */
    private int running(String label) {
        StreamingRepCounter counter = counters.get(label);
        return counter == null ? 0 : counter.current().count();
    }

    /** Keeps every accelerometer sample in time order, whatever the gate and the gaps did: what {@link #verdict()} counts. */
    private void wholeStream(long t, double x, double y, double z) {
        if (streamSamples > 0 && t <= streamTimes[streamSamples - 1]) {
            return;
        }
        if (streamSamples == streamTimes.length) {
            streamTimes = java.util.Arrays.copyOf(streamTimes, 2 * streamSamples);
            for (int a = 0; a < 3; a++) {
                streamValues[a] = java.util.Arrays.copyOf(streamValues[a], 2 * streamSamples);
            }
        }
        streamTimes[streamSamples] = t;
        streamValues[0][streamSamples] = x;
        streamValues[1][streamSamples] = y;
        streamValues[2][streamSamples] = z;
        streamSamples++;
    }

    /** Repetitions of {@code label} in every accelerometer sample received, counted with its rules. */
    private int countWholeStream(String label) {
        StreamingRepCounter counter = new StreamingRepCounter(model.repRulesFor(label), model.countRateHz());
        for (int i = 0; i < streamSamples; i++) {
            counter.add(streamTimes[i], streamValues[0][i], streamValues[1][i], streamValues[2][i]);
        }
        return counter.current().count();
    }

    private void resetCounters() {
        counters.values().forEach(StreamingRepCounter::reset);
    }

    /** Receives the aligned grid and runs a window whenever one completes. */
    private final class Grid implements CausalAligner.Output {

        @Override
        public void sample(double epochMillis, double[] values) {
            if (Double.isNaN(segmentStart)) {
                segmentStart = epochMillis;
                if (Double.isNaN(origin)) {
                    origin = epochMillis;
                }
            }
            int at = samples % length;
            for (int c = 0; c < values.length; c++) {
                ring[c][at] = values[c];
            }
            samples++;
            int from = pipeline.window().start(nextWindow, pipeline.rateHz());
            if (samples == from + length) {
                pending.add(runWindow(from));
                nextWindow++;
            }
        }

        @Override
        public void restart(long epochMillis, String reason) {
            segmentStart = Double.NaN;
            samples = 0;
            nextWindow = 0;
            decisions.restart();
            resetCounters();
            counting = true;
            if (windowIndex > 0) {
                setNumber++;
            }
            reps = 0;
            repExercise = "";
            recentTimes.clear();
            recentValues.clear();
        }
    }

    private WindowUpdate runWindow(int from) {
        long start = System.nanoTime();
        double[][] data = new double[ring.length][length];
        for (int i = 0; i < length; i++) {
            int at = (from + i) % length;
            for (int c = 0; c < ring.length; c++) {
                data[c][i] = ring[c][at];
            }
        }
        double startMillis = pipeline.sampleMillis(segmentStart, from);
        AlignedSignal raw = new AlignedSignal(null, pipeline.rateHz(), startMillis, CausalAligner.CHANNELS, CausalAligner.UNITS, data);
        Window window = pipeline.window(raw, origin);
        double[] features = model.features(window);
        double[] probabilities = model.probabilities(features);
        RestGate.Decision gate = model.rest(features, probabilities);
        WindowDecisions.Step step = decisions.next(probabilities, gate.rest());
        if (step.setEnded()) {
            counting = false;
            resetCounters();
        }
        if (step.setStarted()) {
            setNumber++;
            counting = true;
            reps = 0;
            repExercise = "";
            resetCounters();
            var times = recentTimes.iterator();
            var values = recentValues.iterator();
            while (times.hasNext()) {
                long t = times.next()[0];
                double[] v = values.next();
                if (t >= startMillis) {
                    feed(t, v[0], v[1], v[2]);
                }
            }
        }
        if (counting && !step.rest()) {
            repExercise = step.label();
        }
        if (counting && !repExercise.isEmpty()) {
            reps = running(repExercise);
        }
        if (!gate.rest()) {
            exerciseWindows++;
            for (int c = 0; c < probabilities.length; c++) {
                probabilitySum[c] += probabilities[c];
            }
        }
        if (setNumber != reportedSet) {
            carriedReps += reportedReps;
            reportedSet = setNumber;
        }
        reportedReps = reps;
        Prediction raw1 = Prediction.of(model.classes(), probabilities);
        return new WindowUpdate(windowIndex++, startMillis, pipeline.sampleMillis(segmentStart, from + length), step.label(),
                step.confidence(), raw1.label(), raw1.confidence(), probabilities, gate, step.inSet(), setNumber, repExercise,
                reps, carriedReps + reps, System.nanoTime() - start);
    }
}
