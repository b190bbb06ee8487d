package formlab.posture;

import formlab.eval.Progress;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.pose.io.DescribedPose;
import formlab.posture.SalientPoseCounter.Labelling;
import formlab.posture.SalientPoseCounter.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Repetition counts of described landmark sequences by the learnt {@link SalientPoseCounter},
 * leave-one-subject-out: for each subject the frame model is trained on the other subjects' annotated
 * repetitions, and the counting thresholds are chosen on those subjects only (each inner fold's model
 * counts the training sequences it did not see; the thresholds with the smallest mean relative error
 * win, and with exercise context each exercise's own, see {@link #choose}). The true count of a sequence
 * is its number of annotated repetitions.
 *
 * @param rows one per counted sequence
 */
public record PoseRepCountEvaluation(List<Row> rows) {

    /**
     * One counted sequence.
     *
     * @param sequence   its id
     * @param subject    its subject (left out of the training when it was counted)
     * @param exercise   its class
     * @param truth      annotated repetitions
     * @param counted    the count
     * @param countedAs  the class the counter was given (the true or the predicted class; the true class
     *                   without exercise context, where it is not used)
     * @param thresholds the thresholds chosen without its subject, of {@code countedAs} with exercise context
     */
    public record Row(String sequence, String subject, String exercise, int truth, int counted, String countedAs,
            Thresholds thresholds) {

        /** |counted - truth| / truth. */
        public double relativeError() {
            return Math.abs(counted - truth) / (double) truth;
        }
    }

    /**
     * How the counter is trained and its thresholds chosen.
     *
     * @param labelling       which frames are training rows
     * @param exerciseContext whether the exercise is a feature (one-hot) and each exercise has thresholds of its
     *                        own; evaluated, each held-out sequence gets its true class, so the counts are those of
     *                        an error-free exercise classifier, unless {@code predictedClass}
     * @param trees           trees of the random forest
     * @param innerFolds      most folds of training subjects the thresholds are chosen on (at least 2); with fewer
     *                        training subjects, one fold per subject
     * @param seed            the forest's seed
     * @param predictedClass  with exercise context, evaluated: each held-out sequence gets the class predicted by the
     *                        landmark exercise classifier ({@link PoseDatasetTraining}, default settings) trained on
     *                        the same training subjects
     */
    public record Settings(Labelling labelling, boolean exerciseContext, int trees, int innerFolds, long seed,
            boolean predictedClass) {

        /** Checks the values. */
        public Settings {
            if (trees < 1 || innerFolds < 2) {
                throw new IllegalArgumentException("need trees >= 1 and innerFolds >= 2; got " + trees + ", " + innerFolds);
            }
            if (predictedClass && !exerciseContext) {
                throw new IllegalArgumentException("a predicted class is exercise context: predictedClass needs exerciseContext");
            }
        }

        /** Settings whose held-out sequences, with exercise context, get their true class. */
        public Settings(Labelling labelling, boolean exerciseContext, int trees, int innerFolds, long seed) {
            this(labelling, exerciseContext, trees, innerFolds, seed, false);
        }

        /**
         * Default labelling, no exercise context (the counts do not lean on a known class), 100 trees, 3 inner
         * folds (one fold per training student measured better without the class and worse with it, at two
         * and a half times the cost: docs/dataset-descriptions.md), seed 42.
         */
        public static Settings defaults() {
            return new Settings(Labelling.defaults(), false, 100, 3, 42);
        }

        /** The frame model's trainer. */
        public Trainer trainer() {
            return new SmileRandomForestTrainer(trees, 0, 20, 1000, 5, 1.0, seed);
        }

        /** The settings as plain values, for a model card's pipeline. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("labelling", Map.of("edge", labelling.edge(), "middle", labelling.middle(), "stride", labelling.stride()));
            map.put("exerciseContext", exerciseContext);
            map.put("predictedClass", predictedClass);
            map.put("trees", trees);
            map.put("innerFolds", innerFolds);
            map.put("seed", seed);
            map.put("features", "PoseWindowFeatures.ofFrame");
            return map;
        }
    }

    /**
     * Counts every sequence with annotated repetitions, each by a counter trained and tuned without its subject.
     *
     * @param progress one step per subject
     * @throws IllegalArgumentException when no sequence is annotated or fewer than three subjects are
     */
    public static PoseRepCountEvaluation leaveOneSubjectOut(List<DescribedPose> poses, Settings settings, Progress progress) {
        return leaveOneSubjectOut(poses, settings, progress, (subject, counter) -> { });
    }

    /**
     * {@link #leaveOneSubjectOut(List, Settings, Progress)}, handing each subject's counter (trained and
     * tuned without it) to {@code heldOut} before the next subject's is trained.
     */
    public static PoseRepCountEvaluation leaveOneSubjectOut(List<DescribedPose> poses, Settings settings, Progress progress,
            java.util.function.BiConsumer<String, SalientPoseCounter> heldOut) {
        List<DescribedPose> annotated = poses.stream().filter(p -> !p.repetitions().isEmpty()).toList();
        if (annotated.isEmpty()) {
            throw new IllegalArgumentException("no sequence has annotated repetitions (an annotation's boundaryPrefix):"
                    + " nothing to count against");
        }
        List<String> subjects = List.copyOf(new TreeSet<>(annotated.stream().map(DescribedPose::subject).toList()));
        if (subjects.size() < 3) {
            throw new IllegalArgumentException("leave-one-subject-out with thresholds chosen on inner folds needs at least"
                    + " 3 subjects with annotated repetitions, found " + subjects);
        }
        Row[] rows = new Row[annotated.size()];
        for (int s = 0; s < subjects.size(); s++) {
            String subject = subjects.get(s);
            List<DescribedPose> training = annotated.stream().filter(p -> !p.subject().equals(subject)).toList();
            SalientPoseCounter counter = fit(training, settings);
            formlab.model.Classifier exercises = settings.predictedClass()
                    ? PoseDatasetTraining.fit(training, PoseDatasetTraining.Settings.defaults()) : null;
            for (int i = 0; i < annotated.size(); i++) {
                DescribedPose pose = annotated.get(i);
                if (pose.subject().equals(subject)) {
                    String countedAs = exercises == null ? pose.label()
                            : PoseDatasetTraining.classify(exercises, pose, PoseDatasetTraining.Settings.defaults());
                    rows[i] = new Row(pose.id(), subject, pose.label(), pose.repetitions().size(),
                            counter.count(pose.frames(), countedAs), countedAs, counter.thresholds(countedAs));
                }
            }
            heldOut.accept(subject, counter);
            progress.step("leave-one-subject-out", s + 1, subjects.size(), "held out " + subject + ": "
                    + counter.thresholds());
        }
        return new PoseRepCountEvaluation(List.of(rows));
    }

    /**
     * The counter trained on every sequence of {@code poses}, its thresholds chosen by inner folds over
     * their subjects (at least {@code innerFolds} subjects); a periodic counter when none is annotated.
     */
    public static SalientPoseCounter fit(List<DescribedPose> poses, Settings settings) {
        List<String> exercises = settings.exerciseContext()
                ? List.copyOf(new TreeSet<>(poses.stream().map(DescribedPose::label).toList())) : List.of();
        SalientPoseCounter counter = SalientPoseCounter.train(poses, settings.labelling(), exercises, settings.trainer(),
                Thresholds.grid().getFirst());
        if (counter.model() == null) {
            return counter;
        }
        Choice choice = choose(poses, exercises, settings);
        return counter.with(choice.thresholds(), choice.perExercise());
    }

    /**
     * Thresholds chosen on inner folds.
     *
     * @param thresholds  for every exercise (and any without its own)
     * @param perExercise each context exercise's own
     */
    record Choice(Thresholds thresholds, Map<String, Thresholds> perExercise) {
    }

    /**
     * The thresholds with the smallest mean relative error on inner folds of {@code poses}' subjects; with
     * exercise context also each exercise's own, those with the smallest sum of the exercise's mean relative
     * error and the mean over all sequences (so that an exercise of few sequences does not get thresholds
     * that fit only them).
     */
    static Choice choose(List<DescribedPose> poses, List<String> exercises, Settings settings) {
        List<DescribedPose> annotated = poses.stream().filter(p -> !p.repetitions().isEmpty()).toList();
        List<String> subjects = List.copyOf(new TreeSet<>(annotated.stream().map(DescribedPose::subject).toList()));
        if (subjects.size() < 2) {
            throw new IllegalArgumentException("choosing thresholds on folds of subjects needs at least 2 subjects with"
                    + " annotated repetitions, found " + subjects);
        }
        int folds = Math.min(settings.innerFolds(), subjects.size());
        SalientPoseCounter.Scales[] probability = new SalientPoseCounter.Scales[annotated.size()];
        for (int fold = 0; fold < folds; fold++) {
            final int f = fold;
            List<String> held = new ArrayList<>();
            for (int i = f; i < subjects.size(); i += folds) {
                held.add(subjects.get(i));
            }
            List<DescribedPose> training = annotated.stream().filter(p -> !held.contains(p.subject())).toList();
            SalientPoseCounter inner = SalientPoseCounter.train(training, settings.labelling(), exercises, settings.trainer(),
                    Thresholds.grid().getFirst());
            for (int i = 0; i < annotated.size(); i++) {
                DescribedPose pose = annotated.get(i);
                if (held.contains(pose.subject())) {
                    probability[i] = new SalientPoseCounter.Scales(inner.middleProbability(pose.frames(), pose.label()));
                }
            }
        }
        List<Thresholds> grid = Thresholds.grid();
        double[][] errors = new double[grid.size()][annotated.size()];
        double[] mean = new double[grid.size()];
        for (int g = 0; g < grid.size(); g++) {
            for (int i = 0; i < annotated.size(); i++) {
                int truth = annotated.get(i).repetitions().size();
                errors[g][i] = Math.abs(probability[i].repetitions(grid.get(g)).size() - truth) / (double) truth;
                mean[g] += errors[g][i] / annotated.size();
            }
        }
        Thresholds all = grid.get(best(mean));
        Map<String, Thresholds> own = new TreeMap<>();
        for (String exercise : exercises) {
            double[] score = mean.clone();
            long n = annotated.stream().filter(p -> p.label().equals(exercise)).count();
            if (n == 0) {
                continue;
            }
            for (int g = 0; g < grid.size(); g++) {
                for (int i = 0; i < annotated.size(); i++) {
                    if (annotated.get(i).label().equals(exercise)) {
                        score[g] += errors[g][i] / n;
                    }
                }
            }
            own.put(exercise, grid.get(best(score)));
        }
        return new Choice(all, own);
    }

    /** Index of the smallest value, the first of equals. */
    private static int best(double[] values) {
        int best = 0;
        for (int g = 1; g < values.length; g++) {
            if (values[g] < values[best] - 1e-12) {
                best = g;
            }
        }
        return best;
    }

    /** Mean of |counted - truth| / truth. */
    public double meanRelativeError() {
        return rows.stream().mapToDouble(Row::relativeError).average().orElse(Double.NaN);
    }

    /** Share of sequences counted within one repetition (off-by-one accuracy). */
    public double withinOne() {
        return rows.stream().filter(r -> Math.abs(r.counted() - r.truth()) <= 1).count() / (double) rows.size();
    }

    /** Share of sequences counted exactly. */
    public double exact() {
        return rows.stream().filter(r -> r.counted() == r.truth()).count() / (double) rows.size();
    }

    /** {@code count_relative_error}, {@code count_within_one}, {@code count_exact}. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("count_relative_error", meanRelativeError());
        m.put("count_within_one", withinOne());
        m.put("count_exact", exact());
        return m;
    }

    /** The same metrics for each exercise's sequences, by exercise name. */
    public Map<String, PoseRepCountEvaluation> perExercise() {
        Map<String, List<Row>> grouped = new TreeMap<>();
        for (Row row : rows) {
            grouped.computeIfAbsent(row.exercise(), e -> new ArrayList<>()).add(row);
        }
        Map<String, PoseRepCountEvaluation> out = new LinkedHashMap<>();
        grouped.forEach((exercise, list) -> out.put(exercise, new PoseRepCountEvaluation(list)));
        return out;
    }

    /** One line per sequence, a table per exercise, then the overall metrics. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "repetition counts, leave-one-subject-out (salient-pose frame model and thresholds trained without the"
                        + " counted subject), %d sequences%n", rows.size()));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "  %-24s %-16s true %3d counted %3d%s%n", r.sequence(), r.exercise(), r.truth(),
                    r.counted(), r.countedAs().equals(r.exercise()) ? "" : " as " + r.countedAs()));
        }
        s.append(String.format(Locale.ROOT, "%-16s %9s %7s %7s %7s%n", "exercise", "sequences", "MAE", "OBO", "exact"));
        perExercise().forEach((exercise, e) -> s.append(line(exercise, e)));
        s.append(line("all", this));
        return s.toString();
    }

    private static String line(String name, PoseRepCountEvaluation e) {
        return String.format(Locale.ROOT, "%-16s %9d %7.3f %7.3f %7.3f%n", name, e.rows().size(), e.meanRelativeError(),
                e.withinOne(), e.exact());
    }
}
