package formlab.imu.reps;

import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Repetition-counting rules per exercise, learned from sets with known counts.
 *
 * <p>{@link #fit} tries every candidate of a {@link RepCountSearch} on the training sets of each
 * exercise and keeps the one with the lowest score (mean absolute error plus a penalty for
 * inexact sets, smoothed over neighbouring cut-offs). Exercises without training sets use the
 * rule that is best over all training sets. Nothing is fitted per file or person; evaluated
 * leave-one-participant-out ({@link RepCountEvaluation}), the rules never see the person they count.
 *
 * @param perExercise the rule of each exercise seen in training
 * @param fallback    the rule for other exercises
 */
public record RepCountModel(Map<Exercise, RepCountParameters> perExercise, RepCountParameters fallback) {

    public RepCountModel {
        perExercise = Map.copyOf(perExercise);
    }

    /** The rule for {@code exercise}. */
    public RepCountParameters parametersFor(Exercise exercise) {
        return perExercise.getOrDefault(exercise, fallback);
    }

    /** Counts a recorded set with its exercise's rule (the exercise comes from its metadata or a classifier). */
    public RepCount count(ImuRecording recording) {
        return RepCounter.count(recording, parametersFor(recording.info().exercise()));
    }

    /**
     * Learns a rule per exercise from {@code training} (sets whose metadata give expected reps;
     * others are ignored).
     */
    public static RepCountModel fit(List<ImuRecording> training, RepCountSearch search) {
        List<ImuRecording> sets = training.stream().filter(r -> r.info().expectedReps().isPresent()).toList();
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("no training set with a known repetition count");
        }
        List<RepCountParameters> candidates = search.candidates();
        // errors[set][candidate] = |counted - expected|
        int[][] errors = sets.parallelStream().map(set -> {
            int expected = set.info().expectedReps().getAsInt();
            double rate = RepCounter.COUNT_RATE_HZ;
            double[][] acc = RepCounter.uniformAccelerometer(set, rate);
            return java.util.Arrays.stream(RepCounter.countAll(acc, rate, candidates)).map(c -> Math.abs(c - expected)).toArray();
        }).toArray(int[][]::new);
        Map<Exercise, RepCountParameters> rules = new EnumMap<>(Exercise.class);
        for (Exercise exercise : Exercise.values()) {
            int[] rows = IntStream.range(0, sets.size()).filter(i -> sets.get(i).info().exercise() == exercise).toArray();
            if (rows.length > 0) {
                rules.put(exercise, candidates.get(best(errors, rows, candidates, search)));
            }
        }
        RepCountParameters fallback = candidates.get(best(errors, IntStream.range(0, sets.size()).toArray(), candidates, search));
        return new RepCountModel(rules, fallback);
    }

    private static int best(int[][] errors, int[] rows, List<RepCountParameters> candidates, RepCountSearch search) {
        double[] score = new double[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            double sum = 0;
            int inexact = 0;
            for (int row : rows) {
                sum += errors[row][c];
                inexact += errors[row][c] > 0 ? 1 : 0;
            }
            score[c] = sum / rows.length + search.exactWeight() * inexact / rows.length;
        }
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            double smoothed = (1 - search.plateauWeight()) * score[c] + search.plateauWeight() * neighbourMean(score, c, candidates);
            if (smoothed < bestScore - 1e-12) {
                bestScore = smoothed;
                best = c;
            }
        }
        return best;
    }

    /** Mean score of candidate {@code c} and its neighbours in cut-off (same channel, polarity and prominence). */
    private static double neighbourMean(double[] score, int c, List<RepCountParameters> candidates) {
        RepCountParameters self = candidates.get(c);
        List<Integer> same = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            RepCountParameters other = candidates.get(i);
            if (other.channel() == self.channel() && other.polarity() == self.polarity()
                    && other.relativeProminence() == self.relativeProminence() && other.tempoRelative() == self.tempoRelative()) {
                same.add(i);
            }
        }
        int at = same.indexOf(c);
        double sum = 0;
        int count = 0;
        for (int k = Math.max(0, at - 1); k <= Math.min(same.size() - 1, at + 1); k++) {
            sum += score[same.get(k)];
            count++;
        }
        return sum / count;
    }

    /** One line per exercise. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        perExercise.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey().label()).append(": ").append(e.getValue()).append('\n'));
        return text.append("other: ").append(fallback).toString();
    }
}
