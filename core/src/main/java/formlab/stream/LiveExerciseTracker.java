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
 *
 * <p>Several sensor units: a model of named units ({@link ExerciseModel#units()}, the units of its
 * card) takes one stream per unit, each sample given with its unit ({@link #add(String, SensorKind,
 * long, double, double, double)}). Each unit is aligned and windowed on its own grid exactly as the
 * batch path cuts it ({@code DescribedImuWindows}: each unit's windows from its own start), and window
 * {@code k} of every unit is classified together once all have completed it, from the units' features
 * one after the other (the same {@code ImuFeatures} per window). The streams must run together:
 * <ul>
 *   <li>the units' windows {@code k} must start within one grid period of each other, else
 *   {@link #add} throws an {@link IllegalStateException} naming the units and their times (streams
 *   that did not start together);</li>
 *   <li>a unit whose samples stop more than {@code maxGapSeconds} behind the newest sample of another
 *   unit (or that never sent one) is reported by {@link #stalledUnits()}; no window is classified
 *   without it, and windows of the other units that cannot be matched are dropped and counted
 *   ({@link #unmatchedWindows()}); a unit that resumes after such a gap restarts every unit's windows;</li>
 *   <li>a long gap or clock jump in any unit restarts the windows of all of them.</li>
 * </ul>
 * The repetitions of each class are counted on the accelerometer of the unit its rule names
 * ({@link ExerciseModel#repUnitFor}).
 * Not thread-safe: one tracker per stream (or set of unit streams).
 */
public final class LiveExerciseTracker {

    private final ExerciseModel model;
    private final ExercisePipeline pipeline;
    private final WindowDecisions decisions;
    private final int length;
    private final Unit[] units;
    private final List<WindowUpdate> pending = new ArrayList<>();
    private final Map<String, StreamingRepCounter> counters = new java.util.HashMap<>();
    private final long historyMillis;
    private final long maxGapMillis;
    private final double periodMillis;
    private final int queueLimit;
    private long windowIndex;
    private boolean counting = true;
    private int setNumber = 1;
    private String repExercise = "";
    private int reps;
    private final double[] probabilitySum;
    private int exerciseWindows;
    private int reportedSet = 1;
    private int reportedReps;
    private int carriedReps;
    private int restarts;
    private long droppedBefore;
    private long unmatchedWindows;
    private long newestMillis = Long.MIN_VALUE;
    private long firstMillis = Long.MIN_VALUE;

    /** A tracker running {@code model} on sensors at the rates of the MetaWear recordings the models are trained on ({@link MetaWearRates}). */
    public LiveExerciseTracker(ExerciseModel model) {
        this(model, MetaWearRates.ACCELEROMETER_HZ, MetaWearRates.GYROSCOPE_HZ);
    }

    /**
     * A tracker for sensors at the given nominal rates (they decide the anti-alias filtering; to get
     * the training windows, use the rates the model was trained on); every unit of a model of several
     * units at these rates.
     */
    public LiveExerciseTracker(ExerciseModel model, double accelerometerRateHz, double gyroscopeRateHz) {
        this(model, java.util.Collections.nCopies(Math.max(1, model.units().size()),
                new SensorRates(accelerometerRateHz, gyroscopeRateHz)));
    }

    /**
     * The nominal sensor rates of one unit's stream (they decide its anti-alias filtering, as in batch).
     *
     * @param accelerometerHz nominal accelerometer rate
     * @param gyroscopeHz     nominal gyroscope rate
     */
    public record SensorRates(double accelerometerHz, double gyroscopeHz) {
    }

    /**
     * A tracker for a model of several units whose streams come at their own nominal rates
     * ({@code unitRates} in the order of {@link ExerciseModel#units()}, one entry for a model of one
     * unnamed stream), so each unit is filtered as batch scoring filters it.
     *
     * @throws IllegalArgumentException when there is not one entry per unit
     */
    public LiveExerciseTracker(ExerciseModel model, List<SensorRates> unitRates) {
        this.model = Objects.requireNonNull(model, "model");
        this.pipeline = model.pipeline();
        this.decisions = model.decisions();
        this.length = pipeline.windowSamples();
        this.historyMillis = Math.round((pipeline.window().lengthSeconds() + pipeline.window().stepSeconds() + 1) * 1000);
        this.maxGapMillis = Math.round(pipeline.maxGapSeconds() * 1000);
        this.periodMillis = 1000.0 / pipeline.rateHz();
        this.queueLimit = (int) Math.ceil(pipeline.maxGapSeconds() / pipeline.window().stepSeconds()) + 2;
        List<String> names = model.units().isEmpty() ? List.of("") : model.units();
        if (unitRates.size() != names.size()) {
            throw new IllegalArgumentException("the model reads " + names.size() + " sensor unit(s), " + unitRates.size()
                    + " unit rates given");
        }
        this.units = new Unit[names.size()];
        for (int u = 0; u < units.length; u++) {
            units[u] = new Unit(names.get(u), unitRates.get(u));
        }
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
     * Adds one sample (acceleration in g, angular velocity in deg/s) of a model of one stream and
     * returns the windows it completed, usually none or one.
     *
     * @throws IllegalArgumentException for a model of several units (each sample needs its unit)
     */
    public List<WindowUpdate> add(SensorKind sensor, long epochMillis, double x, double y, double z) {
        if (units.length != 1) {
            throw new IllegalArgumentException("the model reads sensor units " + String.join("+", model.units())
                    + ": give each sample with its unit, add(unit, sensor, time, x, y, z)");
        }
        return add(units[0], sensor, epochMillis, x, y, z);
    }

    /**
     * Adds one sample of sensor unit {@code unit} (one of {@link ExerciseModel#units()}) and returns
     * the windows it completed, usually none or one (a window is classified once every unit has it).
     *
     * @throws IllegalArgumentException for a unit the model does not read, or a non-finite value
     * @throws IllegalStateException    when the units' windows do not start at the same time
     */
    public List<WindowUpdate> add(String unit, SensorKind sensor, long epochMillis, double x, double y, double z) {
        return add(unit(unit), sensor, epochMillis, x, y, z);
    }

    private Unit unit(String name) {
        for (Unit u : units) {
            if (u.name.equals(name)) {
                return u;
            }
        }
        throw new IllegalArgumentException("sample of sensor unit '" + name + "': the model reads "
                + (model.units().isEmpty() ? "one stream without unit names" : "units " + String.join(", ", model.units())));
    }

    private List<WindowUpdate> add(Unit u, SensorKind sensor, long epochMillis, double x, double y, double z) {
        pending.clear();
        boolean finite = Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
        if (sensor == SensorKind.ACCELEROMETER && finite) {
            u.wholeStream(epochMillis, x, y, z);
        }
        if (sensor == SensorKind.ACCELEROMETER && finite && (!u.anyAccelerometer
                || epochMillis > u.lastAccelerometerMillis && epochMillis - u.lastAccelerometerMillis <= maxGapMillis)) {
            u.accelerometer(epochMillis, x, y, z);
        }
        int restartsBefore = u.aligner.restarts();
        u.aligner.add(sensor, epochMillis, x, y, z);
        if (sensor == SensorKind.ACCELEROMETER && u.aligner.restarts() > restartsBefore) {
            // the gap ended the set: this sample is the first of the new one
            u.accelerometer(epochMillis, x, y, z);
        }
        u.lastMillis = Math.max(u.lastMillis, epochMillis);
        newestMillis = Math.max(newestMillis, epochMillis);
        if (firstMillis == Long.MIN_VALUE) {
            firstMillis = epochMillis;
        }
        matchWindows();
        return pending.isEmpty() ? List.of() : List.copyOf(pending);
    }

    /** Samples dropped for arriving at or before their sensor's previous sample (every unit). */
    public long droppedSamples() {
        long dropped = droppedBefore;
        for (Unit u : units) {
            dropped += u.aligner.droppedSamples();
        }
        return dropped;
    }

    /** Times the windows restarted after a long gap or a clock jump (in any unit). */
    public int restarts() {
        return restarts;
    }

    /**
     * The units whose newest sample lies more than the pipeline's {@code maxGapSeconds} behind the
     * newest sample of any unit, or that sent none that long after the first: no window is classified
     * while one is stalled. Empty for a model of one stream.
     */
    public List<String> stalledUnits() {
        List<String> stalled = new ArrayList<>();
        if (units.length > 1) {
            for (Unit u : units) {
                long last = u.lastMillis == Long.MIN_VALUE ? firstMillis : u.lastMillis;
                if (newestMillis - last > maxGapMillis) {
                    stalled.add(u.name);
                }
            }
        }
        return stalled;
    }

    /**
     * Windows of some units dropped because another unit had no window at that time (it stalled or
     * its stream ended first). Windows still waiting for a partner at the end of a stream are not counted
     * here: see {@link #waitingWindows()}.
     */
    public long unmatchedWindows() {
        return unmatchedWindows;
    }

    /** Completed windows of each unit still waiting for the other units' (empty when all are matched). */
    public Map<String, Integer> waitingWindows() {
        Map<String, Integer> waiting = new java.util.LinkedHashMap<>();
        for (Unit u : units) {
            if (!u.ready.isEmpty()) {
                waiting.put(u.name, u.ready.size());
            }
        }
        return waiting;
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

    /** Whether the accelerometer of {@code unit} counts the repetitions of {@code label}. */
    private boolean countsOn(String label, Unit unit) {
        return model.repUnitFor(label).map(unit.name::equals).orElse(true);
    }

    private void feed(Unit unit, long t, double x, double y, double z) {
        for (String label : model.countedClasses()) {
            if (countsOn(label, unit)) {
                counters.computeIfAbsent(label, e -> new StreamingRepCounter(model.repRulesFor(e),
                        model.countRateHz())).add(t, x, y, z);
            }
        }
    }

    /** The running count of {@code label}'s counter; 0 for a class whose repetitions are not counted. */
    private int running(String label) {
        StreamingRepCounter counter = counters.get(label);
        return counter == null ? 0 : counter.current().count();
    }

    /** Repetitions of {@code label} in every accelerometer sample its unit received, counted with its rules. */
    private int countWholeStream(String label) {
        Unit unit = units[0];
        for (Unit u : units) {
            if (model.repUnitFor(label).map(u.name::equals).orElse(false)) {
                unit = u;
            }
        }
        StreamingRepCounter counter = new StreamingRepCounter(model.repRulesFor(label), model.countRateHz());
        for (int i = 0; i < unit.streamSamples; i++) {
            counter.add(unit.streamTimes[i], unit.streamValues[0][i], unit.streamValues[1][i], unit.streamValues[2][i]);
        }
        return counter.current().count();
    }

    private void resetCounters() {
        counters.values().forEach(StreamingRepCounter::reset);
    }

    /** A long gap or a clock jump in {@code cause}: every unit's windows start again (a single stream: its own). */
    private void restartAll(Unit cause) {
        restarts++;
        for (Unit u : units) {
            u.segmentStart = Double.NaN;
            u.samples = 0;
            u.nextWindow = 0;
            unmatchedWindows += u.ready.size();
            u.ready.clear();
            u.recentTimes.clear();
            u.recentValues.clear();
            if (u != cause) {
                droppedBefore += u.aligner.droppedSamples();
                u.aligner = u.newAligner();
            }
        }
        decisions.restart();
        resetCounters();
        counting = true;
        if (windowIndex > 0) {
            setNumber++;
        }
        reps = 0;
        repExercise = "";
    }

    /** Classifies every window that all units have completed, matching them in order. */
    private void matchWindows() {
        while (true) {
            for (Unit u : units) {
                if (u.ready.isEmpty()) {
                    dropUnmatched();
                    return;
                }
            }
            Ready[] windows = new Ready[units.length];
            for (int u = 0; u < units.length; u++) {
                windows[u] = units[u].ready.removeFirst();
            }
            for (int u = 1; u < units.length; u++) {
                if (Math.abs(windows[u].startMillis - windows[0].startMillis) > periodMillis) {
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the window of unit %s starts at %.0f ms,"
                            + " that of unit %s at %.0f ms (%.0f ms apart): the units' streams are not synchronised (their"
                            + " windows must start within one grid period, %.0f ms, of each other; start every unit's"
                            + " stream together)", units[0].name, windows[0].startMillis, units[u].name, windows[u].startMillis,
                            windows[u].startMillis - windows[0].startMillis, periodMillis));
                }
            }
            double[][] parts = new double[units.length][];
            long nanos = 0;
            for (int u = 0; u < units.length; u++) {
                parts[u] = windows[u].features;
                nanos += windows[u].featureNanos;
            }
            pending.add(runWindow(ExerciseModel.concatenate(parts), windows[0].startMillis, windows[0].endMillis, nanos));
        }
    }

    /** Keeps at most {@code queueLimit} windows waiting per unit (a stalled unit's partners are dropped, counted). */
    private void dropUnmatched() {
        for (Unit u : units) {
            while (u.ready.size() > queueLimit) {
                u.ready.removeFirst();
                unmatchedWindows++;
            }
        }
    }

    /** A completed window of one unit: its pipeline features and times. */
    private record Ready(double[] features, double startMillis, double endMillis, long featureNanos) {
    }

    /** One sensor unit's stream: its aligner, window buffer and accelerometer history; receives the aligned grid. */
    private final class Unit implements CausalAligner.Output {

        private final String name;
        private final SensorRates rates;
        private final double[][] ring;
        private final Deque<Ready> ready = new ArrayDeque<>();
        private final Deque<long[]> recentTimes = new ArrayDeque<>();
        private final Deque<double[]> recentValues = new ArrayDeque<>();
        private CausalAligner aligner;
        private double origin = Double.NaN;
        private double segmentStart = Double.NaN;
        private int samples;
        private int nextWindow;
        private boolean anyAccelerometer;
        private long lastAccelerometerMillis;
        private long lastMillis = Long.MIN_VALUE;
        private long[] streamTimes = new long[256];
        private double[][] streamValues = new double[3][256];
        private int streamSamples;

        Unit(String name, SensorRates rates) {
            this.name = name;
            this.rates = rates;
            this.ring = new double[CausalAligner.CHANNELS.size()][length];
            this.aligner = newAligner();
        }

        CausalAligner newAligner() {
            return new CausalAligner(pipeline.rateHz(), rates.accelerometerHz(), rates.gyroscopeHz(), pipeline.maxGapSeconds(), this);
        }

        void accelerometer(long t, double x, double y, double z) {
            anyAccelerometer = true;
            lastAccelerometerMillis = t;
            recentTimes.addLast(new long[] {t});
            recentValues.addLast(new double[] {x, y, z});
            while (!recentTimes.isEmpty() && recentTimes.peekFirst()[0] < t - historyMillis) {
                recentTimes.removeFirst();
                recentValues.removeFirst();
            }
            if (counting) {
                feed(this, t, x, y, z);
            }
        }

        /** Keeps every accelerometer sample in time order, whatever the gate and the gaps did: what {@link #verdict()} counts. */
        void wholeStream(long t, double x, double y, double z) {
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
                ready.addLast(window(from));
                nextWindow++;
            }
        }

        @Override
        public void restart(long epochMillis, String reason) {
            restartAll(this);
        }

        /** The pipeline features of the window of {@code length} grid samples from sample {@code from} of the segment. */
        private Ready window(int from) {
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
            return new Ready(features, startMillis, pipeline.sampleMillis(segmentStart, from + length), System.nanoTime() - start);
        }
    }

    private WindowUpdate runWindow(double[] features, double startMillis, double endMillis, long featureNanos) {
        long start = System.nanoTime();
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
            for (Unit unit : units) {
                var times = unit.recentTimes.iterator();
                var values = unit.recentValues.iterator();
                while (times.hasNext()) {
                    long t = times.next()[0];
                    double[] v = values.next();
                    if (t >= startMillis) {
                        feed(unit, t, v[0], v[1], v[2]);
                    }
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
        return new WindowUpdate(windowIndex++, startMillis, endMillis, step.label(),
                step.confidence(), raw1.label(), raw1.confidence(), probabilities, gate, step.inSet(), setNumber, repExercise,
                reps, carriedReps + reps, featureNanos + System.nanoTime() - start);
    }
}
