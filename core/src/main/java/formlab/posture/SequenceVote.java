package formlab.posture;

import formlab.eval.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Majority vote of per-frame predictions within each sequence: a video gets the label most of
 * its frames got. Ties go to the label with the larger summed probability when probabilities
 * are given, else to the alphabetically first, so the result is deterministic.
 */
public final class SequenceVote {

    private SequenceVote() {
    }

    /**
     * One score per sequence, in order of first appearance.
     *
     * @param sequences     sequence id of each frame
     * @param predicted     predicted label of each frame
     * @param classes       the classifier's classes (order of the probability rows), or null
     * @param probabilities probability rows per frame, or null
     */
    public static List<SequenceScore> vote(String[] sequences, String[] predicted, List<String> classes, double[][] probabilities) {
        if (sequences.length != predicted.length || (probabilities != null && probabilities.length != predicted.length)) {
            throw new IllegalArgumentException("Need one sequence id, prediction (and probability row) per frame: "
                    + sequences.length + " ids, " + predicted.length + " predictions"
                    + (probabilities == null ? "" : ", " + probabilities.length + " probability rows"));
        }
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        Map<String, Map<String, Double>> mass = new LinkedHashMap<>();
        Map<String, Integer> frames = new LinkedHashMap<>();
        for (int i = 0; i < sequences.length; i++) {
            votes.computeIfAbsent(sequences[i], k -> new TreeMap<>()).merge(predicted[i], 1, Integer::sum);
            frames.merge(sequences[i], 1, Integer::sum);
            if (probabilities != null) {
                Map<String, Double> m = mass.computeIfAbsent(sequences[i], k -> new TreeMap<>());
                for (int c = 0; c < classes.size(); c++) {
                    m.merge(classes.get(c), probabilities[i][c], Double::sum);
                }
            }
        }
        List<SequenceScore> scores = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> entry : votes.entrySet()) {
            String id = entry.getKey();
            Map<String, Double> probabilityMass = mass.getOrDefault(id, Map.of());
            String winner = null;
            for (Map.Entry<String, Integer> candidate : entry.getValue().entrySet()) {
                if (winner == null || candidate.getValue() > entry.getValue().get(winner)
                        || (candidate.getValue().equals(entry.getValue().get(winner))
                        && probabilityMass.getOrDefault(candidate.getKey(), 0.0) > probabilityMass.getOrDefault(winner, 0.0))) {
                    winner = candidate.getKey();
                }
            }
            int n = frames.get(id);
            double meanProbability = probabilities == null ? Double.NaN : probabilityMass.getOrDefault(winner, 0.0) / n;
            scores.add(new SequenceScore(id, winner, entry.getValue().get(winner) / (double) n, meanProbability, n, entry.getValue()));
        }
        return scores;
    }

    /**
     * Per-sequence evaluation: one example per sequence, its truth the (single) true label of its
     * frames, its prediction the majority vote. Metrics come from {@link Evaluation}.
     *
     * @param classes   every class
     * @param sequences sequence id of each frame
     * @param truth     true label of each frame (constant within a sequence)
     * @param predicted predicted label of each frame
     * @param groups    group (participant) of each frame, or null
     * @throws IllegalArgumentException when a sequence has frames with different true labels
     */
    public static Evaluation evaluate(List<String> classes, String[] sequences, String[] truth, String[] predicted, String[] groups) {
        Map<String, String> sequenceTruth = new LinkedHashMap<>();
        Map<String, String> sequenceGroup = new LinkedHashMap<>();
        for (int i = 0; i < sequences.length; i++) {
            String previous = sequenceTruth.putIfAbsent(sequences[i], truth[i]);
            if (previous != null && !previous.equals(truth[i])) {
                throw new IllegalArgumentException("Sequence " + sequences[i] + " has frames labelled both '" + previous
                        + "' and '" + truth[i] + "': a per-sequence vote needs one label per sequence");
            }
            if (groups != null) {
                sequenceGroup.putIfAbsent(sequences[i], groups[i]);
            }
        }
        List<SequenceScore> scores = vote(sequences, predicted, null, null);
        String[] t = new String[scores.size()];
        String[] p = new String[scores.size()];
        String[] g = groups == null ? null : new String[scores.size()];
        for (int i = 0; i < scores.size(); i++) {
            SequenceScore score = scores.get(i);
            t[i] = sequenceTruth.get(score.sequence());
            p[i] = score.label();
            if (g != null) {
                g[i] = Objects.requireNonNull(sequenceGroup.get(score.sequence()));
            }
        }
        return Evaluation.of(classes, t, p, null, g);
    }
}
