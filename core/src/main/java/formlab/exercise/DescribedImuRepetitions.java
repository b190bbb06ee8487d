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
 * barbell path ({@link RepCounter}, peaks of a low-passed accelerometer channel) with one rule per
 * class (exercise) and sensor unit, chosen on the other subjects' recordings whose count the
 * description gives (the rule and unit with the smallest mean absolute error there), then applied to
 * the left-out subject's recordings. Recordings without a known count are not used.
 *
 * @param rows one per counted recording: id, subject, class, true count, counted, unit and rule used
 */
public record DescribedImuRepetitions(List<Row> rows) {

    /**
     * One counted recording.
     *
     * @param recording the recording's id
     * @param subject   its subject (left out when it was counted)
     * @param label     its class
     * @param truth     the count the description gives
     * @param counted   the count
     * @param unit      the sensor unit the rule read
     * @param rule      the counting rule
     */
    public record Row(String recording, String subject, String label, int truth, int counted, String unit, String rule) {
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
     * The counting rule of one class: the sensor unit it reads and the rule, chosen on recordings with
     * a known count.
     *
     * @param unit        the sensor unit
     * @param parameters  the rule
     * @param trainingMae its mean absolute error on the recordings it was chosen on
     * @param recordings  how many recordings it was chosen on
     */
    public record Rule(String unit, RepCountParameters parameters, double trainingMae, int recordings) {
    }

    /** Counts every recording with a known count, each with the rule chosen without its subject. */
    public static DescribedImuRepetitions leaveOneSubjectOut(List<DescribedImuRecording> recordings, List<String> units) {
        List<DescribedImuRecording> known = known(recordings);
        List<RepCountParameters> rules = candidates();
        int[][][] counts = counts(known, units, rules);
        String[] subjects = known.stream().map(DescribedImuRecording::subject).toArray(String[]::new);
        GroupSplits.leaveOneGroupOut(subjects); // at least two subjects, or a clear error
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            DescribedImuRecording tested = known.get(i);
            int[] best = choose(known, counts, units.size(), rules.size(),
                    other -> !other.subject().equals(tested.subject()) && other.label().equals(tested.label()));
            rows.add(new Row(tested.id(), tested.subject(), tested.label(), tested.count(), counts[i][best[0]][best[1]],
                    units.get(best[0]), rules.get(best[1]).toString()));
        }
        return new DescribedImuRepetitions(rows);
    }

    /**
     * The rule of each class, chosen on every recording of that class with a known count (what a model
     * trained on every subject counts with); empty when no recording has a count.
     */
    public static Map<String, Rule> fit(List<DescribedImuRecording> recordings, List<String> units) {
        List<DescribedImuRecording> known = recordings.stream().filter(r -> r.count() != null).toList();
        Map<String, Rule> fitted = new java.util.TreeMap<>();
        if (known.isEmpty()) {
            return fitted;
        }
        List<RepCountParameters> rules = candidates();
        int[][][] counts = counts(known, units, rules);
        for (String label : known.stream().map(DescribedImuRecording::label).distinct().sorted().toList()) {
            int[] best = choose(known, counts, units.size(), rules.size(), other -> other.label().equals(label));
            double error = 0;
            int n = 0;
            for (int j = 0; j < known.size(); j++) {
                if (known.get(j).label().equals(label)) {
                    error += Math.abs(counts[j][best[0]][best[1]] - known.get(j).count());
                    n++;
                }
            }
            fitted.put(label, new Rule(units.get(best[0]), rules.get(best[1]), error / n, n));
        }
        return fitted;
    }

    /** Counts {@code recording} with {@code rule} (on the rule's unit). */
    public static int count(DescribedImuRecording recording, Rule rule) {
        SensorSeries acc = recording.sensors(rule.unit()).accelerometer();
        return RepCounter.count(new double[][] {acc.x(), acc.y(), acc.z()}, acc.nominalRateHz(), rule.parameters()).count();
    }

    private static List<DescribedImuRecording> known(List<DescribedImuRecording> recordings) {
        List<DescribedImuRecording> known = recordings.stream().filter(r -> r.count() != null).toList();
        if (known.isEmpty()) {
            throw new IllegalArgumentException("no recording has a repetition count (labels.counts or an annotation's"
                    + " countColumn): nothing to count against");
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

    /** {unit, rule} with the smallest mean absolute error over the recordings {@code used} accepts. */
    private static int[] choose(List<DescribedImuRecording> known, int[][][] counts, int units, int rules,
            java.util.function.Predicate<DescribedImuRecording> used) {
        int bestUnit = 0;
        int bestRule = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < rules; k++) {
                double error = 0;
                int n = 0;
                for (int j = 0; j < known.size(); j++) {
                    DescribedImuRecording other = known.get(j);
                    if (used.test(other)) {
                        error += Math.abs(counts[j][u][k] - other.count());
                        n++;
                    }
                }
                if (n > 0 && error / n < bestError) {
                    bestError = error / n;
                    bestUnit = u;
                    bestRule = k;
                }
            }
        }
        return new int[] {bestUnit, bestRule};
    }

    /** Mean absolute error of the counts. */
    public double meanAbsoluteError() {
        return rows.stream().mapToInt(r -> Math.abs(r.counted() - r.truth())).average().orElse(Double.NaN);
    }

    /** Mean absolute error relative to the true count. */
    public double meanRelativeError() {
        return rows.stream().mapToDouble(r -> Math.abs(r.counted() - r.truth()) / (double) r.truth()).average().orElse(Double.NaN);
    }

    /** Share of recordings counted within one repetition. */
    public double withinOne() {
        return rows.stream().filter(r -> Math.abs(r.counted() - r.truth()) <= 1).count() / (double) rows.size();
    }

    /** Share of recordings counted exactly. */
    public double exact() {
        return rows.stream().filter(r -> r.counted() == r.truth()).count() / (double) rows.size();
    }

    /** {@code count_exact}, {@code count_within_one}, {@code count_mae}, {@code count_relative_error}. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("count_exact", exact());
        m.put("count_within_one", withinOne());
        m.put("count_mae", meanAbsoluteError());
        m.put("count_relative_error", meanRelativeError());
        return m;
    }

    /** One line per recording, then the summary. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "repetition counts, leave-one-subject-out (rule and unit chosen per class on the other subjects), %d recordings%n",
                rows.size()));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "  %-28s true %3d counted %3d  (%s: %s)%n", r.recording(), r.truth(), r.counted(),
                    r.unit(), r.rule()));
        }
        summary().forEach((name, value) -> s.append(String.format(Locale.ROOT, "%-28s %.3f%n", name, value)));
        return s.toString();
    }
}
