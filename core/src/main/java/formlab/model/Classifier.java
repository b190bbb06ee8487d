package formlab.model;

import java.util.List;

/**
 * A trained classifier over numeric feature vectors: the one interface behind which Smile,
 * Tribuo and DJL models serve notebooks, commands, batch scoring, streaming and the Pi.
 *
 * <p>Feature vectors are ordered as {@link #featureNames()}; probabilities as {@link #classes()}.
 */
public interface Classifier {

    /** Names of the features, in the order {@link #probabilities(double[])} expects them. */
    List<String> featureNames();

    /** Class labels, in the order of the probability vector. */
    List<String> classes();

    /** Class probabilities for one feature vector (length = number of classes, sums to 1). */
    double[] probabilities(double[] features);

    /** Class probabilities for many feature vectors (one row per vector); override when batching is faster. */
    default double[][] probabilities(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = probabilities(rows[i]);
        }
        return out;
    }

    /** The most probable class with its probability. */
    default Prediction predict(double[] features) {
        return Prediction.of(classes(), probabilities(features));
    }
}
