package formlab.exercise;

import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.registry.DataFingerprint;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a classifier on every row of a described IMU dataset and registers it with the
 * leave-one-subject-out metrics of the same configuration. The card's pipeline names the dataset
 * description and its SHA-256 ({@link DescriptionHash}), the task, the sensor units and the exercise
 * pipeline settings; its data files are the recordings read.
 */
public final class DescribedImuTraining {

    private DescribedImuTraining() {
    }

    /**
     * A model trained on every row.
     *
     * @param classifier the model
     * @param units      the sensor units whose features it reads
     * @param data       the training rows
     * @param search     what a search over every subject chose ({@link #train(DescribedImuSearch.Space, String, Trainer)}),
     *                   empty without a search
     */
    public record Trained(Classifier classifier, List<String> units, LabelledData data,
            java.util.Optional<DescribedImuSearch.Choice> search) {
    }

    /**
     * Chooses window and features by {@link DescribedImuSearch#choose} over every subject, then trains
     * on every row of the choice.
     *
     * @return the model and the choice; {@link Trained#data()}'s rows are those of the chosen window
     */
    public static Trained train(DescribedImuSearch.Space space, String unitSpec, Trainer trainer) {
        DescribedImuWindows first = space.first();
        List<String> units = DescribedImuEvaluation.units(unitSpec, first.units());
        DescribedImuSearch.Choice choice = DescribedImuSearch.choose(space, units,
                new java.util.TreeSet<>(List.of(first.subjects())), trainer);
        Trained trained = train(space.rowsOf(choice.candidate()), unitSpec, trainer);
        return new Trained(trained.classifier(), trained.units(), trained.data(), java.util.Optional.of(choice));
    }

    /**
     * Trains on every row; {@value DescribedImuEvaluation#BEST} chooses the unit by
     * leave-one-subject-out over every subject ({@link DescribedImuEvaluation#bestUnit}).
     */
    public static Trained train(DescribedImuWindows rows, String unitSpec, Trainer trainer) {
        int[] all = java.util.stream.IntStream.range(0, rows.size()).toArray();
        List<String> units = unitSpec.equals(DescribedImuEvaluation.BEST)
                ? List.of(DescribedImuEvaluation.bestUnit(rows, all, trainer))
                : DescribedImuEvaluation.units(unitSpec, rows.units());
        LabelledData data = rows.data(units);
        return new Trained(trainer.fit(data), units, data, java.util.Optional.empty());
    }

    /**
     * Registers {@code trained} as the next version of {@code name}.
     *
     * @param description the dataset description the rows were read through
     * @param sources     the recording files (hashed into the card)
     */
    public static ModelCard register(ModelRegistry registry, String name, Trained trained, Trainer trainer,
            DescribedImuEvaluation evaluation, DescribedImuWindows rows, LoadedDescription description,
            List<Path> sources) throws IOException {
        return register(registry, name, trained, trainer, evaluation, rows, description, sources, Map.of());
    }

    /**
     * Registers {@code trained} with the repetition rule of each class ({@link DescribedImuRepetitions#fit}
     * on the model's units) and the rest classes: the description's ({@code labels.noExercise}, display
     * names), and {@value WindowDecisions#REST} when the rows label pauses between repetitions so
     * ({@link DescribedImuWindows#pausesAsRest}); {@link DescribedImuModel} reads them back for scoring
     * and the live tracker.
     */
    public static ModelCard register(ModelRegistry registry, String name, Trained trained, Trainer trainer,
            DescribedImuEvaluation evaluation, DescribedImuWindows rows, LoadedDescription description,
            List<Path> sources, Map<String, DescribedImuRepetitions.Rule> repRules) throws IOException {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", description.description().name());
        dataset.put("description", description.builtIn() ? "built-in " + description.description().name()
                : description.file().toAbsolutePath().normalize().toString());
        dataset.put("descriptionSha256", DescriptionHash.of(description));
        pipeline.put("dataset", dataset);
        pipeline.put("task", rows.task().name().toLowerCase(Locale.ROOT));
        pipeline.put("units", trained.units());
        pipeline.put("featureSet", rows.featureSet().label());
        pipeline.put("unitChoice", evaluation.unitSpec());
        pipeline.put("exercisePipeline", rows.pipeline().toMap());
        var labels = description.description().labels();
        List<String> rest = new java.util.ArrayList<>(labels.noExercise().stream().map(c -> labels.classNames().getOrDefault(c, c)).toList());
        if (rows.pausesAsRest() && !rest.contains(WindowDecisions.REST)) {
            rest.add(WindowDecisions.REST);
        }
        pipeline.put("restClasses", rest);
        pipeline.put("pausesAsRest", rows.pausesAsRest());
        Map<String, Object> rules = new LinkedHashMap<>();
        repRules.forEach((label, rule) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("unit", rule.unit());
            r.put("rules", rule.parameters().stream().map(RepRules::rule).toList());
            r.put("rateHz", rule.rateHz());
            r.put("trainingMae", rule.trainingMae());
            r.put("recordings", rule.recordings());
            rules.put(label, r);
        });
        pipeline.put("repRules", rules);
        trained.search().ifPresent(choice -> {
            Map<String, Object> search = new LinkedHashMap<>(choice.asMap());
            Map<String, String> perSubject = new LinkedHashMap<>();
            evaluation.searchBySubject().forEach((subject, c) -> perSubject.put(subject, c.toString()));
            search.put("chosenPerLeftOutSubject", perSubject);
            pipeline.put("search", search);
        });
        TrainingRecipe recipe = TrainingRecipe.of("described IMU dataset: " + rows.task().name().toLowerCase(Locale.ROOT)
                + " per " + evaluation.rowKind(), trained.data(), trainer, SplitSpec.leaveOneGroupOut()).withPipeline(pipeline);
        String measuredOn = "leave-one-subject-out over " + trained.data().groupNames() + "; units per left-out subject "
                + evaluation.unitsBySubject() + "; per-" + evaluation.rowKind() + " metrics pooled over left-out subjects";
        TrainingRun run = new TrainingRun(recipe, trained.classifier(), evaluation.rowEvaluation(), measuredOn,
                DataFingerprint.sha256(trained.data()), trained.data().size(), trained.data().groupNames(), evaluation.summary());
        return registry.register(name, run, sources);
    }
}
