package formlab.exercise;

import formlab.eval.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-set verdicts from per-window probabilities, two ways: the arg-max of the mean probability
 * over the set's windows, and the majority vote of the windows' arg-max labels (ties go to the
 * tied class with the higher mean probability). Also the causally smoothed label of every window,
 * which is what a live tracker shows ({@link WindowDecisions}, rest gate not applied). All three are
 * evaluated with {@link Evaluation}, grouped by participant.
 *
 * @param byMeanProbability one example per set, predicted by mean probability (probabilities = the means)
 * @param byVote            one example per set, predicted by majority vote
 * @param live              one example per window, predicted by the causal smoother
 * @param sets              set id of each example of the set-level evaluations, in their order
 */
public record SetAggregation(Evaluation byMeanProbability, Evaluation byVote, Evaluation live, List<String> sets) {

    /**
     * Aggregates windows given in time order within each set.
     *
     * @param classes       class order of {@code probabilities}
     * @param setIds        set of each window
     * @param truth         true label of each window (constant within a set)
     * @param probabilities per-window probabilities
     * @param groups        participant of each window
     * @param smoothing     windows averaged by the live smoother
     */
    public static SetAggregation of(List<String> classes, String[] setIds, String[] truth, double[][] probabilities,
                                    String[] groups, int smoothing) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < setIds.length; i++) {
            rows.computeIfAbsent(setIds[i], k -> new ArrayList<>()).add(i);
        }
        int k = classes.size();
        List<String> sets = new ArrayList<>(rows.keySet());
        String[] setTruth = new String[sets.size()];
        String[] setGroups = new String[sets.size()];
        String[] byMean = new String[sets.size()];
        String[] byVote = new String[sets.size()];
        double[][] means = new double[sets.size()][];
        String[] livePredicted = new String[truth.length];
        double[][] liveProbabilities = new double[truth.length][];
        for (int s = 0; s < sets.size(); s++) {
            List<Integer> members = rows.get(sets.get(s));
            double[] mean = new double[k];
            int[] votes = new int[k];
            WindowDecisions live = new WindowDecisions(classes, smoothing, Integer.MAX_VALUE);
            for (int i : members) {
                for (int c = 0; c < k; c++) {
                    mean[c] += probabilities[i][c] / members.size();
                }
                votes[argMax(probabilities[i])]++;
                WindowDecisions.Step step = live.next(probabilities[i], false);
                livePredicted[i] = step.label();
                liveProbabilities[i] = step.smoothed();
            }
            int bestVote = 0;
            for (int c = 1; c < k; c++) {
                if (votes[c] > votes[bestVote] || votes[c] == votes[bestVote] && mean[c] > mean[bestVote]) {
                    bestVote = c;
                }
            }
            int first = members.getFirst();
            setTruth[s] = truth[first];
            setGroups[s] = groups[first];
            means[s] = mean;
            byMean[s] = classes.get(argMax(mean));
            byVote[s] = classes.get(bestVote);
        }
        return new SetAggregation(Evaluation.of(classes, setTruth, byMean, means, setGroups),
                Evaluation.of(classes, setTruth, byVote, null, setGroups),
                Evaluation.of(classes, truth, livePredicted, liveProbabilities, groups), sets);
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
