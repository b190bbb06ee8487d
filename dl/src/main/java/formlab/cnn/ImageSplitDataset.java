package formlab.cnn;

import formlab.image.Augmentation;
import formlab.image.PreparedImage;
import formlab.image.Preprocessing;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * A DJL dataset over prepared images of one split: each record is a {@code (3, size, size)}
 * float image and a scalar class index. With augmentation, every epoch draws fresh random
 * changes; the random generator of image {@code i} in epoch {@code e} is seeded from
 * {@code (seed, e, i)}, so results do not depend on batch order or threads. An epoch starts each
 * time the dataset is iterated ({@link #getData}).
 *
 * <p>Arrays are created in the manager DJL passes in, which for a trainer's iteration is a
 * per-batch sub-manager closed with the batch, so memory does not grow across epochs.
 */
public final class ImageSplitDataset extends RandomAccessDataset {

    private final List<PreparedImage> images;
    private final Preprocessing preprocessing;
    private final Augmentation augmentation;
    private final long seed;
    private int epoch = -1;

    private ImageSplitDataset(Builder builder) {
        super(builder);
        this.images = List.copyOf(builder.images);
        this.preprocessing = builder.preprocessing;
        this.augmentation = builder.augmentation;
        this.seed = builder.seed;
    }

    /** A builder; set images, preprocessing and sampling (e.g. a {@link SeededBatchSampler}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A dataset for training: shuffled seeded batches with {@code augmentation}. */
    public static ImageSplitDataset training(List<PreparedImage> images, Preprocessing preprocessing,
                                             Augmentation augmentation, int batchSize, long seed) {
        return builder().images(images).preprocessing(preprocessing).augmentation(augmentation).seed(seed)
                .setSampling(new SeededBatchSampler(batchSize, true, seed)).build();
    }

    /** A dataset for evaluation: images in order, no augmentation, every image once. */
    public static ImageSplitDataset evaluation(List<PreparedImage> images, Preprocessing preprocessing, int batchSize) {
        return builder().images(images).preprocessing(preprocessing).augmentation(Augmentation.NONE)
                .setSampling(new SeededBatchSampler(batchSize, false, 0)).build();
    }

    /** The images served, in index order. */
    public List<PreparedImage> images() {
        return images;
    }

    /** The epoch being served (0 for the first iteration). */
    public int epoch() {
        return epoch;
    }

    @Override
    public Iterable<Batch> getData(NDManager manager, Sampler sampler, ExecutorService executorService)
            throws IOException, TranslateException {
        epoch++;
        return super.getData(manager, sampler, executorService);
    }

    @Override
    public Record get(NDManager manager, long index) {
        PreparedImage image = images.get(Math.toIntExact(index));
        Random random = augmentation.changesNothing() ? null : new Random(augmentationSeed(seed, epoch, index));
        float[] pixels = preprocessing.tensor(image.source(), augmentation, random);
        NDArray data = manager.create(pixels, new Shape(3, preprocessing.size(), preprocessing.size()));
        NDArray label = manager.create((float) image.label());
        return new Record(new NDList(data), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return images.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Images are decoded and letterboxed up front by PreparedImages.
    }

    /**
     * Seed of the augmentation draws of image {@code index} in {@code epoch}. Each part goes
     * through a full avalanche mix (the SplitMix64 finaliser): {@link Random} uses only the low 48
     * bits of its seed and its first draw barely moves when the seed moves by small steps, so
     * seeding it with {@code base + index} would give every image of an epoch nearly the same
     * crop.
     */
    static long augmentationSeed(long seed, int epoch, long index) {
        return avalanche(avalanche(avalanche(seed) + epoch) + index);
    }

    private static long avalanche(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds an {@link ImageSplitDataset}. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        private List<PreparedImage> images = List.of();
        private Preprocessing preprocessing;
        private Augmentation augmentation = Augmentation.NONE;
        private long seed;

        @Override
        protected Builder self() {
            return this;
        }

        /** The images to serve. */
        public Builder images(List<PreparedImage> images) {
            this.images = images;
            return this;
        }

        /** Input size and normalisation. */
        public Builder preprocessing(Preprocessing preprocessing) {
            this.preprocessing = preprocessing;
            return this;
        }

        /** Random changes per epoch (default none). */
        public Builder augmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Seed of the augmentation draws. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The dataset; preprocessing and sampling must be set. */
        public ImageSplitDataset build() {
            if (preprocessing == null) {
                throw new IllegalStateException("preprocessing is not set");
            }
            if (sampler == null) {
                throw new IllegalStateException("sampling is not set (setSampling)");
            }
            return new ImageSplitDataset(this);
        }
    }
}
