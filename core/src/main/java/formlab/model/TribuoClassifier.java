package formlab.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A trained Tribuo classification model behind {@link Classifier}.
 *
 * <p>Probabilities are Tribuo's output scores normalised to sum to 1. For probabilistic models
 * (logistic regression) these are the model's probabilities; a CART tree reports the class
 * fractions of the leaf, which Tribuo does not flag as probabilities but which serve as such.
 * A model without any scores gives a one-hot vector of its prediction.
 */
public final class TribuoClassifier extends TrainedClassifier {

    private final Model<Label> model;
    private final String[] featureArray;

    /**
     * Wraps a trained Tribuo model.
     *
     * @param model           a Tribuo model that generates probabilities
     * @param featureNames    feature order (Tribuo matches features by name)
     * @param classes         class order of the probability vectors
     * @param trainer         the trainer name that produced it
     * @param hyperparameters the trainer's hyperparameters
     */
    public TribuoClassifier(Model<Label> model, List<String> featureNames, List<String> classes,
                            String trainer, Map<String, Object> hyperparameters) {
        super(featureNames, classes, trainer, hyperparameters);
        this.model = Objects.requireNonNull(model, "model");
        this.featureArray = featureNames().toArray(String[]::new);
    }

    @Override
    public double[] probabilities(double[] features) {
        requireFeatureCount(features);
        List<String> classes = classes();
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureArray, features));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] probabilities = new double[classes.size()];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            Label score = scores.get(classes.get(i));
            probabilities[i] = score == null ? 0 : score.getScore();
            sum += probabilities[i];
        }
        if (sum > 0) {
            for (int i = 0; i < probabilities.length; i++) {
                probabilities[i] /= sum;
            }
        } else {
            probabilities[classes.indexOf(prediction.getOutput().getLabel())] = 1;
        }
        return probabilities;
    }

    /** The wrapped Tribuo model (provenance, top features). */
    public Model<Label> tribuoModel() {
        return model;
    }
}
