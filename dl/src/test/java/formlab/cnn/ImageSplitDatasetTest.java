package formlab.cnn;

import formlab.image.Augmentation;
import formlab.image.ImageFolderReader;
import formlab.image.ImageFolderScan;
import formlab.image.Normalization;
import formlab.image.PreparedImage;
import formlab.image.PreparedImages;
import formlab.image.Preprocessing;
import formlab.image.Split;
import formlab.image.SplitManifest;
import formlab.image.SplitRatios;
import formlab.image.TestImages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSplitDatasetTest {

    @TempDir
    Path root;

    private PreparedImages prepared;

    @BeforeEach
    void prepare() {
        TestImages.fill(root.resolve("a"), "a", 12, Color.GREEN, 1);
        TestImages.fill(root.resolve("b"), "b", 9, Color.RED, 2);
        ImageFolderScan scan = ImageFolderReader.read(root);
        SplitManifest manifest = SplitManifest.create(scan, SplitRatios.DEFAULT, 3);
        prepared = PreparedImages.load(root, manifest, new Preprocessing(16, Normalization.UNIT)).withTrainNormalization();
    }

    private static List<float[]> epoch(ImageSplitDataset dataset, NDManager manager, List<Float> labels) throws Exception {
        List<float[]> batches = new ArrayList<>();
        for (Batch batch : dataset.getData(manager)) {
            try (batch) {
                batches.add(batch.getData().singletonOrThrow().toFloatArray());
                for (float label : batch.getLabels().singletonOrThrow().toFloatArray()) {
                    labels.add(label);
                }
            }
        }
        return batches;
    }

    @Test
    void trainingEpochsAreReproducibleAndDifferFromEachOther() throws Exception {
        List<PreparedImage> train = prepared.split(Split.TRAIN);
        assertEquals(13, train.size()); // 8 of a, 5 of b
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageSplitDataset first = ImageSplitDataset.training(train, prepared.preprocessing(), Augmentation.STANDARD, 6, 11);
            ImageSplitDataset second = ImageSplitDataset.training(train, prepared.preprocessing(), Augmentation.STANDARD, 6, 11);
            List<Float> labels = new ArrayList<>();
            List<float[]> epoch0 = epoch(first, manager, labels);
            List<float[]> epoch1 = epoch(first, manager, new ArrayList<>());
            List<float[]> again0 = epoch(second, manager, new ArrayList<>());
            // 13 images in batches of 6: 6, 6 and a last batch of 1 (under half a batch) dropped.
            assertEquals(2, epoch0.size());
            assertEquals(3 * 16 * 16 * 6, epoch0.get(0).length);
            assertArrayEquals(epoch0.get(0), again0.get(0));
            assertFalse(Arrays.equals(epoch0.get(0), epoch1.get(0)));
            assertEquals(12, labels.size());
        }
    }

    @Test
    void evaluationServesEveryImageInOrder() throws Exception {
        List<PreparedImage> test = prepared.split(Split.TEST);
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageSplitDataset dataset = ImageSplitDataset.evaluation(test, prepared.preprocessing(), 3);
            List<Float> labels = new ArrayList<>();
            List<float[]> batches = epoch(dataset, manager, labels);
            assertEquals(test.size(), labels.size());
            for (int i = 0; i < test.size(); i++) {
                assertEquals(test.get(i).label(), labels.get(i).intValue());
            }
            float[] expected = prepared.preprocessing().tensor(test.get(0).source(), Augmentation.NONE, null);
            assertArrayEquals(expected, Arrays.copyOf(batches.get(0), expected.length), 1e-6f);
        }
    }

    @Test
    void firstAugmentationDrawsOfAnEpochAreSpreadOut() {
        // Regression: seeding java.util.Random with (base + index) made the first draw (the crop)
        // nearly equal for every image of an epoch, so whole epochs were zoomed alike.
        for (int epoch = 0; epoch < 3; epoch++) {
            double sum = 0;
            double sumSq = 0;
            int n = 500;
            for (int i = 0; i < n; i++) {
                double v = new java.util.Random(ImageSplitDataset.augmentationSeed(42, epoch, i)).nextDouble();
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / n;
            double std = Math.sqrt(sumSq / n - mean * mean);
            assertEquals(0.5, mean, 0.05, "epoch " + epoch);
            assertEquals(Math.sqrt(1.0 / 12), std, 0.03, "epoch " + epoch);
        }
    }
}
