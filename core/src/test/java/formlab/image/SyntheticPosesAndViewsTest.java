package formlab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPosesAndViewsTest {

    @TempDir
    Path temp;

    @Test
    void syntheticDatasetIsAValidSeededFolderPerClassDataset() throws Exception {
        Path a = SyntheticPoses.writeDataset(temp.resolve("a"), 4, 48, 3);
        Path b = SyntheticPoses.writeDataset(temp.resolve("b"), 4, 48, 3);
        ImageFolderScan scan = ImageFolderReader.read(a);
        assertEquals(SyntheticPoses.CLASSES.stream().sorted().toList(), scan.classes());
        assertEquals(20, scan.images().size());
        assertTrue(scan.skipped().isEmpty(), scan.skipped().toString());
        assertArrayEquals(Files.readAllBytes(a.resolve("tree (synthetic)/figure-002.png")),
                Files.readAllBytes(b.resolve("tree (synthetic)/figure-002.png")), "same seed, same bytes");
        assertTrue(scan.classes().stream().allMatch(c -> c.endsWith("(synthetic)")));
    }

    @Test
    void posesDifferInShape() {
        // Mean of many renders per pose: the poses' silhouettes must differ clearly from each other.
        int size = 32;
        double[][] means = new double[SyntheticPoses.CLASSES.size()][size * size];
        Random random = new Random(1);
        for (int pose = 0; pose < means.length; pose++) {
            for (int n = 0; n < 40; n++) {
                BufferedImage image = SyntheticPoses.render(pose, size, random);
                for (int i = 0; i < size * size; i++) {
                    means[pose][i] += (image.getRGB(i % size, i / size) & 0xFF) / 40.0;
                }
            }
        }
        for (int p = 0; p < means.length; p++) {
            for (int q = p + 1; q < means.length; q++) {
                double distance = 0;
                for (int i = 0; i < size * size; i++) {
                    distance += Math.abs(means[p][i] - means[q][i]);
                }
                assertTrue(distance / (size * size) > 2, SyntheticPoses.CLASSES.get(p) + " vs " + SyntheticPoses.CLASSES.get(q));
            }
        }
    }

    @Test
    void viewsRenderGridsAndTables() throws Exception {
        Path folder = SyntheticPoses.writeDataset(temp.resolve("v"), 5, 48, 3);
        ImageFolderScan scan = ImageFolderReader.read(folder);
        BufferedImage grid = ImageViews.samplesPerClass(scan, 3, 64, 1);
        // 5 rows of 3 cells of 64 px plus captions and gaps.
        assertEquals(6 + 3 * 70, grid.getWidth());
        assertEquals(6 + 5 * (64 + 26 + 6), grid.getHeight());
        assertEquals(List.of("PNG"), ImageViews.formatTable(scan).stringColumn("format").asList());
        assertEquals(0, ImageViews.skippedByReason(scan).rowCount());
        SplitManifest manifest = SplitManifest.create(scan, SplitRatios.DEFAULT, 1);
        PreparedImages prepared = PreparedImages.load(folder, manifest, new Preprocessing(32, Normalization.UNIT));
        BufferedImage augmented = ImageViews.augmentations(prepared, 2, 3, Augmentation.STANDARD, 5);
        assertEquals(6 + 4 * 70, augmented.getWidth());
        assertTrue(ImageGrid.render(List.of(), 3, 32).getWidth() > 0);
    }

    @Test
    void openKeepsAStableSubsetAndStoresTheSplit() throws Exception {
        Path folder = SyntheticPoses.writeDataset(temp.resolve("d"), 8, 48, 3);
        Path manifestFile = temp.resolve("interim/d/split.json");
        ImageDataset dataset = ImageDataset.open(folder, manifestFile, SplitRatios.DEFAULT, 9, 5, false);
        assertEquals(25, dataset.manifest().entries().size());
        assertTrue(Files.exists(manifestFile));
        assertTrue(dataset.origin().summary().contains("smoke subset of 5 per class"), dataset.origin().summary());
        assertTrue(dataset.origin().toHtml().contains("SYNTHETIC"));
        assertEquals(dataset.manifest(), ImageDataset.open(folder, manifestFile, SplitRatios.DEFAULT, 9, 5, false).manifest());
        assertEquals(25, dataset.imagesPerSplit().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(5 * 5, dataset.prepare(32).images().size());
    }
}
