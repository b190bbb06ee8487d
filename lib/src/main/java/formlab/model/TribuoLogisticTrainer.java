package formlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Multinomial logistic regression from Tribuo (linear SGD with log loss and AdaGrad), with every
 * feature standardised to mean 0 and standard deviation 1 on the training rows (Tribuo's
 * {@code TransformTrainer}, so the same scaling is applied at prediction time).
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
        TribuoLogisticTrainer d = defaults(Hyperparameters.longValue(p, "seed", 42));
        return new TribuoLogisticTrainer(Hyperparameters.intValue(p, "epochs", d.epochs),
                Hyperparameters.doubleValue(p, "learningRate", d.learningRate), d.seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", epochs);
        map.put("learningRate", learningRate);
        map.put("seed", seed);
        return map;
    }

    @Override
    public TribuoClassifier fit(LabelledData data) {
        Trainers.requireTwoClasses(data);
        var sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, seed);
        var scaled = new TransformTrainer<Label>(sgd, new TransformationMap(List.of(new MeanStdDevTransformation())), true);
        return TribuoTrainers.wrap(scaled.train(TribuoTrainers.dataset(data)), data, NAME, hyperparameters());
    }
}
