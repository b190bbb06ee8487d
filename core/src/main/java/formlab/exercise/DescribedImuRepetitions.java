package formlab.exercise;

import formlab.eval.GroupSplits;
import formlab.imu.SensorSeries;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.reps.Polarity;
import formlab.imu.reps.RepChannel;
import formlab.imu.reps.RepCountParameters;
import formlab.imu.reps.RepCountSearch;
import formlab.imu.reps.RepCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repetition counts of described IMU recordings, leave-one-subject-out: the repetition counter of the
 * barbell path ({@link RepCounter}, peaks of a low-passed accelerometer channel) with the rules of each
 * class (exercise) chosen on the other subjects' recordings whose count the description gives, then
 * applied to the left-out subject's recordings. Recordings without a known count are not used, nor
 * are those whose count is 0 (a rest recording of a {@code noExercise} class: there is nothing to
 * count, and no relative error to take); {@link #text} says how many were left out.
 * A recording of a class that no other subject's recording with a count has is not counted (no rule
 * to count by: {@link #NOT_COUNTED}), said so in {@link #text}, and left out of the metrics.
 *
 * <p>The chosen rules are the (sensor unit, rule) pairs with the smallest absolute error summed over
 * those recordings, kept on one sensor unit: the unit of the first tied pair (units in the order
 * given), so that a live stream of that one unit counts as the evaluation did. Many rules usually tie
 * (the training sessions all hold 30 repetitions, and several cut-offs and prominences count them
 * equally well); the count is the median of the tied rules' counts ({@link RepCounter#median}, the
 * lower middle one for an even number), so that a rule that is best on the training subjects by
 * chance and slips on a new one is outvoted by the others instead of being followed. A model trained
 * on every subject ({@link #fit}) keeps the same tied rules and counts the same way.
 *
 * @param rows      one per counted recording: id, subject, class, true count, counted, the tied rules'
 *                  unit, the first tied rule, and how many rules tied
 * @param zeroCount the recordings left out because their true count is 0
 */
public record DescribedImuRepetitions(List<Row> rows, List<String> zeroCount) {

    /** Copies the lists. */
    public DescribedImuRepetitions {
        rows = List.copyOf(rows);
        zeroCount = List.copyOf(zeroCount);
    }

    /** Counts of {@code rows}, no recording left out for a count of 0. */
    public DescribedImuRepetitions(List<Row> rows) {
        this(rows, List.of());
    }

    /** The count of a row with no rules to count by (no other subject's recording of its class has a count). */
    public static final int NOT_COUNTED = -1;

    /**
     * One counted recording.
     *
     * @param recording the recording's id
     * @param subject   its subject (left out when it was counted)
     * @param label     its class
     * @param truth     the count the description gives
     * @param counted   the count: the median of the tied rules' counts, or {@link #NOT_COUNTED} when no
     *                  other subject's recording of the class has a count to choose rules on
     * @param unit      the sensor unit of the tied rules (that of the first tied pair, unit then rule order)
     * @param rule      the first tied rule
     * @param tied      how many rules on that unit tied for the smallest error on the other subjects
     */
    public record Row(String recording, String subject, String label, int truth, int counted, String unit, String rule,
            int tied) {
    }

    /**
     * The candidate rules: the barbell search's channels, polarities and prominences, with cut-offs
     * reaching down to 0.1 Hz for slow exercises (a physiotherapy repetition may take 8 s).
     */
    public static List<RepCountParameters> candidates() {
        return new RepCountSearch(List.of(RepChannel.values()), List.of(0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8),
                List.of(Polarity.values()), List.of(0.05, 0.1, 0.2, 0.3), List.of(), 0.3, 0.5).candidates();
    }

    /**
     * The counting rules of one class: the sensor unit they read and the rules tied best on recordings
     * with a known count; the count is the median of their counts.
     *
     * @param unit        the sensor unit
     * @param parameters  the tied rules, in candidate order (at least one)
     * @param rateHz      the accelerometer rate they were chosen at (a stream is counted on a grid at it)
     * @param trainingMae the mean absolute error of the median count on the recordings they were chosen on
     * @param recordings  how many recordings they were chosen on
     */
    public record Rule(String unit, List<RepCountParameters> parameters, double rateHz, double trainingMae, int recordings) {

        /** Copies the rules. */
        public Rule {
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("a class's counting rule needs at least one rule (unit " + unit + ")");
            }
            parameters = List.copyOf(parameters);
        }
    }

    /** Counts every recording with a known count above 0, each with the rules chosen without its subject. */
    public static DescribedImuRepetitions leaveOneSubjectOut(List<DescribedImuRecording> recordings, List<String> units) {
        List<String> zeroCount = recordings.stream().filter(r -> r.count() != null && r.count() == 0)
                .map(DescribedImuRecording::id).toList();
        List<DescribedImuRecording> known = known(recordings);
        List<RepCountParameters> rules = candidates();
        int[][][] counts = counts(known, units, rules);
        String[] subjects = known.stream().map(DescribedImuRecording::subject).toArray(String[]::new);
        GroupSplits.leaveOneGroupOut(subjects); // at least two subjects, or a clear error
        int[] truths = known.stream().mapToInt(DescribedImuRecording::count).toArray();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            DescribedImuRecording tested = known.get(i);
            boolean[] used = mask(known, other -> !other.subject().equals(tested.subject())
                    && other.label().equals(tested.label()));
            List<int[]> tied = oneUnit(tiedBest(counts, truths, used));
            if (tied.isEmpty()) {
                rows.add(new Row(tested.id(), tested.subject(), tested.label(), tested.count(), NOT_COUNTED, "-",
                        "none: no other subject's recording of " + tested.label() + " has a count", 0));
                continue;
            }
            int[][] own = counts[i];
            int counted = RepCounter.median(tied.stream().mapToInt(pair -> own[pair[0]][pair[1]]).toArray());
            int[] first = tied.getFirst();
            rows.add(new Row(tested.id(), tested.subject(), tested.label(), tested.count(), counted,
                    units.get(first[0]), rules.get(first[1]).toString(), tied.size()));
        }
        return new DescribedImuRepetitions(rows, zeroCount);
    }

    /**
     * The rules of each class, chosen on every recording of that class with a known count above 0 as
     * {@link #leaveOneSubjectOut} chooses them (the tied rules on one unit, counted by their median):
     * what a model trained on every subject counts with. Empty when no recording has a count.
     */
    public static Map<String, Rule> fit(List<DescribedImuRecording> recordings, List<String> units) {
        List<DescribedImuRecording> known = recordings.stream().filter(DescribedImuRepetitions::countable).toList();
        Map<String, Rule> fitted = new java.util.TreeMap<>();
        if (known.isEmpty()) {
            return fitted;
        }
        List<RepCountParameters> rules = candidates();
        int[][][] counts = counts(known, units, rules);
        int[] truths = known.stream().mapToInt(DescribedImuRecording::count).toArray();
        for (String label : known.stream().map(DescribedImuRecording::label).distinct().sorted().toList()) {
            List<int[]> tied = oneUnit(tiedBest(counts, truths, mask(known, other -> other.label().equals(label))));
            double error = 0;
            int n = 0;
            for (int j = 0; j < known.size(); j++) {
                if (known.get(j).label().equals(label)) {
                    int[][] own = counts[j];
                    error += Math.abs(RepCounter.median(tied.stream().mapToInt(pair -> own[pair[0]][pair[1]]).toArray())
                            - known.get(j).count());
                    n++;
                }
            }
            String unit = units.get(tied.getFirst()[0]);
            double rate = known.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow().sensors(unit)
                    .accelerometer().nominalRateHz();
            fitted.put(label, new Rule(unit, tied.stream().map(pair -> rules.get(pair[1])).toList(), rate, error / n, n));
        }
        return fitted;
    }

    /** Counts {@code recording} with {@code rule}: the median of its rules' counts on the rule's unit. */
    public static int count(DescribedImuRecording recording, Rule rule) {
        SensorSeries acc = recording.sensors(rule.unit()).accelerometer();
        return RepCounter.count(new double[][] {acc.x(), acc.y(), acc.z()}, acc.nominalRateHz(), rule.parameters()).count();
    }

    /** A recording with a true count above 0: one to choose rules on and to count. */
    private static boolean countable(DescribedImuRecording recording) {
        return recording.count() != null && recording.count() > 0;
    }

    private static List<DescribedImuRecording> known(List<DescribedImuRecording> recordings) {
        List<DescribedImuRecording> known = recordings.stream().filter(DescribedImuRepetitions::countable).toList();
        if (known.isEmpty()) {
            throw new IllegalArgumentException("no recording has a repetition count above 0 (labels.counts or an"
                    + " annotation's countColumn): nothing to count against");
        }
        return known;
    }

    /** counts[recording][unit][rule]: counting needs no label, so every recording x unit x rule once. */
    private static int[][][] counts(List<DescribedImuRecording> known, List<String> units, List<RepCountParameters> rules) {
        return known.parallelStream().map(recording -> {
            int[][] byUnit = new int[units.size()][rules.size()];
            for (int u = 0; u < units.size(); u++) {
                SensorSeries acc = recording.sensors(units.get(u)).accelerometer();
                double[][] axes = {acc.x(), acc.y(), acc.z()};
                for (int k = 0; k < rules.size(); k++) {
                    byUnit[u][k] = RepCounter.count(axes, acc.nominalRateHz(), rules.get(k)).count();
                }
            }
            return byUnit;
        }).toArray(int[][][]::new);
    }

    /** Which of {@code known} the choice may look at. */
    private static boolean[] mask(List<DescribedImuRecording> known, java.util.function.Predicate<DescribedImuRecording> used) {
        boolean[] mask = new boolean[known.size()];
        for (int j = 0; j < known.size(); j++) {
            mask[j] = used.test(known.get(j));
        }
        return mask;
    }

    /**
     * Every {unit, rule} pair whose counts of the recordings marked {@code used} have the smallest sum
     * of absolute errors against {@code truths}, in unit then rule order; empty when no recording is
     * used (nothing to choose on: every pair would tie at no error).
     *
     * @param counts counts[recording][unit][rule]
     * @param truths the true count of each recording
     * @param used   which recordings the choice may look at
     */
    static List<int[]> tiedBest(int[][][] counts, int[] truths, boolean[] used) {
        List<int[]> best = new ArrayList<>();
        long bestError = Long.MAX_VALUE;
        boolean any = false;
        for (int j = 0; j < counts.length && !any; j++) {
            any = used[j];
        }
        if (!any) {
            return best;
        }
        for (int u = 0; u < counts[0].length; u++) {
            for (int k = 0; k < counts[0][u].length; k++) {
                long error = 0;
                for (int j = 0; j < counts.length; j++) {
                    if (used[j]) {
                        error += Math.abs(counts[j][u][k] - truths[j]);
                    }
                }
                if (error < bestError) {
                    bestError = error;
                    best.clear();
                }
                if (error == bestError) {
                    best.add(new int[] {u, k});
                }
            }
        }
        return best;
    }

    /** The tied pairs on the unit of the first one (a stream carries one unit). */
    static List<int[]> oneUnit(List<int[]> tied) {
        return tied.isEmpty() ? tied : tied.stream().filter(pair -> pair[0] == tied.getFirst()[0]).toList();
    }

    /** The rows counted (those with rules to count by); the metrics are over these. */
    public List<Row> counted() {
        return rows.stream().filter(r -> r.counted() != NOT_COUNTED).toList();
    }

    /** Mean absolute error of the counted rows. */
    public double meanAbsoluteError() {
        return counted().stream().mapToInt(r -> Math.abs(r.counted() - r.truth())).average().orElse(Double.NaN);
    }

    /** Mean absolute error relative to the true count, over the counted rows with a true count above 0. */
    public double meanRelativeError() {
        return counted().stream().filter(r -> r.truth() > 0).mapToDouble(r -> Math.abs(r.counted() - r.truth()) / (double) r.truth()).average().orElse(Double.NaN);
    }

    /** Share of the counted rows within one repetition of the truth. */
    public double withinOne() {
        return counted().stream().filter(r -> Math.abs(r.counted() - r.truth()) <= 1).count() / (double) counted().size();
    }

    /** Share of the counted rows counted exactly. */
    public double exact() {
        return counted().stream().filter(r -> r.counted() == r.truth()).count() / (double) counted().size();
    }

    /** {@code count_exact}, {@code count_mae}, {@code count_relative_error}, {@code count_within_one}. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("count_exact", exact());
        m.put("count_mae", meanAbsoluteError());
        m.put("count_relative_error", meanRelativeError());
        m.put("count_within_one", withinOne());
        return m;
    }

    /** One line per recording, then the summary. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "repetition counts, leave-one-subject-out (median of the rules tied best per class on the other"
                        + " subjects, on the first tied unit), %d recordings%n",
                rows.size()));
        for (Row r : rows) {
            if (r.counted() == NOT_COUNTED) {
                s.append(String.format(Locale.ROOT, "  %-28s true %3d not counted (%s)%n", r.recording(), r.truth(), r.rule()));
                continue;
            }
            s.append(String.format(Locale.ROOT, "  %-28s true %3d counted %3d  (median of %d tied; first %s: %s)%n",
                    r.recording(), r.truth(), r.counted(), r.tied(), r.unit(), r.rule()));
        }
        if (counted().size() < rows.size()) {
            s.append(String.format(Locale.ROOT, "not counted: %d of %d recordings (no rules: no other subject's recording of"
                    + " their class has a count); the metrics are over the other %d%n", rows.size() - counted().size(),
                    rows.size(), counted().size()));
        }
        if (!zeroCount.isEmpty()) {
            s.append(String.format(Locale.ROOT, "left out: %d recordings whose true count is 0 (nothing to count, e.g."
                    + " rest): %s%n", zeroCount.size(), String.join(", ", zeroCount.subList(0, Math.min(5, zeroCount.size())))
                    + (zeroCount.size() > 5 ? ", ..." : "")));
        }
        summary().forEach((name, value) -> s.append(String.format(Locale.ROOT, "%-28s %.3f%n", name, value)));
        return s.toString();
    }
}
