package formlab.cnn;

import formlab.image.Augmentation;

/**
 * Everything that decides how a CNN is built and trained. Two runs with equal configs on the same
 * split manifest give the same model (seeded initialisation, shuffles and augmentation).
 *
 * @param imageSize     side of the square input in pixels
 * @param width         channels of the first stage; later stages double it (width, 2w, 4w, 8w)
 * @param dropout       dropout rate before the classifier layer, in [0, 1)
 * @param learningRate  peak learning rate of AdamW (after warm-up, then cosine decay)
 * @param weightDecay   AdamW decoupled weight decay
 * @param batchSize     images per training batch
 * @param maxEpochs     upper bound on epochs
 * @param patience      stop after this many epochs without a better validation accuracy
 * @param seed          seed of weight initialisation, shuffles and augmentation
 * @param augmentation  random changes to training images
 */
public record CnnConfig(int imageSize, int width, double dropout, double learningRate, double weightDecay, int batchSize,
                        int maxEpochs, int patience, long seed, Augmentation augmentation) {

    /** The defaults the sweep starts from: 64 px, width 16, dropout 0.2, lr 3e-3, 40 epochs, patience 12. */
    public static final CnnConfig DEFAULT = new CnnConfig(64, 16, 0.2, 3e-3, 0.05, 32, 40, 12, 42, Augmentation.STANDARD);

    public CnnConfig {
        if (imageSize < 16 || width < 1 || batchSize < 2 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("need imageSize >= 16, width >= 1, batchSize >= 2, maxEpochs >= 1, patience >= 1;"
                    + " got " + imageSize + ", " + width + ", " + batchSize + ", " + maxEpochs + ", " + patience);
        }
        if (!(dropout >= 0 && dropout < 1) || !(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need dropout in [0, 1), learningRate > 0, weightDecay >= 0; got " + dropout
                    + ", " + learningRate + ", " + weightDecay);
        }
    }

    /** This config with another learning rate. */
    public CnnConfig withLearningRate(double value) {
        return new CnnConfig(imageSize, width, dropout, value, weightDecay, batchSize, maxEpochs, patience, seed, augmentation);
    }

    /** This config with another width. */
    public CnnConfig withWidth(int value) {
        return new CnnConfig(imageSize, value, dropout, learningRate, weightDecay, batchSize, maxEpochs, patience, seed, augmentation);
    }

    /** This config with another dropout rate. */
    public CnnConfig withDropout(double value) {
        return new CnnConfig(imageSize, width, value, learningRate, weightDecay, batchSize, maxEpochs, patience, seed, augmentation);
    }

    /** This config with other epoch limits. */
    public CnnConfig withEpochs(int max, int patienceEpochs) {
        return new CnnConfig(imageSize, width, dropout, learningRate, weightDecay, batchSize, max, patienceEpochs, seed, augmentation);
    }

    /** This config with another input size. */
    public CnnConfig withImageSize(int value) {
        return new CnnConfig(value, width, dropout, learningRate, weightDecay, batchSize, maxEpochs, patience, seed, augmentation);
    }

    /** This config with another seed. */
    public CnnConfig withSeed(long value) {
        return new CnnConfig(imageSize, width, dropout, learningRate, weightDecay, batchSize, maxEpochs, patience, value, augmentation);
    }

    /** This config with other augmentation. */
    public CnnConfig withAugmentation(Augmentation value) {
        return new CnnConfig(imageSize, width, dropout, learningRate, weightDecay, batchSize, maxEpochs, patience, seed, value);
    }

    /** This config with another weight decay. */
    public CnnConfig withWeightDecay(double value) {
        return new CnnConfig(imageSize, width, dropout, learningRate, value, batchSize, maxEpochs, patience, seed, augmentation);
    }

    /** This config with another batch size. */
    public CnnConfig withBatchSize(int value) {
        return new CnnConfig(imageSize, width, dropout, learningRate, weightDecay, value, maxEpochs, patience, seed, augmentation);
    }

    /** Short label for tables: {@code lr=0.003 w=16 drop=0.2}. */
    public String label() {
        return "lr=" + learningRate + " w=" + width + " drop=" + dropout;
    }
}
