package formlab.posture;

import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.pose.io.DescribedPose;
import formlab.posture.SalientPoseCounter.Thresholds;
import formlab.registry.DataFingerprint;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the {@link SalientPoseCounter} on every annotated subject of a landmark dataset and registers
 * it. The registered payload is the counter's frame classifier (pose state {@value SalientPoseCounter#BOUNDARY}
 * or {@value SalientPoseCounter#MIDDLE}); the card's pipeline holds the rest of the counter (its
 * {@value #COUNTER} entry: thresholds, each context exercise's own, and the exercise context) with the settings, so {@link #load} gives the
 * counter back. The card's metrics are measured leave-one-subject-out ({@link PoseRepCountEvaluation}):
 * the frame states of each held-out subject's annotated repetitions, classified by the frame model trained
 * without it, and the {@code count_*} metrics of the repetition counts.
 */
public final class PoseRepCountTraining {

    /** Pipeline entry of the card holding the counter's thresholds and exercises. */
    public static final String COUNTER = "counter";

    private PoseRepCountTraining() {
    }

    /**
     * What training measured and made.
     *
     * @param counter the counter trained on every subject, thresholds chosen by inner folds
     * @param counts  repetition counts, leave-one-subject-out
     * @param frames  frame states of held-out subjects, leave-one-subject-out
     * @param rows    the frame rows of every subject (the table the registered frame model is trained on)
     */
    public record Result(SalientPoseCounter counter, PoseRepCountEvaluation counts, Evaluation frames, LabelledData rows) {
    }

    /**
     * Measures the counter leave-one-subject-out, then trains it on every sequence with annotated repetitions.
     *
     * @param progress one step per held-out subject
     * @throws IllegalArgumentException when no sequence is annotated or there are too few subjects
     */
    public static Result train(List<DescribedPose> poses, PoseRepCountEvaluation.Settings settings, Progress progress) {
        List<DescribedPose> annotated = poses.stream().filter(p -> !p.repetitions().isEmpty()).toList();
        Map<List<String>, LabelledData> tables = new HashMap<>();
        List<String> truth = new java.util.ArrayList<>();
        List<String> groups = new java.util.ArrayList<>();
        List<double[]> probabilities = new java.util.ArrayList<>();
        List<String> classes = List.of(SalientPoseCounter.BOUNDARY, SalientPoseCounter.MIDDLE);
        PoseRepCountEvaluation counts = PoseRepCountEvaluation.leaveOneSubjectOut(annotated, settings, progress,
                (subject, counter) -> {
                    LabelledData table = tables.computeIfAbsent(counter.exercises(),
                            exercises -> SalientPoseCounter.frames(annotated, settings.labelling(), exercises));
                    int[] held = java.util.stream.IntStream.range(0, table.size())
                            .filter(i -> table.groups()[i].equals(subject)).toArray();
                    LabelledData test = table.rows(held);
                    double[][] raw = counter.model().probabilities(test.x());
                    for (int i = 0; i < held.length; i++) {
                        double[] p = new double[classes.size()];
                        for (int c = 0; c < counter.model().classes().size(); c++) {
                            p[classes.indexOf(counter.model().classes().get(c))] = raw[i][c];
                        }
                        probabilities.add(p);
                        truth.add(test.labels()[i]);
                        groups.add(subject);
                    }
                });
        Evaluation frames = Evaluation.ofProbabilities(classes, truth.toArray(String[]::new),
                probabilities.toArray(double[][]::new), groups.toArray(String[]::new));
        SalientPoseCounter counter = PoseRepCountEvaluation.fit(annotated, settings);
        LabelledData rows = tables.computeIfAbsent(counter.exercises(),
                exercises -> SalientPoseCounter.frames(annotated, settings.labelling(), exercises));
        return new Result(counter, counts, frames, rows);
    }

    /**
     * Registers the trained counter as the next version of {@code name}.
     *
     * @param task     the model's task, in words
     * @param pipeline further card pipeline values (the description's name, file and hash), before the settings
     * @param files    the recordings trained on (hashed into the card)
     */
    public static ModelCard register(ModelRegistry registry, String name, String task, Result result,
            PoseRepCountEvaluation.Settings settings, Map<String, Object> pipeline, List<Path> files) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(pipeline);
        all.put("subjects", result.rows().groupNames());
        all.putAll(settings.asMap());
        Map<String, Object> counter = new LinkedHashMap<>();
        counter.put("exercises", result.counter().exercises());
        counter.putAll(values(result.counter().thresholds()));
        Map<String, Object> perExercise = new LinkedHashMap<>();
        result.counter().perExercise().forEach((exercise, t) -> perExercise.put(exercise, values(t)));
        counter.put("perExercise", perExercise);
        all.put(COUNTER, counter);
        TrainingRecipe recipe = TrainingRecipe.of(task, result.rows(), settings.trainer(), SplitSpec.leaveOneGroupOut())
                .withPipeline(all);
        TrainingRun run = new TrainingRun(recipe, result.counter().model(), result.frames(),
                "leave-one-subject-out (frame states of the held-out subject's annotated repetitions; count_* metrics:"
                        + " repetitions counted per sequence, thresholds chosen without the subject; model refit on all subjects)",
                DataFingerprint.sha256(result.rows()), result.rows().size(), result.rows().groupNames(),
                result.counts().summary());
        return registry.register(name, run, files);
    }

    private static Map<String, Object> values(Thresholds t) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cycleShare", t.cycleShare());
        values.put("enter", t.enter());
        values.put("exit", t.exit());
        values.put("minCycle", t.minCycle());
        return values;
    }

    private static Thresholds thresholds(Map<?, ?> values) {
        if (!(values.get("cycleShare") instanceof Number)) {
            throw new IllegalArgumentException("the card's counter has no cycleShare (a counter registered before the smoothing"
                    + " was chosen by cycle share); train it again with train --task reps");
        }
        return new Thresholds(((Number) values.get("cycleShare")).doubleValue(), ((Number) values.get("enter")).doubleValue(),
                ((Number) values.get("exit")).doubleValue(), ((Number) values.get("minCycle")).doubleValue());
    }

    /**
     * The counter registered as {@code name} version {@code version}: its frame model (checked against
     * the card's SHA-256) with the thresholds and exercises of the card's {@value #COUNTER} entry.
     *
     * @throws IllegalArgumentException when the card has no counter entry (not a repetition counter)
     */
    public static SalientPoseCounter load(ModelRegistry registry, String name, int version) throws IOException {
        ModelCard card = registry.card(name, version);
        if (!(card.recipe().pipeline().get(COUNTER) instanceof Map<?, ?> counter)) {
            throw new IllegalArgumentException(card.id() + ": the card's pipeline has no '" + COUNTER
                    + "' entry; it is not a salient-pose repetition counter");
        }
        Classifier model = registry.load(name, version);
        List<String> exercises = ((List<?>) counter.get("exercises")).stream().map(String::valueOf).toList();
        Map<String, Thresholds> perExercise = new LinkedHashMap<>();
        if (counter.get("perExercise") instanceof Map<?, ?> own) {
            own.forEach((exercise, values) -> perExercise.put(String.valueOf(exercise), thresholds((Map<?, ?>) values)));
        }
        return new SalientPoseCounter(model, exercises, thresholds(counter), perExercise);
    }
}
