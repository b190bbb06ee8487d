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
import java.util.Objects;

/**
 * Counts repetitions in a landmark sequence with a frame classifier learnt from annotated repetition
 * boundaries (the salient-pose idea of PoseRAC): frames near the start and end of each annotated
 * repetition are pose state {@value #BOUNDARY}, frames around its middle state {@value #MIDDLE}, and a
 * classifier over mirror-invariant frame features ({@link PoseWindowFeatures#ofFrame}, as they are
 * and relative to the sequence's median; with the exercise as one-hot context when asked) learns the two. A sequence is counted by the probability of
 * the middle state, smoothed and scaled to the sequence's own range, through a two-threshold trigger
 * ({@link HysteresisRepCounter}): a repetition is counted each time it rises above
 * {@link Thresholds#enter} and falls back below {@link Thresholds#exit}. Idle frames before and after the movement keep the probability low and
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
     * How the middle state's probability becomes a count.
     *
     * @param smoothing centred moving average, frames (1 = none)
     * @param enter     scaled probability (0 and 1 at the sequence's 5th and 95th percentile) above which a
     *                  repetition starts
     * @param exit      scaled probability below which it is counted; below {@code enter}
     */
    public record Thresholds(int smoothing, double enter, double exit) {

        /** Checks the values. */
        public Thresholds {
            if (smoothing < 1 || !(exit >= 0 && exit < enter && enter <= 1)) {
                throw new IllegalArgumentException("need smoothing >= 1 and 0 <= exit < enter <= 1; got smoothing " + smoothing
                        + ", enter " + enter + ", exit " + exit);
            }
        }

        /** The candidates chosen from on training data. */
        public static List<Thresholds> grid() {
            List<Thresholds> grid = new ArrayList<>();
            for (int smoothing : new int[] {1, 5, 9, 15}) {
                for (double enter : new double[] {0.6, 0.7, 0.8}) {
                    for (double exit : new double[] {0.2, 0.3, 0.4, 0.5}) {
                        if (exit < enter) {
                            grid.add(new Thresholds(smoothing, enter, exit));
                        }
                    }
                }
            }
            return List.copyOf(grid);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "smoothing %d, enter %.2f, exit %.2f", smoothing, enter, exit);
        }
    }

    private final Classifier model;
    private final List<String> exercises;
    private final Thresholds thresholds;

    /**
     * A counter from a trained frame model.
     *
     * @param model      the frame classifier ({@link #train}); null counts by periodicity
     * @param exercises  the exercises of the one-hot context the model was trained with; empty for none
     * @param thresholds how the probability is counted
     */
    public SalientPoseCounter(Classifier model, List<String> exercises, Thresholds thresholds) {
        this.model = model;
        this.exercises = List.copyOf(exercises);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        if (model != null && !model.classes().contains(MIDDLE)) {
            throw new IllegalArgumentException("the frame model has classes " + model.classes() + ", not " + MIDDLE);
        }
    }

    /** A counter by periodicity, for data without repetition boundaries. */
    public static SalientPoseCounter periodic() {
        return new SalientPoseCounter(null, List.of(), new Thresholds(1, 1, 0));
    }

    /** The frame model; null for a periodic counter. */
    public Classifier model() {
        return model;
    }

    /** The exercises of the model's one-hot context (empty: none). */
    public List<String> exercises() {
        return exercises;
    }

    /** The thresholds. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** A counter with the same model and other thresholds. */
    public SalientPoseCounter with(Thresholds other) {
        return new SalientPoseCounter(model, exercises, other);
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

    /** The repetitions in {@code frames} of {@code exercise} (the exercise is used only as context, when trained so). */
    public int count(double[][][] frames, String exercise) {
        if (model == null) {
            return frames.length < 2 ? 0 : PERIODIC.count(frames);
        }
        return repetitions(middleProbability(frames, exercise), thresholds).size();
    }

    /**
     * The repetitions of a middle-state probability signal (NaN: no person) under {@code thresholds}:
     * smoothed, then scaled to the sequence's own range (its 5th percentile 0, its 95th 1), since how
     * sure the model is differs between people and cameras. A signal whose range is under 0.1 holds no
     * repetition.
     */
    public static List<Repetition> repetitions(double[] middleProbability, Thresholds thresholds) {
        double[] smoothed = RepSignals.movingAverage(middleProbability, thresholds.smoothing());
        double[] finite = java.util.Arrays.stream(smoothed).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 2) {
            return List.of();
        }
        double low = finite[(int) Math.floor(0.05 * (finite.length - 1))];
        double high = finite[(int) Math.ceil(0.95 * (finite.length - 1))];
        if (high - low < MINIMUM_RANGE) {
            return List.of();
        }
        double[] rest = new double[smoothed.length];
        for (int t = 0; t < rest.length; t++) {
            rest[t] = 1 - (smoothed[t] - low) / (high - low);
        }
        return new HysteresisRepCounter(1 - thresholds.enter(), 1 - thresholds.exit(), 1).count(rest);
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
