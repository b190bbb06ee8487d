package formlab.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.ProjectPaths;
import formlab.features.pose.PoseFeatureExtractor;
import formlab.image.ImageFolderReader;
import formlab.pose.io.ExerciseCorrectionReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pools of landmark frames and of photos, exported as Label Studio rounds with their pictures. */
class PoolsTest {

    @TempDir
    Path dir;

    @Test
    void landmarkFramesBecomeItemsWithFeaturesAndSkeletonPictures() throws Exception {
        Path squat = ProjectPaths.locate().external().resolve("exercise-correction-sample/squat_model/test.csv");
        var sequence = new ExerciseCorrectionReader().read(squat).sequence();
        PoseFeatureExtractor extractor = PoseFeatureExtractor.perFrame();
        PoseFramePool frames = PoseFramePool.of(List.of(sequence), extractor, 50);
        assertEquals((sequence.size() + 49) / 50, frames.pool().size());
        PoolItem first = frames.pool().items().getFirst();
        assertEquals(ItemKind.POSE_FRAME, first.kind());
        assertEquals(extractor.names().size(), first.features().length);
        assertTrue(first.id().endsWith("#0"), first.id());

        Path root = dir.resolve("data");
        ExportedRound round = LabelStudioExport.write(root.resolve("squat/round-1"), root, "squat-phase", 1, List.of("down", "up"),
                "none", "random", LabellingRound.tasks(java.util.Optional.empty(), QueryStrategy.random(), Uncertainty.MARGIN,
                        frames.pool(), new double[0][], 4, 1), frames.pictures());
        assertEquals(4, round.items().size());
        BufferedImage picture = ImageIO.read(root.resolve(round.items().getFirst().image().substring(LabelStudioFormat.LOCAL_FILES.length())).toFile());
        assertEquals(480, picture.getWidth());
    }

    @Test
    void photosAreReferencedWhereTheyAreAndNearCopiesShareAGroup() throws Exception {
        Path images = dir.resolve("data/photos");
        for (String label : List.of("Tree Pose", "warrior")) {
            Files.createDirectories(images.resolve(label));
            for (int i = 0; i < 3; i++) {
                BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < 96; x++) {
                    for (int y = 0; y < 96; y++) {
                        int v = label.equals("warrior") ? (x * (i + 2) + y * 3) % 256 : ((x / (8 + i)) % 2) * 200 + y / (2 + i);
                        image.setRGB(x, y, Math.min(255, v) * 0x010101);
                    }
                }
                ImageIO.write(image, "png", images.resolve(label).resolve("p" + i + ".png").toFile());
            }
        }
        // A resized copy of one photo: a near-duplicate that should share its group.
        BufferedImage original = ImageIO.read(images.resolve("warrior/p0.png").toFile());
        BufferedImage copy = new BufferedImage(90, 90, BufferedImage.TYPE_INT_RGB);
        copy.createGraphics().drawImage(original, 0, 0, 90, 90, null);
        ImageIO.write(copy, "png", images.resolve("warrior/p0-small.png").toFile());

        UnlabelledPool pool = ImagePool.of(ImageFolderReader.read(images));
        assertEquals(7, pool.size());
        PoolItem tree = pool.items().stream().filter(i -> i.id().startsWith("Tree_Pose/")).findFirst().orElseThrow();
        assertEquals(ItemKind.IMAGE, tree.kind());
        assertTrue(Files.isRegularFile(Path.of(tree.reference())));
        var groups = pool.items().stream().collect(Collectors.groupingBy(PoolItem::group, Collectors.counting()));
        assertEquals(pool.get("warrior/p0.png").orElseThrow().group(), pool.get("warrior/p0-small.png").orElseThrow().group(), groups.toString());

        Path root = dir.resolve("data");
        ExportedRound round = LabelStudioExport.write(root.resolve("yoga/round-1"), root, "yoga", 1, List.of("Tree Pose", "warrior"),
                "none", "random", LabellingRound.tasks(java.util.Optional.empty(), QueryStrategy.random(), Uncertainty.MARGIN,
                        pool, new double[0][], 3, 2), item -> { throw new AssertionError("photos need no drawing"); });
        assertTrue(round.items().stream().allMatch(i -> i.image().startsWith(LabelStudioFormat.LOCAL_FILES + "photos/")), round.items().toString());
    }
}
