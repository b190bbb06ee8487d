package formlab.exercise;

import formlab.imu.Exercise;
import formlab.imu.reps.RepCountModel;
import formlab.imu.reps.RepCountParameters;
import formlab.imu.reps.RepCounter;
import formlab.imu.signal.Window;
import formlab.model.Classifier;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a tracker needs to recognise exercises and count repetitions: the window pipeline,
 * the classifier (over a subset of the pipeline's features, by name), the rest gate, the causal
 * smoothing and set rules, and the repetition-counting rules per exercise. Stored in the model
 * registry as one version: the classifier as the model file, the rest as the recipe's
 * {@code pipeline} map in the card, so the card alone says how windows and features were made.
 *
 * <p>Sensor units: a model reads either one unnamed stream (the barbell model: {@link #units()} is
 * empty) or the windows of several named units taken at the same time ({@link #described(ExercisePipeline,
 * List, Classifier, Set, Map, Map, double, int, int)}): its feature vector is then each unit's pipeline
 * features in unit order, named {@code <unit>:<feature>}, as {@code DescribedImuWindows} names them in training.
 */
public final class ExerciseModel {

    /** The recipe task text of exercise models. */
    public static final String TASK = "exercise (bench, dead, ohp, row, squat) from wrist IMU windows, with rest gate and repetition counting";

    private final ExercisePipeline pipeline;
    private final Classifier classifier;
    private final RestGate gate;
    private final int smoothingWindows;
    private final int restWindowsToEndSet;
    private final RepCountModel repRules;
    private final List<String> pipelineFeatures;
    private final int[] modelIndex;
    private final int[] gateIndex;
    private final Set<String> restClasses;
    private final Map<String, List<RepCountParameters>> classRules;
    private final double countRateHz;
    private final List<String> units;
    private final Map<String, String> ruleUnits;

    /**
     * @param pipeline            how windows and features are made
     * @param classifier          trained on (a subset of) the pipeline's features
     * @param gate                rest gate
     * @param smoothingWindows    exercise windows averaged by the causal smoother
     * @param restWindowsToEndSet rest windows in a row that end a set
     * @param repRules            repetition-counting rule per exercise
     */
    public ExerciseModel(ExercisePipeline pipeline, Classifier classifier, RestGate gate, int smoothingWindows,
                         int restWindowsToEndSet, RepCountModel repRules) {
        this(pipeline, classifier, Objects.requireNonNull(gate, "gate"), smoothingWindows, restWindowsToEndSet,
                Objects.requireNonNull(repRules, "repRules"), Set.of(), null, RepCounter.COUNT_RATE_HZ, List.of(), Map.of());
    }

    private ExerciseModel(ExercisePipeline pipeline, Classifier classifier, RestGate gate, int smoothingWindows,
                          int restWindowsToEndSet, RepCountModel repRules, Set<String> restClasses,
                          Map<String, List<RepCountParameters>> classRules, double countRateHz, List<String> units,
                          Map<String, String> ruleUnits) {
        if (!(countRateHz > 0) || Double.isInfinite(countRateHz)) {
            throw new IllegalArgumentException("the repetition count rate must be a positive number of Hz; got " + countRateHz);
        }
        this.countRateHz = countRateHz;
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.gate = gate;
        this.repRules = repRules;
        this.restClasses = Set.copyOf(restClasses);
        this.classRules = classRules == null ? null : Map.copyOf(classRules);
        if (smoothingWindows < 1 || restWindowsToEndSet < 1) {
            throw new IllegalArgumentException("smoothingWindows and restWindowsToEndSet must be at least 1");
        }
        this.smoothingWindows = smoothingWindows;
        this.restWindowsToEndSet = restWindowsToEndSet;
        this.units = List.copyOf(units);
        if (new java.util.HashSet<>(this.units).size() != this.units.size() || this.units.contains("")) {
            throw new IllegalArgumentException("sensor units must be distinct, non-empty names; got " + this.units);
        }
        for (Map.Entry<String, String> rule : ruleUnits.entrySet()) {
            if (!this.units.contains(rule.getValue())) {
                throw new IllegalArgumentException("the repetitions of '" + rule.getKey() + "' are counted on unit '"
                        + rule.getValue() + "', which is not one of the model's units " + this.units);
            }
        }
        this.ruleUnits = Map.copyOf(ruleUnits);
        this.pipelineFeatures = featureNames(pipeline, this.units);
        this.modelIndex = classifier.featureNames().stream().mapToInt(name -> {
            int at = pipelineFeatures.indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException("the classifier needs feature '" + name + "', which the pipeline does not compute");
            }
            return at;
        }).toArray();
        this.gateIndex = gate == null ? new int[0] : RestGate.indices(pipelineFeatures);
    }

    /**
     * A model for a dataset read through a description: no posture gate; a window is rest when the
     * classifier's most probable class is one of {@code restClasses} (the description's
     * {@code noExercise} classes; none: no window is rest), and repetitions are counted with the rules
     * of each class in {@code classRules} (classes without rules are not counted) on an even grid at
     * {@code countRateHz}, the rate the rules were chosen at (the recordings' own rate).
     */
    public static ExerciseModel described(ExercisePipeline pipeline, Classifier classifier, Set<String> restClasses,
            Map<String, List<RepCountParameters>> classRules, double countRateHz, int smoothingWindows,
            int restWindowsToEndSet) {
        return new ExerciseModel(pipeline, classifier, null, smoothingWindows, restWindowsToEndSet, null, restClasses,
                Objects.requireNonNull(classRules, "classRules"), countRateHz, List.of(), Map.of());
    }

    /**
     * As {@link #described(ExercisePipeline, Classifier, Set, Map, double, int, int)} for a classifier
     * over the windows of several sensor units at the same time: its features are named
     * {@code <unit>:<feature>} ({@link #featureNames()}), and the repetitions of each class in
     * {@code classRules} are counted on the accelerometer of the unit {@code ruleUnits} names for it.
     *
     * @throws IllegalArgumentException when the units are not distinct names, a counted class has no
     *                                  unit, or the classifier needs a feature the units do not give
     */
    public static ExerciseModel described(ExercisePipeline pipeline, List<String> units, Classifier classifier,
            Set<String> restClasses, Map<String, List<RepCountParameters>> classRules, Map<String, String> ruleUnits,
            double countRateHz, int smoothingWindows, int restWindowsToEndSet) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a model of named sensor units needs at least one unit");
        }
        for (String label : classRules.keySet()) {
            if (!ruleUnits.containsKey(label)) {
                throw new IllegalArgumentException("no sensor unit counts the repetitions of '" + label + "'");
            }
        }
        return new ExerciseModel(pipeline, classifier, null, smoothingWindows, restWindowsToEndSet, null, restClasses,
                Objects.requireNonNull(classRules, "classRules"), countRateHz, units, ruleUnits);
    }

    /** The names of a feature vector over {@code units}: the pipeline's own for one unnamed stream. */
    private static List<String> featureNames(ExercisePipeline pipeline, List<String> units) {
        List<String> names = pipeline.featureNames();
        if (units.isEmpty()) {
            return names;
        }
        List<String> prefixed = new java.util.ArrayList<>();
        for (String unit : units) {
            names.forEach(name -> prefixed.add(unitFeatureName(unit, name)));
        }
        return List.copyOf(prefixed);
    }

    /** The name of pipeline feature {@code feature} of sensor unit {@code unit} in a model of several units. */
    public static String unitFeatureName(String unit, String feature) {
        return unit + ":" + feature;
    }

    /**
     * The sensor units whose windows the classifier reads, in the order of the feature vector; empty
     * for a model of one unnamed stream (the barbell model, a {@link #described} model of one stream).
     */
    public List<String> units() {
        return units;
    }

    /** The names of the feature vector {@link #probabilities} takes: the pipeline's, per unit for a model of named units. */
    public List<String> featureNames() {
        return pipelineFeatures;
    }

    /**
     * The unit whose accelerometer counts the repetitions of {@code label} (a model of named units);
     * empty for a model of one unnamed stream or a class that is not counted.
     */
    public java.util.Optional<String> repUnitFor(String label) {
        return java.util.Optional.ofNullable(ruleUnits.get(label));
    }

    /**
     * The rate of the even grid repetitions are counted on: {@link RepCounter#COUNT_RATE_HZ} for the
     * barbell model, the recordings' own rate for a {@link #described} model.
     */
    public double countRateHz() {
        return countRateHz;
    }

    /** Window pipeline. */
    public ExercisePipeline pipeline() {
        return pipeline;
    }

    /** The classifier. */
    public Classifier classifier() {
        return classifier;
    }

    /** The rest gate (null for a {@link #described} model, whose rest is a class). */
    public RestGate gate() {
        return gate;
    }

    /** The classes that mean rest for a {@link #described} model (empty for the barbell model, which has a gate). */
    public Set<String> restClasses() {
        return restClasses;
    }

    /** Exercise windows averaged by the smoother. */
    public int smoothingWindows() {
        return smoothingWindows;
    }

    /** Rest windows in a row that end a set. */
    public int restWindowsToEndSet() {
        return restWindowsToEndSet;
    }

    /** Repetition-counting rules of the barbell model (null for a {@link #described} model: see {@link #repRulesFor}). */
    public RepCountModel repRules() {
        return repRules;
    }

    /** The classes whose repetitions are counted: the barbell lifts, or the classes with rules of a described model. */
    public List<String> countedClasses() {
        if (classRules != null) {
            return classRules.keySet().stream().sorted().toList();
        }
        return java.util.Arrays.stream(Exercise.values()).filter(Exercise::isLift).map(Exercise::label).toList();
    }

    /** The rules counting repetitions of {@code label} (median of their counts); empty when it is not counted. */
    public List<RepCountParameters> repRulesFor(String label) {
        if (classRules != null) {
            return classRules.getOrDefault(label, List.of());
        }
        Exercise exercise = Exercise.fromLabel(label);
        return exercise == null || !exercise.isLift() ? List.of() : repRules.rulesFor(exercise);
    }

    /** Class order of the probabilities. */
    public List<String> classes() {
        return classifier.classes();
    }

    /** All pipeline features of one window (the streaming path). */
    public double[] features(Window window) {
        return pipeline.features(window);
    }

    /** One array after the other. */
    public static double[] concatenate(double[][] parts) {
        int n = 0;
        for (double[] part : parts) {
            n += part.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Class probabilities from a window's pipeline features. */
    public double[] probabilities(double[] pipelineFeatures) {
        double[] input = new double[modelIndex.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = pipelineFeatures[modelIndex[i]];
        }
        return classifier.probabilities(input);
    }

    /** The rest gate's verdict on a window's pipeline features (barbell model only). */
    public RestGate.Decision gate(double[] pipelineFeatures) {
        if (gate == null) {
            throw new IllegalStateException("a described model has no rest gate; use rest(features, probabilities)");
        }
        return gate.decide(pipelineFeatures, gateIndex);
    }

    /**
     * Whether a window is rest: the barbell model's gate on its features, or for a {@link #described}
     * model whether the most probable class is a rest class.
     */
    public RestGate.Decision rest(double[] pipelineFeatures, double[] probabilities) {
        if (gate != null) {
            return gate(pipelineFeatures);
        }
        return restByClass(restClasses, classes(), probabilities);
    }

    /** The rest decision of a described model: the most probable class is one of {@code restClasses}. */
    public static RestGate.Decision restByClass(Set<String> restClasses, List<String> classes, double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        boolean rest = restClasses.contains(classes.get(best));
        return new RestGate.Decision(rest, Double.NaN, classes.get(best), Double.NaN, Double.NaN,
                rest ? String.format(java.util.Locale.ROOT, "class %s %.2f", classes.get(best), probabilities[best]) : "");
    }

    /** A fresh decision state for one stream or recording. */
    public WindowDecisions decisions() {
        return new WindowDecisions(classes(), smoothingWindows, restWindowsToEndSet);
    }

    /** Everything but the classifier, as plain JSON values (the recipe's {@code pipeline} map; barbell model only). */
    public Map<String, Object> settings() {
        if (gate == null) {
            throw new IllegalStateException("a described model's settings are its card's (DescribedImuModel)");
        }
        Map<String, Object> map = new LinkedHashMap<>(pipeline.toMap());
        map.put("restGate", gate.toMap());
        map.put("smoothingWindows", smoothingWindows);
        map.put("restWindowsToEndSet", restWindowsToEndSet);
        map.put("repRules", RepRules.toMap(repRules));
        return map;
    }

    /** The model made of {@code classifier} and the settings of {@link #settings()}. */
    @SuppressWarnings("unchecked")
    public static ExerciseModel of(Map<String, Object> settings, Classifier classifier) {
        if (!settings.containsKey("restGate") || !settings.containsKey("repRules")) {
            throw new IllegalArgumentException("the model's pipeline settings lack the rest gate or repetition rules;"
                    + " was it registered as an exercise model? keys: " + settings.keySet());
        }
        return new ExerciseModel(ExercisePipeline.fromMap(settings), classifier,
                RestGate.fromMap((Map<String, Object>) settings.get("restGate")),
                ((Number) settings.get("smoothingWindows")).intValue(), ((Number) settings.get("restWindowsToEndSet")).intValue(),
                RepRules.fromMap((Map<String, Object>) settings.get("repRules")));
    }

    /**
     * Loads version {@code version} of {@code name} (its model file checked against the card's SHA-256):
     * a barbell exercise model of {@code formlab train}, or the live model ({@link DescribedImuModel#live()})
     * of a {@code formlab train --dataset D} card.
     */
    public static ExerciseModel load(ModelRegistry registry, String name, int version) throws IOException {
        ModelCard card = registry.card(name, version);
        if (DescribedImuModel.describes(card)) {
            return DescribedImuModel.load(registry, card).live();
        }
        return of(card.recipe().pipeline(), registry.load(name, version));
    }

    /** Loads the registry's preferred version of {@code name}: production, else the newest. */
    public static ExerciseModel loadPreferred(ModelRegistry registry, String name) throws IOException {
        int version = registry.preferred(name).orElseThrow(() -> new IOException("no model '" + name + "' in "
                + registry.root() + "; train one with: formlab train")).version();
        return load(registry, name, version);
    }

    @Override
    public String toString() {
        return classifier + "\n  pipeline: " + pipeline.describe() + "\n  rest gate: "
                + (gate != null ? gate : restClasses.isEmpty() ? "none (no rest class)" : "classes " + restClasses)
                + "\n  smoothing: mean of the last " + smoothingWindows + " exercise windows; a set ends after "
                + restWindowsToEndSet + " rest windows";
    }
}
