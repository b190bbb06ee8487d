package formlab.exercise;

import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.imu.signal.WindowSettings;
import formlab.model.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Nested leave-one-subject-out search of the window length and feature set of a described IMU
 * dataset, as the barbell evaluation searches its own ({@link ExerciseEvaluation}): for each left-out
 * subject, every candidate is scored by an inner leave-one-subject-out over the <em>other</em>
 * subjects only (the cheaper inner forest on every other row, as {@link DescribedImuEvaluation#bestUnit}),
 * and the best candidate's forest, trained on the other subjects, predicts the left-out subject. What a
 * dataset's windows should be (a 25 Hz physiotherapy movement, a 10 Hz phone, a barbell lift) is
 * chosen from its own recordings, never from the subject it is tested on.
 */
public final class DescribedImuSearch {

    /** The feature sets a search tries: every feature, the mounting-independent ones, the posture ones. */
    public static final List<FeatureSet> FEATURE_SETS = List.of(FeatureSet.ALL, FeatureSet.ROBUST, FeatureSet.POSTURE);

    private DescribedImuSearch() {
    }

    /**
     * What the search may choose from.
     *
     * @param rows     the rows of each window setting (the same recordings cut into windows of that length)
     * @param features the feature sets to try on each
     */
    public record Space(Map<WindowSettings, DescribedImuWindows> rows, List<FeatureSet> features) {

        /**
         * Checks and copies.
         *
         * @throws IllegalArgumentException without a window setting or feature set, or when the window
         *                                  settings' rows do not cover the same recordings (a longer window
         *                                  that leaves short recordings out would be scored on an easier set)
         */
        public Space {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
            features = List.copyOf(features);
            if (rows.isEmpty() || features.isEmpty()) {
                throw new IllegalArgumentException("a search needs at least one window setting and one feature set");
            }
            Set<String> recordings = null;
            for (var entry : rows.entrySet()) {
                Set<String> covered = new TreeSet<>(List.of(entry.getValue().recordings()));
                if (recordings != null && !covered.equals(recordings)) {
                    throw new IllegalArgumentException("every window setting of a search must cover the same recordings; "
                            + new Candidate(entry.getKey(), features.getFirst()).windowText() + " covers " + covered.size()
                            + " of " + recordings.size());
                }
                recordings = covered;
            }
        }

        /**
         * {@code window} itself, then half and one and a half times its length, each with its step (the
         * given window first, so a tie keeps it).
         */
        public static List<WindowSettings> windowsAround(WindowSettings window) {
            return List.of(window, new WindowSettings(window.lengthSeconds() / 2, window.stepSeconds()),
                    new WindowSettings(window.lengthSeconds() * 1.5, window.stepSeconds()));
        }

        /** Every window setting with every feature set. */
        public List<Candidate> candidates() {
            List<Candidate> all = new ArrayList<>();
            rows.keySet().forEach(w -> features.forEach(f -> all.add(new Candidate(w, f))));
            return all;
        }

        /** The rows of {@code candidate}: its window's rows over its features. */
        public DescribedImuWindows rowsOf(Candidate candidate) {
            return rows.get(candidate.window()).withFeatures(candidate.features());
        }

        /** The first window setting's rows (every window setting has the same task and units). */
        DescribedImuWindows first() {
            return rows.values().iterator().next();
        }
    }

    /**
     * One point of the search.
     *
     * @param window   window length and step
     * @param features the feature set
     */
    public record Candidate(WindowSettings window, FeatureSet features) {

        @Override
        public String toString() {
            return windowText() + ", " + features.label() + " features";
        }

        /** The window in words: {@code 6 s windows every 1 s}. */
        public String windowText() {
            return ExerciseEvaluation.number(window.lengthSeconds()) + " s windows every "
                    + ExerciseEvaluation.number(window.stepSeconds()) + " s";
        }
    }

    /**
     * What the search chose.
     *
     * @param candidate     the winner (the first of the best on a tie, in {@link Space#candidates()} order)
     * @param innerAccuracy its pooled accuracy in the inner leave-one-subject-out
     */
    public record Choice(Candidate candidate, double innerAccuracy) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (inner accuracy %.3f)", candidate, innerAccuracy);
        }

        /** The choice as plain values, for a model card. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("windowSeconds", candidate.window().lengthSeconds());
            map.put("stepSeconds", candidate.window().stepSeconds());
            map.put("features", candidate.features().label());
            map.put("innerAccuracy", innerAccuracy);
            return map;
        }
    }

    /**
     * The candidate with the highest pooled accuracy in a leave-one-subject-out over {@code subjects}
     * only, each candidate's forest reading {@code units}. With a single subject there is nothing to
     * hold out: the first candidate is taken, with an inner accuracy of NaN.
     */
    public static Choice choose(Space space, List<String> units, Set<String> subjects, Trainer trainer) {
        if (subjects.size() < 2) {
            return new Choice(space.candidates().getFirst(), Double.NaN);
        }
        Trainer inner = DescribedImuEvaluation.innerTrainer(trainer);
        Choice best = null;
        for (Candidate candidate : space.candidates()) {
            DescribedImuWindows rows = space.rowsOf(candidate);
            int[] training = DescribedImuEvaluation.thinned(rowsOf(rows, subjects));
            double accuracy = DescribedImuEvaluation.innerAccuracy(rows.data(units, training), inner);
            if (best == null || accuracy > best.innerAccuracy()) {
                best = new Choice(candidate, accuracy);
            }
        }
        return best;
    }

    /**
     * The nested evaluation: for each subject, {@link #choose} on the other subjects, then the chosen
     * candidate's forest trained on them predicts the subject's rows. Every window setting covers the
     * same recordings ({@link Space}), so every subject has rows under every candidate.
     *
     * @param unitSpec {@value DescribedImuEvaluation#ALL} or one unit's name (a search of units,
     *                 {@value DescribedImuEvaluation#BEST}, is its own search)
     * @throws IllegalArgumentException for {@value DescribedImuEvaluation#BEST}, an unknown unit or fewer
     *                                  than 3 subjects (the inner search needs 2 besides the left-out one)
     */
    public static DescribedImuEvaluation leaveOneSubjectOut(Space space, String unitSpec, Trainer trainer, Progress progress) {
        if (unitSpec.equals(DescribedImuEvaluation.BEST)) {
            throw new IllegalArgumentException("the search chooses windows and features for given units; choosing the best"
                    + " single unit is a search of its own (units all or one unit's name)");
        }
        DescribedImuWindows first = space.first();
        List<String> units = DescribedImuEvaluation.units(unitSpec, first.units());
        Set<String> subjects = new TreeSet<>(List.of(first.subjects()));
        if (subjects.size() < 3) {
            throw new IllegalArgumentException("a nested search needs at least 3 subjects (2 to choose on besides the one"
                    + " left out); the rows have " + subjects.size());
        }
        Set<String> labels = new TreeSet<>();
        space.rows().values().forEach(rows -> labels.addAll(List.of(rows.labels())));
        DescribedImuEvaluation.Folds tested = new DescribedImuEvaluation.Folds(List.copyOf(labels));
        Map<String, List<String>> unitsBySubject = new LinkedHashMap<>();
        Map<String, Choice> chosen = new LinkedHashMap<>();
        int done = 0;
        for (String subject : subjects) {
            Set<String> others = new TreeSet<>(subjects);
            others.remove(subject);
            Choice choice = choose(space, units, others, trainer);
            DescribedImuWindows rows = space.rowsOf(choice.candidate());
            Fold fold = GroupSplits.holdOut(rows.subjects(), List.of(subject));
            Evaluation part = tested.test(rows, units, fold.train(), fold.test(), trainer);
            unitsBySubject.put(subject, units);
            chosen.put(subject, choice);
            progress.step("nested leave-one-subject-out", ++done, subjects.size(), String.format(Locale.ROOT,
                    "%s: %s; %d test rows, accuracy %.3f", subject, choice, part.size(), part.accuracy()));
        }
        return tested.result(first, unitSpec, unitsBySubject, chosen);
    }

    /** Indices of the rows whose subject is in {@code subjects}. */
    private static int[] rowsOf(DescribedImuWindows rows, Set<String> subjects) {
        String[] of = rows.subjects();
        return IntStream.range(0, of.length).filter(i -> subjects.contains(of[i])).toArray();
    }
}
