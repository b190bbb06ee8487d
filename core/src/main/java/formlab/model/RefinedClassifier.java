package formlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A two-stage classifier: a base classifier over every class, and a refiner that re-decides among
 * a few of them (for exercises: bench press vs overhead press) on its own features. The base's
 * probability mass on the refined classes is shared out among them as the refiner says; the other
 * classes keep the base's probabilities, so the vector still sums to 1.
 *
 * <p>Features are the base's followed by those of the refiner that the base does not use; both
 * stages read their own subset of one vector, so a single feature row serves both (batch and
 * streaming alike).
 */
public final class RefinedClassifier implements Classifier {

    private final Classifier base;
    private final Classifier refiner;
    private final Map<String, Object> hyperparameters;
    private final List<String> featureNames;
    private final int[] baseIndex;
    private final int[] refinerIndex;
    private final int[] refinedClass;

    /**
     * @param base            classifier over all classes
     * @param refiner         classifier over some of the base's classes
     * @param hyperparameters how it was trained ({@link RefinedTrainer#hyperparameters()}), stored with the model
     */
    public RefinedClassifier(Classifier base, Classifier refiner, Map<String, ?> hyperparameters) {
        this.base = Objects.requireNonNull(base, "base");
        this.refiner = Objects.requireNonNull(refiner, "refiner");
        this.hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        List<String> names = new ArrayList<>(base.featureNames());
        for (String name : refiner.featureNames()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        this.featureNames = List.copyOf(names);
        this.baseIndex = base.featureNames().stream().mapToInt(names::indexOf).toArray();
        this.refinerIndex = refiner.featureNames().stream().mapToInt(names::indexOf).toArray();
        this.refinedClass = refiner.classes().stream().mapToInt(c -> {
            int i = base.classes().indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("the refiner's class '" + c + "' is not one of the base classes " + base.classes());
            }
            return i;
        }).toArray();
    }

    /** The first stage. */
    public Classifier base() {
        return base;
    }

    /** The second stage. */
    public Classifier refiner() {
        return refiner;
    }

    /** Hyperparameters of the {@link RefinedTrainer} that trained it. */
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> classes() {
        return base.classes();
    }

    @Override
    public double[] probabilities(double[] features) {
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " features, got " + features.length);
        }
        double[] p = base.probabilities(pick(features, baseIndex)).clone();
        double mass = 0;
        for (int c : refinedClass) {
            mass += p[c];
        }
        double[] r = refiner.probabilities(pick(features, refinerIndex));
        for (int j = 0; j < refinedClass.length; j++) {
            p[refinedClass[j]] = mass * r[j];
        }
        return p;
    }

    private static double[] pick(double[] features, int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = features[index[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "refined classifier: " + base + "; " + refiner.classes() + " re-decided by " + refiner;
    }
}
