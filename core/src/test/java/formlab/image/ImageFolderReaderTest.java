package formlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import formlab.data.DataSettings;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path root;

    private SkippedFile skipped(ImageFolderScan scan, String path) {
        return scan.skipped().stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not skipped: " + scan.skipped()));
    }

    @Test
    void readsFilesByContentNotByExtension() {
        TestImages.fill(root.resolve("Tree Pose"), "t", 3, Color.GREEN, 1);
        TestImages.fill(root.resolve("WARRIOR"), "w", 3, Color.RED, 2);
        TestImages.write(root.resolve("Tree Pose"), "png-named.jpg", TestImages.image(50, 60, Color.BLUE, 3), "png");
        TestImages.write(root.resolve("WARRIOR"), "jpeg-named.bmp", TestImages.image(70, 40, Color.CYAN, 4), "jpeg");
        TestImages.writeBytes(root, "README.md", "not a class".getBytes(StandardCharsets.UTF_8));

        ImageFolderScan scan = ImageFolderReader.read(root);

        assertEquals(List.of("Tree Pose", "WARRIOR"), scan.classes());
        assertEquals(Map.of("Tree Pose", 4, "WARRIOR", 4), scan.countsByClass());
        assertTrue(scan.skipped().isEmpty(), scan.skipped().toString());
        ImageEntry png = scan.images().stream().filter(e -> e.path().equals("Tree Pose/png-named.jpg")).findFirst().orElseThrow();
        assertEquals(ImageFormat.PNG, png.format());
        assertEquals(50, png.width());
        assertEquals(60, png.height());
        assertTrue(png.extensionMismatch());
        ImageEntry bmp = scan.images().stream().filter(e -> e.path().equals("WARRIOR/jpeg-named.bmp")).findFirst().orElseThrow();
        assertEquals(ImageFormat.JPEG, bmp.format());
        assertTrue(bmp.extensionMismatch());
        assertFalse(scan.images().stream().filter(e -> e.path().endsWith("t0.jpg")).findFirst().orElseThrow().extensionMismatch());
        assertEquals(8, scan.imagesTable().rowCount());
    }

    @Test
    void skipsBadFilesWithReasonsInsteadOfFailing() throws Exception {
        Path a = root.resolve("a");
        TestImages.fill(a, "ok", 2, Color.GREEN, 1);
        TestImages.fill(root.resolve("b"), "ok", 2, Color.RED, 2);
        TestImages.writeBytes(a, "webp-header-only.jpg", TestImages.webp());
        TestImages.writeBytes(a, "notes.jpg", "<html>404 Not Found</html>".getBytes(StandardCharsets.UTF_8));
        TestImages.writeBytes(a, "empty.png", new byte[0]);
        byte[] png = TestImages.encode(TestImages.image(30, 30, Color.RED, 5), "png");
        byte[] brokenPng = Arrays.copyOf(png, 40);
        TestImages.writeBytes(a, "broken.png", brokenPng);
        byte[] jpeg = TestImages.encode(TestImages.image(64, 64, Color.RED, 6), "jpeg");
        TestImages.writeBytes(a, "jpeg-header-only.jpg", Arrays.copyOf(jpeg, 120));
        TestImages.write(a, "pixel.png", TestImages.image(1, 1, Color.RED, 7), "png");

        ImageFolderScan scan = ImageFolderReader.read(root);

        assertEquals(4, scan.images().size());
        assertEquals(SkipReason.CORRUPT, skipped(scan, "a/webp-header-only.jpg").reason());
        assertTrue(skipped(scan, "a/webp-header-only.jpg").detail().contains("corrupt WEBP data"),
                skipped(scan, "a/webp-header-only.jpg").detail());
        assertEquals(SkipReason.NOT_AN_IMAGE, skipped(scan, "a/notes.jpg").reason());
        assertTrue(skipped(scan, "a/notes.jpg").detail().contains("3c 68 74 6d"), skipped(scan, "a/notes.jpg").detail());
        assertEquals(SkipReason.NOT_AN_IMAGE, skipped(scan, "a/empty.png").reason());
        assertEquals(SkipReason.CORRUPT, skipped(scan, "a/broken.png").reason());
        assertEquals(SkipReason.CORRUPT, skipped(scan, "a/jpeg-header-only.jpg").reason());
        assertEquals(SkipReason.TOO_SMALL, skipped(scan, "a/pixel.png").reason());
        assertTrue(skipped(scan, "a/pixel.png").detail().contains("1x1 px"));
        assertEquals(6, scan.skippedTable().rowCount());
        assertTrue(scan.damaged().isEmpty(), scan.damaged().toString());
    }

    @Test
    void readsWebpAndKeepsTruncatedJpegsListedAsDamaged() {
        TestImages.fill(root.resolve("a"), "ok", 2, Color.GREEN, 1);
        TestImages.fill(root.resolve("b"), "ok", 2, Color.RED, 2);
        TestImages.writeBytes(root.resolve("a"), "webp-named.jpg", TestImages.fixture("quadrants-webp-named.jpg"));
        byte[] jpeg = TestImages.encode(TestImages.image(96, 80, Color.BLUE, 6), "jpeg");
        TestImages.writeBytes(root.resolve("b"), "truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

        ImageFolderScan scan = ImageFolderReader.read(root);

        assertEquals(Map.of("a", 3, "b", 3), scan.countsByClass());
        assertTrue(scan.skipped().isEmpty(), scan.skipped().toString());
        ImageEntry webp = scan.images().stream().filter(e -> e.path().equals("a/webp-named.jpg")).findFirst().orElseThrow();
        assertEquals(ImageFormat.WEBP, webp.format());
        assertTrue(webp.extensionMismatch());
        assertEquals(List.of("b/truncated.jpg"), scan.damaged().stream().map(DamagedImage::path).toList());
        assertTrue(scan.damaged().getFirst().detail().toLowerCase(java.util.Locale.ROOT).contains("premature end"),
                scan.damaged().getFirst().detail());
        assertTrue(scan.summary().contains("1 damaged images kept"), scan.summary());
        assertEquals(1, scan.damagedTable().rowCount());
    }

    @Test
    void smallMinimumSideAcceptsTinyImages() {
        TestImages.fill(root.resolve("a"), "ok", 1, Color.GREEN, 1);
        TestImages.write(root.resolve("b"), "pixel.png", TestImages.image(1, 1, Color.RED, 7), "png");
        ImageFolderScan scan = new ImageFolderReader(new ImageDecoder(1, 1_000_000)).scan(root);
        assertEquals(2, scan.images().size());
    }

    @Test
    void keepsOneCopyOfDuplicatesAndDropsConflictingLabels() {
        byte[] same = TestImages.encode(TestImages.image(40, 40, Color.GREEN, 9), "jpeg");
        byte[] both = TestImages.encode(TestImages.image(40, 40, Color.MAGENTA, 10), "jpeg");
        TestImages.fill(root.resolve("a"), "ok", 2, Color.GREEN, 1);
        TestImages.fill(root.resolve("b"), "ok", 2, Color.RED, 2);
        TestImages.writeBytes(root.resolve("a"), "copy1.jpg", same);
        TestImages.writeBytes(root.resolve("a"), "copy2.jpg", same);
        TestImages.writeBytes(root.resolve("a"), "x.jpg", both);
        TestImages.writeBytes(root.resolve("b"), "y.jpg", both);

        ImageFolderScan scan = ImageFolderReader.read(root);

        assertEquals(Map.of("a", 3, "b", 2), scan.countsByClass());
        assertEquals(SkipReason.DUPLICATE, skipped(scan, "a/copy2.jpg").reason());
        assertTrue(skipped(scan, "a/copy2.jpg").detail().contains("a/copy1.jpg"));
        assertEquals(SkipReason.CONFLICTING_LABELS, skipped(scan, "a/x.jpg").reason());
        assertEquals(SkipReason.CONFLICTING_LABELS, skipped(scan, "b/y.jpg").reason());
    }

    @Test
    void emptyClassFolderIsReportedAndNotAClass() throws Exception {
        TestImages.fill(root.resolve("a"), "ok", 2, Color.GREEN, 1);
        TestImages.fill(root.resolve("b"), "ok", 2, Color.RED, 2);
        Files.createDirectories(root.resolve("empty one"));
        TestImages.writeBytes(root.resolve("only junk"), "x.jpg", "junk".getBytes(StandardCharsets.UTF_8));

        ImageFolderScan scan = ImageFolderReader.read(root);

        assertEquals(List.of("a", "b"), scan.classes());
        assertEquals(List.of("empty one", "only junk"), scan.emptyClasses());
        assertTrue(scan.summary().contains("empty one"));
    }

    @Test
    void singleClassIsAClearError() {
        TestImages.fill(root.resolve("BALASANA"), "ok", 3, Color.GREEN, 1);
        ImageDatasetException e = assertThrows(ImageDatasetException.class, () -> ImageFolderReader.read(root));
        assertEquals(ImageDatasetException.Problem.TOO_FEW_CLASSES, e.problem());
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        assertTrue(e.getMessage().contains("BALASANA"), e.getMessage());
    }

    @Test
    void classLeftEmptyByBadFilesCountsAsMissing() throws Exception {
        TestImages.fill(root.resolve("a"), "ok", 2, Color.GREEN, 1);
        TestImages.writeBytes(root.resolve("b"), "only.jpg", TestImages.webp());
        ImageDatasetException e = assertThrows(ImageDatasetException.class, () -> ImageFolderReader.read(root));
        assertEquals(ImageDatasetException.Problem.TOO_FEW_CLASSES, e.problem());
        assertTrue(e.getMessage().contains("without images: [b]"), e.getMessage());
    }

    @Test
    void missingFolderIsAClearError() {
        ImageDatasetException e = assertThrows(ImageDatasetException.class, () -> ImageFolderReader.read(root.resolve("nope")));
        assertEquals(ImageDatasetException.Problem.MISSING_FOLDER, e.problem());
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void realYogaFolderIsReadWithItsTraps() {
        Optional<Path> dataset = DataSettings.dataset("images-yoga-5class");
        assumeTrue(dataset.isPresent(), "FORMLAB_DATA_DIR does not hold images-yoga-5class");

        ImageFolderScan scan = ImageFolderReader.read(dataset.get());

        assertEquals(List.of("Adho Mukha Svanasana", "BALASANA", "UTKATA KONASANA", "VIRABHADRASANA", "VRIKSHASANA"),
                scan.classes());
        ImageEntry bmp = scan.images().stream().filter(e -> e.path().equals("Adho Mukha Svanasana/00000181.bmp"))
                .findFirst().orElseThrow();
        assertEquals(ImageFormat.JPEG, bmp.format());
        assertTrue(scan.images().stream().anyMatch(e -> e.format() == ImageFormat.PNG && e.path().endsWith(".jpg")));
        assertTrue(scan.images().stream().allMatch(e -> Math.min(e.width(), e.height()) >= ImageDecoder.DEFAULT_MIN_SIDE));
        // Byte-identical copies are listed, and every content hash is kept at most once.
        assertTrue(scan.skipped().stream().anyMatch(s -> s.reason() == SkipReason.DUPLICATE));
        assertEquals(scan.images().size(), scan.images().stream().map(ImageEntry::sha256).distinct().count());
        assertTrue(scan.images().size() > 700, scan.summary());
        // JPEGs whose reader warns about quirks (16-bit quantisation tables, stray bytes) lose no pixels: not damaged.
        assertTrue(scan.damaged().size() < 5, scan.damaged().toString());
    }
}
