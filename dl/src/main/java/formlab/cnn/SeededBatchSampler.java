package formlab.cnn;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A DJL batch sampler that shuffles with its own seeded {@link Random} (DJL's
 * {@code RandomSampler} draws from a global generator other code may also use). Each call to
 * {@link #sample} is one epoch and reshuffles, so the sequence of epochs is reproducible.
 *
 * <p>When training, a last batch smaller than half a batch is dropped: batch normalisation cannot
 * train on a batch of one, and every image still turns up in the other epochs' shuffles.
 */
public final class SeededBatchSampler implements Sampler {

    private final int batchSize;
    private final boolean shuffle;
    private final Random random;

    /**
     * @param batchSize images per batch
     * @param shuffle   true for training (shuffle, drop a tiny last batch); false keeps order and every image
     * @param seed      seed of the shuffles
     */
    public SeededBatchSampler(int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
    }

    @Override
    public Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        long size = dataset.size();
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            order.add(i);
        }
        if (shuffle) {
            Collections.shuffle(order, random);
        }
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Long> batch = order.subList(start, Math.min(order.size(), start + batchSize));
            if (shuffle && batches.size() > 0 && batch.size() * 2 < batchSize) {
                break;
            }
            batches.add(List.copyOf(batch));
        }
        return batches.iterator();
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
