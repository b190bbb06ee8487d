package formlab.model;

import java.util.List;

/**
 * One prediction: the winning label, its probability and the full distribution.
 *
 * @param label         the most probable class
 * @param confidence    its probability
 * @param probabilities probability per class, ordered as the classifier's classes
 */
public record Prediction(String label, double confidence, double[] probabilities) {

    /** Picks the arg-max of {@code probabilities} over {@code classes}. */
    public static Prediction of(List<String> classes, double[] probabilities) {
        if (classes.size() != probabilities.length) {
            throw new IllegalArgumentException("Expected " + classes.size() + " probabilities, got " + probabilities.length);
        }
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction(classes.get(best), probabilities[best], probabilities.clone());
    }
}
