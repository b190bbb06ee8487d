package formlab.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;

/**
 * A trained Smile model (gradient tree boosting or random forest) behind {@link Classifier}.
 *
 * <p>Smile works on its own {@code DataFrame}s with integer labels; this class keeps the
 * feature names, the text labels (index {@code i} of {@link #classes()} is Smile label
 * {@code i}) and the predictor schema needed to turn a {@code double[]} into a Smile tuple.
 */
public final class SmileClassifier extends TrainedClassifier {

    /** Name of the label column inside the Smile data frame; cannot clash with a feature name. */
    static final String LABEL_COLUMN = "__formlab_label__";

    private final DataFrameClassifier model;
    private final StructType schema;

    /**
     * Wraps a trained Smile model.
     *
     * @param model           the Smile model, trained with labels {@code 0..classes-1}
     * @param featureNames    feature order
     * @param classes         text label of each Smile label
     * @param trainer         the trainer name that produced it ({@link Trainer#name()})
     * @param hyperparameters the trainer's hyperparameters
     */
    public SmileClassifier(DataFrameClassifier model, List<String> featureNames, List<String> classes,
                           String trainer, Map<String, Object> hyperparameters) {
        super(featureNames, classes, trainer, hyperparameters);
        this.model = Objects.requireNonNull(model, "model");
        this.schema = model.schema();
        if (model.numClasses() != classes().size()) {
            throw new IllegalArgumentException("Smile model has " + model.numClasses() + " classes, labels given: " + classes);
        }
    }

    /** A Smile data frame of the features and integer labels, as the Smile trainers expect. */
    static DataFrame frame(LabelledData data) {
        int[] y = data.y();
        return DataFrame.of(data.x(), data.features().toArray(String[]::new))
                .add(ValueVector.of(LABEL_COLUMN, y));
    }

    /** The formula "label ~ every other column". */
    static Formula formula() {
        return Formula.lhs(LABEL_COLUMN);
    }

    @Override
    public double[] probabilities(double[] features) {
        requireFeatureCount(features);
        double[] posterior = new double[classes().size()];
        model.predict(Tuple.of(schema, features), posterior);
        return posterior;
    }

    /** The wrapped Smile model (for feature importance, SHAP, tree inspection). */
    public DataFrameClassifier smileModel() {
        return model;
    }
}
