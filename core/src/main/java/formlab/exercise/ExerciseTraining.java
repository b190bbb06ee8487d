package formlab.exercise;

import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.imu.reps.RepCountModel;
import formlab.imu.reps.RepCountSearch;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.registry.DataFingerprint;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Trains the deployable {@link ExerciseModel}, measures how it generalises across loads, and
 * registers it with its nested leave-one-participant-out metrics.
 */
public final class ExerciseTraining {

    /** Default registry name of the exercise model. */
    public static final String MODEL_NAME = "imu-exercise";
    /**
     * The registry name for models trained on {@code dataset}: {@value #MODEL_NAME} for real
     * recordings, {@value #MODEL_NAME}{@code -simulated} for the simulated default, so a run without
     * the real data never becomes the newest version of the real model.
     */
    public static String modelName(formlab.imu.ImuDataset dataset) {
        return dataset.origin().real() ? MODEL_NAME : MODEL_NAME + "-simulated";
    }

    /** Rest windows in a row that end a set (3 windows every 1 s: about 6-7 s of rest). */
    public static final int REST_WINDOWS_TO_END_SET = 3;

    private ExerciseTraining() {
    }

    /**
     * A trained model with the choice it was trained with.
     *
     * @param model  the model
     * @param choice what the search over all participants chose
     * @param data   the training rows (lift windows, chosen features)
     */
    public record Trained(ExerciseModel model, ExerciseEvaluation.Choice choice, LabelledData data) {
    }

    /**
     * Chooses window settings, features and hyperparameters by leave-one-participant-out search over
     * every participant, trains the classifier on all lift windows, fits the rest gate on them and
     * learns the repetition rules from every lift set.
     */
    public static Trained train(ExerciseData data, ExerciseEvaluation.SearchSpace space, Progress progress) {
        return train(data, ExerciseEvaluation.select(data, data.participants(), space, progress), space);
    }

    /** Trains with a configuration already chosen (by {@link ExerciseEvaluation#select} on all participants). */
    public static Trained train(ExerciseData data, ExerciseEvaluation.Choice choice, ExerciseEvaluation.SearchSpace space) {
        var lifts = data.lifts(choice.window());
        LabelledData training = ExerciseEvaluation.labelled(lifts, choice.features(data.pipeline(choice.window()).featureNames()));
        Classifier classifier = choice.trainer().fit(training);
        RestGate gate = RestGate.fit(lifts, space.gateQuantile());
        RepCountModel reps = RepCountModel.fit(data.dataset().liftSets(), RepCountSearch.defaults());
        ExerciseModel model = new ExerciseModel(data.pipeline(choice.window()), classifier, gate, space.smoothing(),
                REST_WINDOWS_TO_END_SET, reps);
        return new Trained(model, choice, training);
    }

    /**
     * The newest registered version of {@code name} that was trained on {@code data}'s recordings
     * (its card lists the same file names), or, when there is none (a fresh clone, or a registry
     * trained on the real data while this run uses the simulated set), a model trained here with
     * {@code space}, not registered.
     */
    public static ExerciseModel latestOrTrain(ModelRegistry registry, String name, ExerciseData data,
                                              ExerciseEvaluation.SearchSpace space, Progress progress) throws IOException {
        java.util.Set<String> files = new java.util.TreeSet<>(data.sourceFiles().stream().map(p -> p.getFileName().toString()).toList());
        List<Integer> versions = new java.util.ArrayList<>(registry.versions(name));
        java.util.Collections.reverse(versions);
        for (int version : versions) {
            ModelCard card = registry.card(name, version);
            java.util.Set<String> trainedOn = new java.util.TreeSet<>(card.data().stream()
                    .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList());
            if (trainedOn.equals(files)) {
                progress.step("model", 1, 1, "using " + card.id() + " from " + registry.root());
                return ExerciseModel.load(registry, name, version);
            }
        }
        progress.step("model", 1, 1, "no '" + name + "' trained on these recordings in " + registry.root()
                + ": training one here (not registered)");
        return train(data, space, progress).model();
    }

