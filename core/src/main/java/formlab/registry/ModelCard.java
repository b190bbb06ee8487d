package formlab.registry;

import java.util.List;
import java.util.Optional;

/**
 * The JSON card beside every registered model version: what it does, what it was trained on,
 * how it was measured, where, and its stage. Written by {@link ModelRegistry}; enough to
 * re-train the model and check the metrics ({@link Reproduction}).
 *
 * @param name            model name (folder under models/)
 * @param version         version number (folder v&lt;version&gt;)
 * @param stage           lifecycle stage
 * @param createdAt       ISO-8601 instant of registration
 * @param recipe          task, features, label, group, trainer, hyperparameters, split and seed
 * @param classes         class order of the model's probabilities
 * @param data            source data files with SHA-256 (may be empty when the table was built in memory)
 * @param dataSha256      fingerprint of the training table ({@link DataFingerprint})
 * @param rows            rows in the training table
 * @param groups          groups in the training table
 * @param metrics         headline metrics with the split each was measured on
 * @param groupMetrics    held-out accuracy per group, with the split
 * @param environment     Java, OS, library versions, git commit
 * @param modelFile       name of the model parameters (a file or a folder) inside the version folder
 * @param modelFormat     format of those parameters: {@value ModelPayload#FORMLAB_FORMAT} (a
 *                        {@code ModelFiles} file; also assumed for cards written before this field
 *                        existed), another model type's {@code ModelFiles} format (the image CNN's
 *                        {@code formlab-model-image}) or an external format such as {@code djl-pytorch-cnn}
 * @param modelSha256     SHA-256 of that file, or of that folder's file listing ({@link ContentHash})
 * @param history         stage changes, oldest first
 */
public record ModelCard(String name, int version, Stage stage, String createdAt, TrainingRecipe recipe,
                        List<String> classes, List<DataFile> data, String dataSha256, int rows, List<String> groups,
                        List<MetricValue> metrics, List<GroupMetric> groupMetrics, Environment environment,
                        String modelFile, String modelFormat, String modelSha256, List<StageChange> history) {

    public ModelCard {
        modelFormat = modelFormat == null ? ModelPayload.FORMLAB_FORMAT : modelFormat;
        classes = List.copyOf(classes);
        data = List.copyOf(data);
        groups = List.copyOf(groups);
        metrics = List.copyOf(metrics);
        groupMetrics = List.copyOf(groupMetrics);
        history = List.copyOf(history);
    }

    /**
     * One metric value.
     *
     * @param name  metric name as in {@code Evaluation.metrics()}
     * @param value its value
     * @param split what it was measured on
     */
    public record MetricValue(String name, double value, String split) {
    }

    /**
     * Held-out accuracy of one group.
     *
     * @param group    group name
     * @param accuracy accuracy on its rows
     * @param n        rows
     * @param split    what it was measured on
     */
    public record GroupMetric(String group, double accuracy, int n, String split) {
    }

    /**
     * One change of stage.
     *
     * @param stage  the new stage
     * @param at     ISO-8601 instant
     * @param reason why
     */
    public record StageChange(Stage stage, String at, String reason) {
    }

    /** The metric called {@code name}, if recorded. */
    public Optional<MetricValue> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** This card with another stage and the change appended to the history. */
    public ModelCard withStage(Stage next, String at, String reason) {
        List<StageChange> changes = new java.util.ArrayList<>(history);
        changes.add(new StageChange(next, at, reason));
        return new ModelCard(name, version, next, createdAt, recipe, classes, data, dataSha256, rows, groups,
                metrics, groupMetrics, environment, modelFile, modelFormat, modelSha256, changes);
    }

    /**
     * True when the parameters are a {@code ModelFiles} file of a classifier over feature rows (format
     * {@value ModelPayload#FORMLAB_FORMAT}): what callers that feed feature rows check before
     * {@link ModelRegistry#load}.
     */
    public boolean loadableByModelFiles() {
        return ModelPayload.FORMLAB_FORMAT.equals(modelFormat);
    }

    /** True when the parameters are a {@code ModelFiles} file of any model type ({@link ModelRegistry#load} reads it). */
    public boolean storedAsModelFile() {
        return formlab.model.ModelTypes.isModelFileFormat(modelFormat);
    }

    /** Name and version, e.g. "imu-exercise v3". */
    public String id() {
        return name + " v" + version;
    }
}
