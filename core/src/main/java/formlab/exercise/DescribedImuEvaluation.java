package formlab.exercise;

import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Leave-one-subject-out evaluation of the rows of a described IMU dataset ({@link DescribedImuWindows}):
 * for each subject, a model trained on the other subjects' rows predicts that subject's rows. Reports
 * per row (window or repetition) and, for the exercise task, per recording (mean probability over its
 * windows). Which sensor units feed the model is {@code all}, one unit by name, or {@code best}: the
 * unit chosen <em>inside each training fold</em> by an inner leave-one-subject-out over the training
 * subjects only, so the tested subject never influences the choice.
 */
public final class DescribedImuEvaluation {

    /** {@code --units} value: every unit. */
    public static final String ALL = "all";
    /** {@code --units} value: the best single unit, chosen inside each training fold. */
    public static final String BEST = "best";

    private final DescribedImuWindows rows;
    private final String unitSpec;
    private final Evaluation rowEvaluation;
    private final Evaluation recordingEvaluation;
    private final Map<String, List<String>> unitsBySubject;
    private final Map<String, DescribedImuSearch.Choice> searchBySubject;

    private DescribedImuEvaluation(DescribedImuWindows rows, String unitSpec, Evaluation rowEvaluation,
            Evaluation recordingEvaluation, Map<String, List<String>> unitsBySubject,
            Map<String, DescribedImuSearch.Choice> searchBySubject) {
        this.rows = rows;
        this.unitSpec = unitSpec;
        this.rowEvaluation = rowEvaluation;
        this.recordingEvaluation = recordingEvaluation;
        this.unitsBySubject = unitsBySubject;
        this.searchBySubject = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searchBySubject));
    }

    /**
     * The test rows of one left-out subject with the probabilities predicted for them.
     *
     * @param rows          the rows the fold was cut from
     * @param test          indices into {@code rows} of the left-out subject's rows
     * @param probabilities one row of class probabilities per test row, in order
     */
    private record FoldRows(DescribedImuWindows rows, int[] test, double[][] probabilities) {
    }

    /**
     * The left-out subjects' predictions as each fold is tested, pooled at the end per row and, for the
     * exercise task, per recording. A fold's rows may come from other windows than another fold's (a
     * search chooses them per fold).
     */
    static final class Folds {

        private final List<String> classes;
        private final List<Evaluation> parts = new ArrayList<>();
        private final List<FoldRows> tested = new ArrayList<>();

        /** @param classes every class, in the order of the probabilities */
        Folds(List<String> classes) {
            this.classes = classes;
        }

        /** Trains on rows {@code train} of {@code rows}, predicts rows {@code test}; the fold's evaluation. */
        Evaluation test(DescribedImuWindows rows, List<String> units, int[] train, int[] test, Trainer trainer) {
            Classifier model = trainer.fit(rows.data(units, train));
            Evaluation part = Evaluation.of(model, rows.data(units, test), classes);
            parts.add(part);
            tested.add(new FoldRows(rows, test, part.probabilities().orElseThrow()));
            return part;
        }

        /** The evaluation of the folds tested, named by {@code rows}' task and what each subject was given. */
        DescribedImuEvaluation result(DescribedImuWindows rows, String unitSpec, Map<String, List<String>> unitsBySubject,
                Map<String, DescribedImuSearch.Choice> searchBySubject) {
            Evaluation pooled = Evaluation.pool(parts);
            Evaluation byRecording = rows.task() == DescribedImuWindows.Task.EXERCISE ? byRecording(tested, pooled.classes()) : null;
            return new DescribedImuEvaluation(rows, unitSpec, pooled, byRecording, unitsBySubject, searchBySubject);
        }
    }

    /** A random forest of {@code trees} trees with the project's other defaults and {@code seed}. */
    public static Trainer forest(int trees, long seed) {
        SmileRandomForestTrainer d = SmileRandomForestTrainer.defaults(seed);
        return new SmileRandomForestTrainer(trees, d.mtry(), d.maxDepth(), d.maxNodes(), d.nodeSize(), d.subsample(), seed);
    }

    /**
     * The units {@code spec} names among {@code units}: {@value #ALL} = all of them, a unit's name = that
     * unit ({@value #BEST} is resolved per fold by {@link #bestUnit}).
     *
     * @throws IllegalArgumentException for a unit the data do not have (the message lists the units)
     */
    public static List<String> units(String spec, List<String> units) {
        if (spec.equals(ALL)) {
            return units;
        }
        if (!units.contains(spec)) {
            throw new IllegalArgumentException("no sensor unit '" + spec + "'; expected all, best or one of: "
                    + String.join(", ", units));
        }
        return List.of(spec);
    }

    /**
     * Runs the evaluation.
     *
     * @param rows     the feature rows
     * @param unitSpec {@value #ALL}, {@value #BEST} or a unit's name
     * @param trainer  the classifier trainer (a random forest in the commands)
     */
    public static DescribedImuEvaluation leaveOneSubjectOut(DescribedImuWindows rows, String unitSpec, Trainer trainer,
            Progress progress) {
        if (!unitSpec.equals(BEST)) {
            units(unitSpec, rows.units());
        }
        String[] subjects = rows.subjects();
        List<Fold> folds = GroupSplits.leaveOneGroupOut(subjects);
        Folds tested = new Folds(List.copyOf(new TreeSet<>(List.of(rows.labels()))));
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        int done = 0;
        for (Fold fold : folds) {
            String subject = fold.testGroups().getFirst();
            List<String> units = unitSpec.equals(BEST) ? List.of(bestUnit(rows, fold.train(), trainer))
                    : units(unitSpec, rows.units());
            chosen.put(subject, units);
            Evaluation part = tested.test(rows, units, fold.train(), fold.test(), trainer);
            progress.step("leave-one-subject-out", ++done, folds.size(), String.format(Locale.ROOT,
                    "%s: units %s, %d test rows, accuracy %.3f", subject, String.join("+", units), part.size(), part.accuracy()));
        }
        return tested.result(rows, unitSpec, chosen, Map.of());
    }

    /**
     * The unit whose rows alone give the highest pooled accuracy in a leave-one-subject-out over the
     * subjects of {@code trainRows} only (a forest of a quarter of the trees, at least 20, on every other
     * row, to keep the search cheap); ties go to the earlier unit.
     */
    public static String bestUnit(DescribedImuWindows rows, int[] trainRows, Trainer trainer) {
        Trainer inner = innerTrainer(trainer);
        int[] thinned = thinned(trainRows);
        String best = null;
        double bestAccuracy = -1;
        for (String unit : rows.units()) {
            double accuracy = innerAccuracy(rows.data(List.of(unit), thinned), inner);
            if (accuracy > bestAccuracy) {
                best = unit;
                bestAccuracy = accuracy;
            }
        }
        return best;
    }

    /** The cheaper model of an inner search: a forest of a quarter of the trees, at least 20. */
    static Trainer innerTrainer(Trainer trainer) {
        return trainer instanceof SmileRandomForestTrainer f ? forest(Math.max(20, f.trees() / 4), f.seed()) : trainer;
    }

    /** Every other row of {@code rows}: an inner search's rows. */
    static int[] thinned(int[] rows) {
        return IntStream.range(0, rows.length).filter(i -> i % 2 == 0).map(i -> rows[i]).toArray();
    }

    /** Pooled accuracy of {@code trainer} in a leave-one-subject-out over the subjects of {@code data}. */
    static double innerAccuracy(LabelledData data, Trainer trainer) {
        List<String> classes = data.classes();
        List<Evaluation> parts = new ArrayList<>();
        for (Fold fold : GroupSplits.leaveOneGroupOut(data.groups())) {
            parts.add(Evaluation.of(trainer.fit(data.rows(fold.train())), data.rows(fold.test()), classes));
        }
        return Evaluation.pool(parts).accuracy();
    }

    /** Per recording: the mean of its windows' probabilities, arg-max. */
    private static Evaluation byRecording(List<FoldRows> folds, List<String> classes) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, String> truth = new TreeMap<>();
        Map<String, String> subject = new TreeMap<>();
        for (FoldRows fold : folds) {
            String[] recordings = fold.rows().recordings();
            for (int k = 0; k < fold.test().length; k++) {
                int row = fold.test()[k];
                double[] sum = sums.computeIfAbsent(recordings[row], r -> new double[classes.size()]);
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += fold.probabilities()[k][c];
                }
                truth.put(recordings[row], fold.rows().recordingClasses()[row]);
                subject.put(recordings[row], fold.rows().subjects()[row]);
            }
        }
        String[] ids = sums.keySet().toArray(String[]::new);
        return Evaluation.ofProbabilities(classes, truth.values().toArray(String[]::new),
                sums.values().stream().map(s -> {
                    double total = java.util.Arrays.stream(s).sum();
                    return java.util.Arrays.stream(s).map(v -> v / total).toArray();
                }).toArray(double[][]::new), java.util.Arrays.stream(ids).map(subject::get).toArray(String[]::new));
    }

    /** Pooled over the left-out subjects, one example per row (window or repetition). */
    public Evaluation rowEvaluation() {
        return rowEvaluation;
    }

    /** Per recording (exercise task only; empty for quality). */
    public java.util.Optional<Evaluation> recordingEvaluation() {
        return java.util.Optional.ofNullable(recordingEvaluation);
    }

    /** The units used when each subject was left out. */
    public Map<String, List<String>> unitsBySubject() {
        return unitsBySubject;
    }

    /**
     * What the nested search ({@link DescribedImuSearch}) chose when each subject was left out; empty
     * without a search.
     */
    public Map<String, DescribedImuSearch.Choice> searchBySubject() {
        return searchBySubject;
    }

    /** What {@code --units} asked for: {@value #ALL}, {@value #BEST} or a unit's name. */
    public String unitSpec() {
        return unitSpec;
    }

    /** The row kind: {@code window} (exercise) or {@code repetition} (quality). */
    public String rowKind() {
        return rows.task() == DescribedImuWindows.Task.EXERCISE ? "window" : "repetition";
    }

    /**
     * The headline numbers: {@code <row>_accuracy}, {@code <row>_balanced_accuracy}, {@code <row>_macro_f1}
     * and, for exercises, {@code recording_accuracy} and {@code recording_macro_f1}.
     */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        String kind = rowKind();
        m.put(kind + "_accuracy", rowEvaluation.accuracy());
        m.put(kind + "_balanced_accuracy", rowEvaluation.balancedAccuracy());
        m.put(kind + "_macro_f1", rowEvaluation.macroF1());
        if (recordingEvaluation != null) {
            m.put("recording_accuracy", recordingEvaluation.accuracy());
            m.put("recording_macro_f1", recordingEvaluation.macroF1());
        }
        return m;
    }

    /** A printable report: settings, headline numbers, per subject, per class and confusion matrix. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "leave-one-subject-out, %d %ss, units %s%n", rowEvaluation.size(), rowKind(), unitSpec));
        unitsBySubject.forEach((subject, units) -> {
            s.append("  ").append(subject).append(": units ").append(String.join("+", units));
            DescribedImuSearch.Choice choice = searchBySubject.get(subject);
            if (choice != null) {
                s.append(", ").append(choice);
            }
            s.append('\n');
        });
        summary().forEach((name, value) -> s.append(String.format(Locale.ROOT, "%-28s %.3f%n", name, value)));
        s.append(rowEvaluation.perGroup().print()).append('\n');
        s.append(rowEvaluation.perClass().print()).append('\n');
        s.append(rowEvaluation.confusionMatrix().print()).append('\n');
        if (recordingEvaluation != null) {
            s.append("per recording (mean probability over its windows): ").append(recordingEvaluation).append('\n');
        }
        return s.toString();
    }
}
