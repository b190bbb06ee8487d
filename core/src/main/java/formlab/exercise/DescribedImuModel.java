package formlab.exercise;

import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.reps.RepCountParameters;
import formlab.model.Classifier;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model registered by {@code formlab train --dataset D} (exercise task), loaded back with what its
 * card records: the dataset description's name and SHA-256, the sensor units whose features the
 * classifier reads, the exercise pipeline, the description's rest classes and the repetition rule of
 * each class ({@link DescribedImuTraining#register}). It checks that recordings of a description fit
 * it ({@link #check}), and gives the {@link ExerciseModel} the live tracker runs, over one unit's
 * stream or the synchronised streams of several ({@link #live}).
 */
public final class DescribedImuModel {

    /** Exercise windows averaged by the live smoother (as the barbell model's default search). */
    public static final int SMOOTHING_WINDOWS = 5;

    private final ModelCard card;
    private final Classifier classifier;
    private final List<String> units;
    private final ExercisePipeline pipeline;
    private final String datasetName;
    private final String descriptionSha256;
    private final Set<String> restClasses;
    private final Map<String, DescribedImuRepetitions.Rule> repRules;

    private DescribedImuModel(ModelCard card, Classifier classifier, List<String> units, ExercisePipeline pipeline,
            String datasetName, String descriptionSha256, Set<String> restClasses, Map<String, DescribedImuRepetitions.Rule> repRules) {
        this.card = card;
        this.classifier = classifier;
        this.units = List.copyOf(units);
        this.pipeline = pipeline;
        this.datasetName = datasetName;
        this.descriptionSha256 = descriptionSha256;
        this.restClasses = Set.copyOf(restClasses);
        this.repRules = Map.copyOf(repRules);
    }

    /**
     * Loads {@code NAME} (the preferred version: production, else the newest) or {@code NAME:VERSION}.
     *
     * @throws IllegalArgumentException when there is no such model, or its card is not one of a
     *                                  described IMU exercise model (the message says what was expected)
     */
    public static DescribedImuModel load(ModelRegistry registry, String spec) throws IOException {
        return load(registry, registry.find(spec, "formlab train --dataset D"));
    }

    /**
     * Loads the model of {@code card}, a card of {@code registry}.
     *
     * @throws IllegalArgumentException when the card is not one of a described IMU exercise model
     */
    public static DescribedImuModel load(ModelRegistry registry, ModelCard card) throws IOException {
        return of(card, () -> registry.load(card.name(), card.version()));
    }

    /** Whether {@code card} is one of {@code formlab train --dataset D} for an IMU description (what {@link #load} reads). */
    public static boolean describes(ModelCard card) {
        Map<String, Object> p = card.recipe().pipeline();
        return p.get("dataset") instanceof Map<?, ?> && p.get("units") instanceof List<?>
                && p.get("exercisePipeline") instanceof Map<?, ?>;
    }

    /** Loads the classifier only once the card is known to fit. */
    private interface Loader {
        Classifier load() throws IOException;
    }

    @SuppressWarnings("unchecked")
    private static DescribedImuModel of(ModelCard card, Loader loader) throws IOException {
        Map<String, Object> p = card.recipe().pipeline();
        if (!describes(card)) {
            throw new IllegalArgumentException("model " + card.id() + " was not trained on a described IMU dataset: expected a"
                    + " card from formlab train --dataset D (pipeline keys dataset, units, exercisePipeline); its pipeline has"
                    + " keys " + p.keySet());
        }
        Map<?, ?> dataset = (Map<?, ?>) p.get("dataset");
        List<?> units = (List<?>) p.get("units");
        Map<?, ?> settings = (Map<?, ?>) p.get("exercisePipeline");
        if (!"exercise".equals(p.get("task"))) {
            throw new IllegalArgumentException("model " + card.id() + " has task '" + p.get("task") + "'; expected an exercise"
                    + " model (formlab train --dataset D --task exercise)");
        }
        Map<String, DescribedImuRepetitions.Rule> rules = new LinkedHashMap<>();
        if (p.get("repRules") instanceof Map<?, ?> stored) {
            stored.forEach((label, value) -> {
                Map<String, Object> rule = (Map<String, Object>) value;
                // "rules": the tied rules counted by their median; "rule": one rule (cards written before)
                List<RepCountParameters> parameters = rule.get("rules") instanceof List<?> tied
                        ? tied.stream().map(r -> RepRules.rule((Map<String, Object>) r)).toList()
                        : List.of(RepRules.rule((Map<String, Object>) rule.get("rule")));
                // no "rateHz" (cards written before): the rules were chosen at the recordings' rate, the pipeline's
                double rate = rule.get("rateHz") instanceof Number number ? number.doubleValue() : ExercisePipeline
                        .fromMap((Map<String, Object>) settings).rateHz();
                rules.put(label.toString(), new DescribedImuRepetitions.Rule(rule.get("unit").toString(), parameters, rate,
                        ((Number) rule.get("trainingMae")).doubleValue(), ((Number) rule.get("recordings")).intValue()));
            });
        }
        List<String> rest = p.get("restClasses") instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
        return new DescribedImuModel(card, loader.load(), units.stream().map(Object::toString).toList(),
                ExercisePipeline.fromMap((Map<String, Object>) settings), String.valueOf(dataset.get("name")),
                String.valueOf(dataset.get("descriptionSha256")), Set.copyOf(rest), rules);
    }

    /** The card. */
    public ModelCard card() {
        return card;
    }

    /** The classifier (features named {@code <unit>:<feature>}). */
    public Classifier classifier() {
        return classifier;
    }

    /** The sensor units whose features the classifier reads. */
    public List<String> units() {
        return units;
    }

    /** The exercise pipeline the model was trained with. */
    public ExercisePipeline pipeline() {
        return pipeline;
    }

    /** The classes that mean "no exercise" (the description's {@code noExercise}); empty when it declares none. */
    public Set<String> restClasses() {
        return restClasses;
    }

    /** The repetition rule of each class (empty when the training recordings had no counts). */
    public Map<String, DescribedImuRepetitions.Rule> repRules() {
        return repRules;
    }

    /** The name of the dataset it was trained on. */
    public String datasetName() {
        return datasetName;
    }

    /**
     * Checks that {@code recordings} can be scored: every recording has the model's sensor units, and
     * their rate is within 5 % of the pipeline's (whose grid they are read on).
     *
     * @throws IllegalArgumentException naming the model's units and rate and what the description has
     */
    public void check(LoadedDescription description, List<DescribedImuRecording> recordings) {
        List<String> common = DescribedImuReader.commonUnits(recordings);
        if (!common.containsAll(units)) {
            throw new IllegalArgumentException(description.file() + ": model " + card.id() + " reads sensor units "
                    + String.join("+", units) + " (three acceleration and three angular-velocity channels each); the"
                    + " description's recordings have " + (common.isEmpty() ? "none" : String.join(", ", common)));
        }
        double rate = DescribedImuWindows.rateOf(recordings, units);
        // measured rates carry the clock's jitter: a recording a little off is read on the model's grid
        if (Math.abs(rate - pipeline.rateHz()) > DescribedImuWindows.RATE_TOLERANCE * pipeline.rateHz()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: model %s was trained at %.3f Hz; the"
                    + " description's recordings are at %.3f Hz (more than %.0f%% off)", description.file(), card.id(),
                    pipeline.rateHz(), rate, DescribedImuWindows.RATE_TOLERANCE * 100));
        }
    }

    /** A warning when {@code description}'s SHA-256 is not the one the model was trained with; empty when it is. */
    public Optional<String> descriptionWarning(LoadedDescription description) {
        return DescriptionHash.changedSince(card.id(), datasetName, descriptionSha256, description);
    }

    /**
     * The model the live tracker runs ({@code stream.LiveExerciseTracker}): the classifier over the
     * pipeline features of each of the model's units (named {@code <unit>:<feature>} as in training),
     * rest when the most probable class is a rest class, repetitions of each class counted with its rule
     * on the accelerometer of the rule's unit (a class whose rule is on a unit the model does not read
     * is not counted live).
     *
     * @throws IllegalArgumentException when the counted classes' rules were chosen at different rates
     */
    public ExerciseModel live() {
        Map<String, List<RepCountParameters>> rules = new LinkedHashMap<>();
        Map<String, String> ruleUnits = new LinkedHashMap<>();
        java.util.Set<Double> rates = new java.util.TreeSet<>();
        repRules.forEach((label, rule) -> {
            if (units.contains(rule.unit())) {
                rules.put(label, rule.parameters());
                ruleUnits.put(label, rule.unit());
                rates.add(rule.rateHz());
            }
        });
        if (rates.size() > 1) {
            throw new IllegalArgumentException("model " + card.id() + " counts repetitions of its classes at different rates "
                    + rates + " Hz; the live tracker counts at one rate");
        }
        double countRate = rates.isEmpty() ? pipeline.rateHz() : rates.iterator().next();
        return ExerciseModel.described(pipeline, units, classifier, restClasses, rules, ruleUnits, countRate,
                SMOOTHING_WINDOWS, ExerciseTraining.REST_WINDOWS_TO_END_SET);
    }
}
