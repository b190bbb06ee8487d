package formlab.posture;

import formlab.features.pose.PoseWindowFeatures;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.pose.io.DescribedPose;
import formlab.pose.reps.HysteresisRepCounter;
import formlab.pose.reps.PeriodicRepCounter;
import formlab.pose.reps.RepSignals;
import formlab.pose.reps.Repetition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts repetitions in a landmark sequence with a frame classifier learnt from annotated repetition
 * boundaries (the salient-pose idea of PoseRAC): frames near the start and end of each annotated
 * repetition are pose state {@value #BOUNDARY}, frames around its middle state {@value #MIDDLE}, and a
 * classifier over mirror-invariant frame features ({@link PoseWindowFeatures#ofFrame}, as they are
 * and relative to the sequence's median; with the exercise as one-hot context when asked) learns the two. A sequence is counted by the probability of
 * the middle state, smoothed and scaled to the sequence's own range, through a two-threshold trigger
 * ({@link HysteresisRepCounter}): a repetition is counted each time it rises above
 * {@link Thresholds#enter} and falls back below {@link Thresholds#exit}. The smoothing is chosen per sequence:
 * the smallest window that is not short against the interval between the repetitions it counts
 * ({@link Thresholds}), and a repetition ending far sooner than the sequence's usual interval is dropped. Thresholds can differ by exercise ({@link #perExercise()}).
 * Idle frames before and after the movement keep the probability low and
 * count nothing. Frames without a person (all zero or not finite) keep the trigger's state.
 *
 * <p>A counter without a model ({@link #periodic}) counts by periodicity ({@link PeriodicRepCounter}),
 * for data without repetition boundaries to learn from.
 */
public final class SalientPoseCounter {

    /** Label of the frames near a repetition's start and end. */
    public static final String BOUNDARY = "boundary";
    /** Label of the frames around a repetition's middle. */
    public static final String MIDDLE = "middle";

    private static final double MINIMUM_RANGE = 0.1;
    private static final PeriodicRepCounter PERIODIC = new PeriodicRepCounter(5, 0.3);

    /**
     * Which annotated frames become training rows.
     *
     * @param edge   share of a repetition, at each end, labelled {@value #BOUNDARY} (0 to 0.5)
     * @param middle half-width, as a share of the repetition, of the span around its middle labelled
     *               {@value #MIDDLE} (0 to 0.5, with {@code edge + middle < 0.5})
     * @param stride every {@code stride}-th frame is used (neighbouring frames are nearly equal)
     */
    public record Labelling(double edge, double middle, int stride) {

        /** Checks the values. */
        public Labelling {
            if (!(edge > 0 && middle > 0 && edge + middle < 0.5) || stride < 1) {
                throw new IllegalArgumentException("need edge > 0, middle > 0, edge + middle < 0.5 and stride >= 1; got edge "
                        + edge + ", middle " + middle + ", stride " + stride);
            }
        }

        /** The outer 15 % of each repetition against the middle 30 %, every second frame. */
        public static Labelling defaults() {
            return new Labelling(0.15, 0.15, 2);
        }
    }

    /**
     * How the middle state's probability becomes a count. The probability is smoothed by each window of
     * {@link #SMOOTHINGS} in turn and counted by the two-threshold trigger; the count kept is that of the
     * smallest window at least {@code cycleShare} times the median interval between the ends of the
     * repetitions it counts (two or more), or, when no window is, of the window whose intervals are most regular
     * (interquartile range over median). Fast repetitions need little smoothing and slow ones much: a window
     * that is short against the cycle it counts leaves noise that splits repetitions into shorter cycles, so it
     * stays short against them, while the smallest window that keeps up with its own cycle has smoothed
     * the noise and not yet merged repetitions.
     *
     * @param cycleShare smallest window, as a share of the median interval between the repetitions it counts
     *                   (0: the smallest window that counts two)
     * @param enter      scaled probability (0 and 1 at the sequence's 5th and 95th percentile) above which a
     *                   repetition starts
     * @param exit       scaled probability below which it is counted; below {@code enter}
     * @param minCycle   a repetition ending sooner than this share of the median interval after the last one
     *                   counted is not counted (0: every one counts)
     */
    public record Thresholds(double cycleShare, double enter, double exit, double minCycle) {

        /** Checks the values. */
        public Thresholds {
            if (!(cycleShare >= 0) || !(exit >= 0 && exit < enter && enter <= 1) || !(minCycle >= 0 && minCycle < 1)) {
                throw new IllegalArgumentException("need cycleShare >= 0, 0 <= exit < enter <= 1 and 0 <= minCycle < 1; got cycleShare "
                        + cycleShare + ", enter " + enter + ", exit " + exit + ", minCycle " + minCycle);
            }
        }

        /** The candidates chosen from on training data. */
        public static List<Thresholds> grid() {
            List<Thresholds> grid = new ArrayList<>();
            for (double cycleShare : new double[] {0.05, 0.1, 0.15, 0.2, 0.3}) {
                for (double enter : new double[] {0.6, 0.7, 0.8, 0.9}) {
                    for (double exit : new double[] {0.2, 0.3, 0.4, 0.5, 0.6}) {
                        for (double minCycle : new double[] {0, 0.4, 0.55, 0.7}) {
                            if (exit < enter) {
                                grid.add(new Thresholds(cycleShare, enter, exit, minCycle));
                            }
                        }
                    }
                }
            }
            return List.copyOf(grid);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "cycle share %.2f, enter %.2f, exit %.2f, min cycle %.2f", cycleShare, enter,
                    exit, minCycle);
        }
    }

    /** Smoothing windows (centred moving averages, frames) a sequence is counted with; {@link Thresholds} picks one. */
    static final int[] SMOOTHINGS = {1, 3, 5, 9, 15, 25};

    private final Classifier model;
    private final List<String> exercises;
    private final Thresholds thresholds;
    private final Map<String, Thresholds> perExercise;

    /**
     * A counter from a trained frame model, with the same thresholds for every exercise.
     *
     * @param model      the frame classifier ({@link #train}); null counts by periodicity
     * @param exercises  the exercises of the one-hot context the model was trained with; empty for none
     * @param thresholds how the probability is counted
     */
    public SalientPoseCounter(Classifier model, List<String> exercises, Thresholds thresholds) {
        this(model, exercises, thresholds, Map.of());
    }

    /**
     * A counter from a trained frame model with thresholds of its own for some exercises.
     *
     * @param model       the frame classifier ({@link #train}); null counts by periodicity
     * @param exercises   the exercises of the one-hot context the model was trained with; empty for none
     * @param thresholds  how the probability of any other exercise is counted
     * @param perExercise thresholds by exercise name
     */
    public SalientPoseCounter(Classifier model, List<String> exercises, Thresholds thresholds,
            Map<String, Thresholds> perExercise) {
        this.model = model;
        this.exercises = List.copyOf(exercises);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.perExercise = java.util.Collections.unmodifiableMap(new TreeMap<>(perExercise));
        if (model != null && !model.classes().contains(MIDDLE)) {
            throw new IllegalArgumentException("the frame model has classes " + model.classes() + ", not " + MIDDLE);
        }
    }

    /** A counter by periodicity, for data without repetition boundaries. */
    public static SalientPoseCounter periodic() {
        return new SalientPoseCounter(null, List.of(), new Thresholds(0, 1, 0, 0));
    }

    /** The frame model; null for a periodic counter. */
    public Classifier model() {
        return model;
    }

    /** The exercises of the model's one-hot context (empty: none). */
    public List<String> exercises() {
        return exercises;
    }

    /** The thresholds of an exercise without its own. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The exercises with thresholds of their own, by name (sorted). */
    public Map<String, Thresholds> perExercise() {
        return perExercise;
    }

    /** The thresholds {@code exercise} is counted with: its own, or {@link #thresholds()}. */
    public Thresholds thresholds(String exercise) {
        return exercise == null ? thresholds : perExercise.getOrDefault(exercise, thresholds);
    }

    /** A counter with the same model and other thresholds. */
    public SalientPoseCounter with(Thresholds other, Map<String, Thresholds> otherPerExercise) {
        return new SalientPoseCounter(model, exercises, other, otherPerExercise);
    }

    /**
     * The frame rows of {@code poses}: every {@code stride}-th annotated frame near a repetition's ends
     * ({@value #BOUNDARY}) or middle ({@value #MIDDLE}), grouped by subject. Frames between the two spans,
     * outside every repetition, or without a person are left out.
     *
     * <p>Annotators do not agree where a repetition starts: one bench press is annotated from the bar up,
     * the next from the bar down. So the two states are aligned within each class: a sequence whose mean
     * middle-minus-boundary feature vector (standardised) points against the class's common direction has
     * its two labels swapped ({@link #aligned}).
     *
     * @param exercises one-hot context columns (empty for none)
     */
    public static LabelledData frames(List<DescribedPose> poses, Labelling labelling, List<String> exercises) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> middles = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < poses.size(); i++) {
            DescribedPose pose = poses.get(i);
            double[][] features = pose.repetitions().isEmpty() ? null : frameFeatures(pose.frames());
            for (double[] repetition : pose.repetitions()) {
                int start = (int) Math.round(repetition[0]);
                int end = (int) Math.min(Math.round(repetition[1]), pose.length() - 1);
                double length = end - start;
                if (length < 2) {
                    continue;
                }
                for (int t = Math.max(0, start); t <= end; t += labelling.stride()) {
                    double share = (t - start) / length;
                    Boolean middle = share <= labelling.edge() || share >= 1 - labelling.edge() ? Boolean.FALSE
                            : Math.abs(share - 0.5) <= labelling.middle() ? Boolean.TRUE : null;
                    if (middle != null && features[t] != null) {
                        rows.add(features[t]);
                        middles.add(middle);
                        owner.add(i);
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no annotated repetition with a detected person: no frames to learn from");
        }
        boolean[] swap = aligned(poses, rows, middles, owner);
        double[][] x = new double[rows.size()][];
        String[] labels = new String[rows.size()];
        String[] groups = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            DescribedPose pose = poses.get(owner.get(r));
            x[r] = withContext(rows.get(r), pose.label(), exercises);
            labels[r] = middles.get(r) != swap[owner.get(r)] ? MIDDLE : BOUNDARY;
            groups[r] = pose.subject();
        }
        return LabelledData.of("salient pose frames", featureNames(exercises), x, labels, groups);
    }

    /**
     * Which sequences have their two states swapped: per class, the signs that make the sequences'
     * standardised middle-minus-boundary mean vectors agree with their signed sum (ten rounds from all
     * positive). True for a swapped sequence.
     */
    static boolean[] aligned(List<DescribedPose> poses, List<double[]> rows, List<Boolean> middles, List<Integer> owner) {
        int width = rows.getFirst().length;
        double[] mean = new double[width];
        double[] sd = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
            }
        }
        double[][] sums = new double[poses.size()][2 * width];
        int[][] counts = new int[poses.size()][2];
        for (int r = 0; r < rows.size(); r++) {
            int side = middles.get(r) ? 1 : 0;
            int i = owner.get(r);
            counts[i][side]++;
            for (int j = 0; j < width; j++) {
                sums[i][side * width + j] += (rows.get(r)[j] - mean[j]) / (Math.sqrt(sd[j]) + 1e-9);
            }
        }
        double[][] direction = new double[poses.size()][];
        for (int i = 0; i < poses.size(); i++) {
            if (counts[i][0] > 0 && counts[i][1] > 0) {
                direction[i] = new double[width];
                for (int j = 0; j < width; j++) {
                    direction[i][j] = sums[i][width + j] / counts[i][1] - sums[i][j] / counts[i][0];
                }
            }
        }
        boolean[] swap = new boolean[poses.size()];
        for (String label : new java.util.TreeSet<>(poses.stream().map(DescribedPose::label).toList())) {
            for (int round = 0; round < 10; round++) {
                double[] reference = new double[width];
                for (int i = 0; i < poses.size(); i++) {
                    if (direction[i] != null && poses.get(i).label().equals(label)) {
                        for (int j = 0; j < width; j++) {
                            reference[j] += (swap[i] ? -1 : 1) * direction[i][j];
                        }
                    }
                }
                for (int i = 0; i < poses.size(); i++) {
                    if (direction[i] != null && poses.get(i).label().equals(label)) {
                        double dot = 0;
                        for (int j = 0; j < width; j++) {
                            dot += direction[i][j] * reference[j];
                        }
                        swap[i] = dot < 0;
                    }
                }
            }
        }
        return swap;
    }

    /**
     * Trains the frame model on the annotated repetitions of {@code poses}; a periodic counter when none
     * is annotated.
     *
     * @param exercises one-hot context columns (empty: exercise-agnostic)
     */
    public static SalientPoseCounter train(List<DescribedPose> poses, Labelling labelling, List<String> exercises,
            Trainer trainer, Thresholds thresholds) {
        if (poses.stream().allMatch(p -> p.repetitions().isEmpty())) {
            return periodic();
        }
        LabelledData data = frames(poses, labelling, exercises);
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException("the annotated repetitions give only " + data.classes()
                    + " frames; repetitions need at least 3 frames to have an end and a middle");
        }
        return new SalientPoseCounter(trainer.fit(data), exercises, thresholds);
    }

    /**
     * Probability of the middle state in every frame of {@code frames} (frames x 33 landmarks x
     * coordinates); NaN for a frame without a person.
     *
     * @param exercise the exercise, for a model with exercise context (ignored without); an exercise the
     *                 model was not trained on gets no context (every one-hot column 0)
     */
    public double[] middleProbability(double[][][] frames, String exercise) {
        if (model == null) {
            throw new IllegalStateException("a periodic counter has no frame model");
        }
        int middle = model.classes().indexOf(MIDDLE);
        double[] p = new double[frames.length];
        double[][] features = frameFeatures(frames);
        List<double[]> rows = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < frames.length; t++) {
            p[t] = Double.NaN;
            if (features[t] != null) {
                rows.add(withContext(features[t], exercise, exercises));
                at.add(t);
            }
        }
        if (rows.isEmpty()) {
            return p;
        }
        double[][] probabilities = model.probabilities(rows.toArray(double[][]::new));
        for (int i = 0; i < probabilities.length; i++) {
            p[at.get(i)] = probabilities[i][middle];
        }
        return p;
    }

    /**
     * The repetitions in {@code frames} of {@code exercise}, counted with {@link #thresholds(String)} (the
     * exercise is model context only when trained so).
     */
    public int count(double[][][] frames, String exercise) {
        if (model == null) {
            return frames.length < 2 ? 0 : PERIODIC.count(frames);
        }
        return repetitions(middleProbability(frames, exercise), thresholds(exercise)).size();
    }

    /**
     * The repetitions of a middle-state probability signal (NaN: no person) under {@code thresholds}
     * ({@link Thresholds}: the count of the chosen smoothing window, then repetitions ending too soon
     * after the last one dropped).
     */
    public static List<Repetition> repetitions(double[] middleProbability, Thresholds thresholds) {
        return new Scales(middleProbability).repetitions(thresholds);
    }

    /**
     * One probability signal smoothed by every window of {@link #SMOOTHINGS}, each scaled to its own range
     * (5th percentile 0, 95th 1: how sure the model is differs between people and cameras); a window whose
     * range is under 0.1 holds no repetition. The trigger's repetitions are kept per window and thresholds,
     * so that many thresholds are counted cheaply on the same signal.
     */
    static final class Scales {

        private final double[][] scaled = new double[SMOOTHINGS.length][];
        private final Map<String, List<Repetition>> triggered = new java.util.HashMap<>();

        Scales(double[] middleProbability) {
            for (int w = 0; w < SMOOTHINGS.length; w++) {
                double[] smoothed = RepSignals.movingAverage(middleProbability, SMOOTHINGS[w]);
                double[] finite = Arrays.stream(smoothed).filter(Double::isFinite).sorted().toArray();
                if (finite.length < 2) {
                    continue;
                }
                double low = finite[(int) Math.floor(0.05 * (finite.length - 1))];
                double high = finite[(int) Math.ceil(0.95 * (finite.length - 1))];
                if (high - low < MINIMUM_RANGE) {
                    continue;
                }
                double[] rest = new double[smoothed.length];
                for (int t = 0; t < rest.length; t++) {
                    rest[t] = 1 - (smoothed[t] - low) / (high - low);
                }
                scaled[w] = rest;
            }
        }

        List<Repetition> triggered(int w, double enter, double exit) {
            return triggered.computeIfAbsent(w + "/" + enter + "/" + exit, key -> scaled[w] == null ? List.of()
                    : new HysteresisRepCounter(1 - enter, 1 - exit, 1).count(scaled[w]));
        }

        List<Repetition> repetitions(Thresholds thresholds) {
            List<Repetition> chosen = null;
            List<Repetition> mostRegular = null;
            double leastSpread = Double.POSITIVE_INFINITY;
            for (int w = 0; w < SMOOTHINGS.length && chosen == null; w++) {
                List<Repetition> repetitions = triggered(w, thresholds.enter(), thresholds.exit());
                if (repetitions.size() >= 2 && SMOOTHINGS[w] >= thresholds.cycleShare() * medianInterval(repetitions)) {
                    chosen = repetitions;
                }
                double spread = spread(repetitions);
                if (mostRegular == null || spread < leastSpread) {
                    mostRegular = repetitions;
                    leastSpread = spread;
                }
            }
            return spaced(chosen != null ? chosen : mostRegular, thresholds.minCycle());
        }
    }

    /**
     * Interquartile range over median of the intervals between consecutive repetitions' ends; infinite
     * for fewer than four repetitions.
     */
    static double spread(List<Repetition> repetitions) {
        if (repetitions.size() < 4) {
            return Double.POSITIVE_INFINITY;
        }
        double[] intervals = intervals(repetitions);
        Arrays.sort(intervals);
        return (quantile(intervals, 0.75) - quantile(intervals, 0.25)) / quantile(intervals, 0.5);
    }

    /** Median interval between consecutive repetitions' ends (two or more repetitions). */
    static double medianInterval(List<Repetition> repetitions) {
        double[] intervals = intervals(repetitions);
        Arrays.sort(intervals);
        return quantile(intervals, 0.5);
    }

    /** The repetitions (three or more) whose end is at least {@code minCycle} median intervals after the last one kept. */
    static List<Repetition> spaced(List<Repetition> repetitions, double minCycle) {
        if (minCycle <= 0 || repetitions.size() < 3) {
            return repetitions;
        }
        double least = minCycle * medianInterval(repetitions);
        List<Repetition> kept = new ArrayList<>(List.of(repetitions.getFirst()));
        for (Repetition r : repetitions.subList(1, repetitions.size())) {
            if (r.end() - kept.getLast().end() >= least) {
                kept.add(r);
            }
        }
        return List.copyOf(kept);
    }

    private static double[] intervals(List<Repetition> repetitions) {
        double[] intervals = new double[repetitions.size() - 1];
        for (int i = 1; i < repetitions.size(); i++) {
            intervals[i - 1] = repetitions.get(i).end() - repetitions.get(i - 1).end();
        }
        return intervals;
    }

    /** Quantile {@code q} of sorted values, linear between order statistics. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The feature names: the frame features, then one column per context exercise. */
    public static List<String> featureNames(List<String> exercises) {
        List<String> names = new ArrayList<>(PoseWindowFeatures.frameFeatureNames());
        for (String name : PoseWindowFeatures.frameFeatureNames()) {
            names.add(name + "_from_sequence_median");
        }
        for (String exercise : exercises) {
            names.add("exercise_" + exercise);
        }
        return List.copyOf(names);
    }

    /**
     * Every frame's features ({@link PoseWindowFeatures#ofFrame}) followed by the same values minus
     * their median over the sequence's frames, which takes out what belongs to the person and the camera
     * rather than to the phase of the movement; null for a frame without a person.
     */
    static double[][] frameFeatures(double[][][] frames) {
        double[][] own = new double[frames.length][];
        int usable = 0;
        for (int t = 0; t < frames.length; t++) {
            if (usable(frames[t])) {
                own[t] = PoseWindowFeatures.ofFrame(frames[t]);
                usable++;
            }
        }
        int width = PoseWindowFeatures.frameFeatureNames().size();
        double[] median = new double[width];
        double[] column = new double[usable];
        for (int j = 0; j < width && usable > 0; j++) {
            int n = 0;
            for (double[] row : own) {
                if (row != null) {
                    column[n++] = row[j];
                }
            }
            Arrays.sort(column);
            median[j] = (column[(usable - 1) / 2] + column[usable / 2]) / 2;
        }
        double[][] out = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            if (own[t] != null) {
                out[t] = Arrays.copyOf(own[t], 2 * width);
                for (int j = 0; j < width; j++) {
                    out[t][width + j] = own[t][j] - median[j];
                }
            }
        }
        return out;
    }

    private static double[] withContext(double[] features, String exercise, List<String> exercises) {
        if (exercises.isEmpty()) {
            return features;
        }
        double[] row = Arrays.copyOf(features, features.length + exercises.size());
        int index = exercises.indexOf(exercise);
        if (index >= 0) {
            row[features.length + index] = 1;
        }
        return row;
    }

    /** A frame with a person: some coordinate non-zero, all finite. */
    static boolean usable(double[][] frame) {
        boolean some = false;
        for (double[] landmark : frame) {
            for (double value : landmark) {
                if (!Double.isFinite(value)) {
                    return false;
                }
                some |= value != 0;
            }
        }
        return some;
    }
}
