package formlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;
import org.tribuo.transform.transformations.SimpleTransform;

/**
 * Multinomial logistic regression from Tribuo (linear SGD with log loss and AdaGrad), with every
 * feature standardised to mean 0 and standard deviation 1 on the training rows (Tribuo's
 * {@code TransformTrainer}, so the same scaling is applied at prediction time). A feature that is
 * constant in the training rows carries no information and would divide by a zero standard
 * deviation (Tribuo's standardisation then yields NaN and training stops); it is multiplied by 0
 * instead, so it is ignored now and at prediction time.
 *
 * @param epochs       passes over the training data
 * @param learningRate AdaGrad initial learning rate
 * @param seed         random seed for example shuffling
 */
public record TribuoLogisticTrainer(int epochs, double learningRate, long seed) implements Trainer {

    /** Registry name. */
    public static final String NAME = "tribuo-logistic";

    /** 30 epochs, learning rate 0.5. */
    public static TribuoLogisticTrainer defaults(long seed) {
        return new TribuoLogisticTrainer(30, 0.5, seed);
    }

    /** From a hyperparameter map; missing keys take the defaults. */
    public static TribuoLogisticTrainer of(Map<String, ?> p) {
        return Hyperparameters.toRecord(TribuoLogisticTrainer.class, p, defaults(Hyperparameters.longValue(p, "seed", 42)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Hyperparameters.of(this);
    }

    /** Per feature: standardise, or multiply by 0 when the training rows hold a single value. */
    private static Map<String, List<Transformation>> scaling(LabelledData data) {
        double[][] x = data.x();
        Map<String, List<Transformation>> map = new LinkedHashMap<>();
        for (int j = 0; j < data.features().size(); j++) {
            boolean constant = true;
            for (int i = 1; i < x.length && constant; i++) {
                constant = x[i][j] == x[0][j];
            }
            map.put(data.features().get(j), List.of(constant ? SimpleTransform.mul(0) : new MeanStdDevTransformation()));
        }
        return map;
    }

    @Override
    public TribuoClassifier fit(LabelledData data) {
        Trainers.requireTwoClasses(data);
        var sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, seed);
        var scaled = new TransformTrainer<Label>(sgd, new TransformationMap(scaling(data)), true);
        return TribuoTrainers.wrap(scaled.train(TribuoTrainers.dataset(data)), data, NAME, hyperparameters());
    }
}
