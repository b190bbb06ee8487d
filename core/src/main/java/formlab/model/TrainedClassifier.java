package formlab.model;

import java.util.List;
import java.util.Map;

/**
 * What a classifier wrapped from a machine-learning library records about itself: its feature
 * order, its classes, and the trainer and hyperparameters that produced it (written on model
 * cards and model files). Subclasses add the library's model and the prediction.
 */
public abstract sealed class TrainedClassifier implements Classifier permits SmileClassifier, TribuoClassifier {

    private final List<String> featureNames;
    private final List<String> classes;
    private final String trainer;
    private final Map<String, Object> hyperparameters;

    /**
     * @param featureNames    feature order
     * @param classes         class order of the probability vectors
     * @param trainer         the trainer name that produced it ({@link Trainer#name()})
     * @param hyperparameters the trainer's hyperparameters
     */
    TrainedClassifier(List<String> featureNames, List<String> classes, String trainer, Map<String, Object> hyperparameters) {
        this.featureNames = List.copyOf(featureNames);
        this.classes = List.copyOf(classes);
        this.trainer = trainer;
        this.hyperparameters = Hyperparameters.canonical(hyperparameters);
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** Name of the trainer that produced this model. */
    public String trainer() {
        return trainer;
    }

    /** Hyperparameters it was trained with. */
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    /** Fails unless {@code features} holds one value per feature. */
    final void requireFeatureCount(double[] features) {
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("Expected " + featureNames.size() + " features " + featureNames
                    + ", got " + features.length);
        }
    }

    @Override
    public String toString() {
        return trainer + hyperparameters + " over " + featureNames.size() + " features, classes " + classes;
    }
}
