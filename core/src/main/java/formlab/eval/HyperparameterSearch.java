package formlab.eval;

import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.model.Trainers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Grid or seeded random search over hyperparameters, each candidate scored by group
 * cross-validation on the same folds (so candidates are compared on equal terms).
 */
public final class HyperparameterSearch {

    private HyperparameterSearch() {
    }

    /**
     * Every combination of the values in {@code space} (keys in insertion order, the last key
     * varying fastest).
     */
    public static List<Map<String, Object>> grid(Map<String, ? extends List<?>> space) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (var entry : space.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("Hyperparameter '" + entry.getKey() + "' has no values to try");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : entry.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(entry.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** {@code count} distinct combinations of {@code space} drawn with {@code seed} (all of them if fewer). */
    public static List<Map<String, Object>> random(Map<String, ? extends List<?>> space, int count, long seed) {
        List<Map<String, Object>> all = new ArrayList<>(grid(space));
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /**
     * Scores every candidate with cross-validation over {@code folds} and ranks them by the pooled
     * {@code metric} (higher is better, e.g. {@code balanced_accuracy}).
     *
     * @param trainerName a name known to {@link Trainers#create}
     * @param fixed       hyperparameters shared by every candidate (e.g. the seed)
     * @param candidates  hyperparameter maps to try (from {@link #grid} or {@link #random})
     */
    public static SearchResult run(String trainerName, Map<String, ?> fixed, List<Map<String, Object>> candidates,
                                   LabelledData data, List<Fold> folds, String metric, Progress progress) {
        return run(params -> {
            Map<String, Object> all = new LinkedHashMap<>(fixed);
            all.putAll(params);
            return Trainers.create(trainerName, all);
        }, candidates, data, folds, metric, progress);
    }

    /** As above, with any way of building a trainer from a candidate's hyperparameters. */
    public static SearchResult run(Function<Map<String, Object>, Trainer> factory, List<Map<String, Object>> candidates,
                                   LabelledData data, List<Fold> folds, String metric, Progress progress) {
        List<Candidate> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Trainer trainer = factory.apply(candidates.get(i));
            CrossValidationResult result = CrossValidation.run(trainer, data, folds, Progress.none());
            Candidate candidate = new Candidate(trainer, result.pooled().metric(metric), result.foldStandardDeviation(metric), result);
            scored.add(candidate);
            progress.step("search " + trainer.name(), i + 1, candidates.size(),
                    String.format("%s = %.4f for %s", metric, candidate.score(), candidates.get(i)));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return new SearchResult(metric, scored);
    }

    /**
     * One scored candidate.
     *
     * @param trainer the trainer with the candidate's hyperparameters
     * @param score   pooled cross-validated metric
     * @param foldSd  standard deviation of the metric over folds
     * @param result  the full cross-validation result
     */
    public record Candidate(Trainer trainer, double score, double foldSd, CrossValidationResult result) {
    }

    /**
     * Candidates ranked best first.
     *
     * @param metric     the metric they were ranked by
     * @param candidates candidates, best first
     */
    public record SearchResult(String metric, List<Candidate> candidates) {

        /** The best candidate. */
        public Candidate best() {
            return candidates.getFirst();
        }

        /** One row per candidate, best first: rank, score, fold sd, then each hyperparameter. */
        public Table table() {
            IntColumn rank = IntColumn.create("rank");
            DoubleColumn score = DoubleColumn.create(metric);
            DoubleColumn sd = DoubleColumn.create("fold_sd");
            Map<String, StringColumn> params = new LinkedHashMap<>();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate candidate = candidates.get(i);
                rank.append(i + 1);
                score.append(candidate.score());
                sd.append(candidate.foldSd());
                candidate.trainer().hyperparameters().forEach((key, value) ->
                        params.computeIfAbsent(key, StringColumn::create));
            }
            for (Candidate candidate : candidates) {
                params.forEach((key, column) -> column.append(String.valueOf(candidate.trainer().hyperparameters().get(key))));
            }
            Table table = Table.create("Hyperparameter search by " + metric, rank, score, sd);
            params.values().forEach(table::addColumns);
            return table;
        }
    }
}
