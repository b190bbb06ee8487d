package formlab.cnn;

import formlab.image.Augmentation;
import formlab.image.PreparedImages;
import formlab.model.Classifier;
import formlab.model.Hyperparameters;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The image CNN as a {@link Trainer}: its name and hyperparameters are what a registry card records
 * and {@link formlab.model.Trainers#create} rebuilds ({@link CnnModelType}), and
 * {@link #train(PreparedImages, TrainingProgress)} trains on images ({@link CnnTrainer}).
 *
 * @param config architecture and training settings
 */
public record CnnImageTrainer(CnnConfig config) implements Trainer {

    /** Trainer name recorded in registry cards and model files. */
    public static final String NAME = "djl-compact-resnet";

    public CnnImageTrainer {
        Objects.requireNonNull(config, "config");
    }

    /** From a hyperparameter map written by {@link #hyperparameters()}; keys left out take {@link CnnConfig#DEFAULT}'s values. */
    public static CnnImageTrainer of(Map<String, ?> p) {
        CnnConfig d = CnnConfig.DEFAULT;
        Augmentation a = d.augmentation();
        Object flip = p.get("augmentation.horizontalFlip");
        Augmentation augmentation = new Augmentation(flip == null ? a.horizontalFlip() : Boolean.parseBoolean(flip.toString()),
                Hyperparameters.doubleValue(p, "augmentation.maxRotationDegrees", a.maxRotationDegrees()),
                Hyperparameters.doubleValue(p, "augmentation.minCropFraction", a.minCropFraction()),
                Hyperparameters.doubleValue(p, "augmentation.brightness", a.brightness()),
                Hyperparameters.doubleValue(p, "augmentation.contrast", a.contrast()),
                Hyperparameters.doubleValue(p, "augmentation.saturation", a.saturation()));
        return new CnnImageTrainer(new CnnConfig(Hyperparameters.intValue(p, "imageSize", d.imageSize()),
                Hyperparameters.intValue(p, "width", d.width()), Hyperparameters.doubleValue(p, "dropout", d.dropout()),
                Hyperparameters.doubleValue(p, "learningRate", d.learningRate()),
                Hyperparameters.doubleValue(p, "weightDecay", d.weightDecay()), Hyperparameters.intValue(p, "batchSize", d.batchSize()),
                Hyperparameters.intValue(p, "maxEpochs", d.maxEpochs()), Hyperparameters.intValue(p, "patience", d.patience()),
                Hyperparameters.longValue(p, "seed", d.seed()), augmentation));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("imageSize", config.imageSize());
        map.put("width", config.width());
        map.put("dropout", config.dropout());
        map.put("learningRate", config.learningRate());
        map.put("weightDecay", config.weightDecay());
        map.put("batchSize", config.batchSize());
        map.put("maxEpochs", config.maxEpochs());
        map.put("patience", config.patience());
        map.put("seed", config.seed());
        Augmentation a = config.augmentation();
        map.put("augmentation.horizontalFlip", a.horizontalFlip());
        map.put("augmentation.maxRotationDegrees", a.maxRotationDegrees());
        map.put("augmentation.minCropFraction", a.minCropFraction());
        map.put("augmentation.brightness", a.brightness());
        map.put("augmentation.contrast", a.contrast());
        map.put("augmentation.saturation", a.saturation());
        return map;
    }

    /**
     * Not supported: a CNN learns from images, and the rows of {@link LabelledData} are feature
     * vectors. Train with {@link #train(PreparedImages, TrainingProgress)}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Classifier fit(LabelledData data) {
        throw new UnsupportedOperationException("the image CNN (" + NAME + ") trains on images, not on feature rows of table '"
                + data.table().name() + "': use CnnImageTrainer.train(PreparedImages, TrainingProgress)");
    }

    /**
     * Trains on the train split of {@code data}, early-stopping on its validation split
     * ({@link CnnTrainer#train}); what {@code formlab train-image-cnn} runs.
     *
     * @param data     prepared images at {@code config.imageSize()}
     * @param progress receives one call per epoch
     */
    public CnnTrainingRun train(PreparedImages data, TrainingProgress progress) {
        return CnnTrainer.train(data, config, progress);
    }
}