    /**
     * Generalisation across loads: train on one intensity's windows (all participants), test on the
     * other's. Rows: medium -> heavy and heavy -> medium, with window and set accuracy (no rows when
     * the data hold one load only).
     */
    public static Table intensitySplit(ExerciseData data, ExerciseEvaluation.Choice choice, int smoothing) {
        var lifts = data.lifts(choice.window());
        List<String> features = choice.features(data.pipeline(choice.window()).featureNames());
        LabelledData all = new LabelledData(lifts, features, ExerciseData.LABEL, "intensity");
        List<String> classes = ExerciseEvaluation.classes(data, choice.window());
        StringColumn direction = StringColumn.create("train_on_to_test_on");
        IntColumn windows = IntColumn.create("test_windows");
        DoubleColumn windowAccuracy = DoubleColumn.create("window_accuracy");
        IntColumn sets = IntColumn.create("test_sets");
        DoubleColumn setAccuracy = DoubleColumn.create("set_accuracy_mean_prob");
        StringColumn missing = StringColumn.create("classes_missing_in_training");
        for (String test : List.of("heavy", "medium")) {
            if (all.groupNames().size() < 2) {
                break; // one load only (a reduced dataset): nothing to generalise across
            }
            Fold fold = GroupSplits.holdOut(all.groups(), List.of(test));
            LabelledData training = all.rows(fold.train());
            LabelledData testing = all.rows(fold.test());
            Classifier model = choice.trainer().fit(training);
            Evaluation e = Evaluation.of(model, testing, classes);
            String[] participants = testing.table().stringColumn(ExerciseData.GROUP).asObjectArray();
            SetAggregation agg = SetAggregation.of(classes, testing.table().stringColumn("set_id").asObjectArray(),
                    testing.labels(), e.probabilities().orElseThrow(), participants, smoothing);
            direction.append((test.equals("heavy") ? "medium" : "heavy") + " -> " + test);
            windows.append(e.size());
            windowAccuracy.append(e.accuracy());
            sets.append(agg.byMeanProbability().size());
            setAccuracy.append(agg.byMeanProbability().accuracy());
            List<String> absent = testing.classes().stream().filter(c -> !training.classes().contains(c)).toList();
            missing.append(String.join(" ", absent));
        }
        return Table.create("Across loads: train on one intensity (all participants), test on the other", direction,
                windows, windowAccuracy, sets, setAccuracy, missing);
    }

    /** The numbers of an {@link #intensitySplit} table by name, e.g. {@code medium_to_heavy_set_accuracy}. */
    public static Map<String, Double> intensityMetrics(Table split) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int r = 0; r < split.rowCount(); r++) {
            String key = split.stringColumn(0).get(r).replace(" -> ", "_to_");
            metrics.put(key + "_window_accuracy", split.doubleColumn("window_accuracy").get(r));
            metrics.put(key + "_set_accuracy", split.doubleColumn("set_accuracy_mean_prob").get(r));
        }
        return metrics;
    }

    /**
     * The configuration of a trained model as a one-candidate search space (its window settings,
     * feature set, hyperparameters and refinement stage, if any), to evaluate exactly that configuration.
     */
    public static ExerciseEvaluation.SearchSpace configurationOf(ExerciseModel model) {
        List<String> all = model.pipeline().featureNames();
        Classifier boosting = model.classifier();
        ExerciseEvaluation.Refinement refinement = null;
        if (model.classifier() instanceof formlab.model.RefinedClassifier refined) {
            boosting = refined.base();
            var trainer = formlab.model.RefinedTrainer.of(refined.hyperparameters());
            Map<String, Object> stage = new LinkedHashMap<>(trainer.refiner().hyperparameters());
            stage.remove("seed");
            refinement = new ExerciseEvaluation.Refinement(trainer.refinedClasses(), featureSetOf(all, refined.refiner().featureNames()),
                    trainer.refiner().name(), stage);
        }
        FeatureSet set = featureSetOf(all, boosting.featureNames());
        Map<String, Object> hyperparameters = boosting instanceof formlab.model.SmileClassifier smile
                ? smile.hyperparameters() : Map.of();
        return new ExerciseEvaluation.SearchSpace(List.of(model.pipeline().window()), List.of(set), List.of(hyperparameters),
                ((Number) hyperparameters.getOrDefault("seed", 42L)).longValue(), model.smoothingWindows(), model.gate().quantile(),
                refinement);
    }

    private static FeatureSet featureSetOf(List<String> all, List<String> features) {
        return java.util.Arrays.stream(FeatureSet.values()).filter(s -> s.select(all).equals(features)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model's features are none of the feature sets"));
    }

    /**
     * Registers {@code trained} under {@code name}: the classifier as the model file; the card's recipe
     * names the features, hyperparameters and the pipeline (windows, features, rest gate, smoothing,
     * repetition rules); metrics are those of the nested evaluation ({@code evaluation}, per window,
     * plus per-set, live, rest-gate and the optional {@code extra} numbers); data files are the
     * recordings with their SHA-256.
     */
    public static ModelCard register(ModelRegistry registry, String name, Trained trained, ExerciseEvaluation evaluation,
                                     ExerciseData data, Map<String, Double> extra) throws IOException {
        TrainingRecipe recipe = TrainingRecipe.of(ExerciseModel.TASK, trained.data(), trained.choice().trainer(),
                SplitSpec.leaveOneGroupOut()).withPipeline(trained.model().settings());
        Map<String, Double> metrics = new LinkedHashMap<>(evaluation.summary());
        metrics.putAll(extra);
        String measuredOn = String.format(Locale.ROOT, "nested leave-one-participant-out over %s (inner search: %d candidates"
                + " of window length, feature set and trees, on the other participants only); per-window metrics pooled"
                + " over left-out participants", data.participants(), evaluation.space().candidates());
        TrainingRun run = new TrainingRun(recipe, trained.model().classifier(), evaluation.windowEvaluation(), measuredOn,
                DataFingerprint.sha256(trained.data()), trained.data().size(), trained.data().groupNames(), metrics);
        return registry.register(name, run, data.sourceFiles());
    }
}
