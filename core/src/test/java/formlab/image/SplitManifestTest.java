package formlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitManifestTest {

    @TempDir
    Path temp;

    private Path root;
    private ImageFolderScan scan;

    @BeforeEach
    void makeFolder() {
        root = temp.resolve("poses");
        TestImages.fill(root.resolve("Tree Pose"), "t", 20, Color.GREEN, 1);
        TestImages.fill(root.resolve("WARRIOR"), "w", 10, Color.RED, 2);
        TestImages.fill(root.resolve("child"), "c", 5, Color.BLUE, 3);
        scan = ImageFolderReader.read(root);
    }

    private static Map<String, Map<Split, Long>> counts(SplitManifest manifest) {
        return manifest.entries().stream().collect(Collectors.groupingBy(ManifestEntry::label,
                Collectors.groupingBy(ManifestEntry::split, Collectors.counting())));
    }

    @Test
    void splitIsStratifiedSixtyTwentyTwenty() {
        SplitManifest manifest = SplitManifest.create(scan, SplitRatios.DEFAULT, 7);
        assertEquals(35, manifest.entries().size());
        Map<String, Map<Split, Long>> counts = counts(manifest);
        assertEquals(Map.of(Split.TRAIN, 12L, Split.VALIDATION, 4L, Split.TEST, 4L), counts.get("Tree Pose"));
        assertEquals(Map.of(Split.TRAIN, 6L, Split.VALIDATION, 2L, Split.TEST, 2L), counts.get("WARRIOR"));
        assertEquals(Map.of(Split.TRAIN, 3L, Split.VALIDATION, 1L, Split.TEST, 1L), counts.get("child"));
        assertEquals(4, manifest.countsTable().rowCount());
    }

    @Test
    void sameSeedSameSplitWhateverTheListingOrder() {
        SplitManifest a = SplitManifest.create(scan, SplitRatios.DEFAULT, 7);
        List<ImageEntry> shuffled = new ArrayList<>(scan.images());
        Collections.shuffle(shuffled, new Random(99));
        ImageFolderScan reordered = new ImageFolderScan(root, scan.classes(), shuffled, List.of(), List.of());
        SplitManifest b = SplitManifest.create(reordered, SplitRatios.DEFAULT, 7);
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a.sha256(), b.sha256());
        assertNotEquals(a.toJson(), SplitManifest.create(scan, SplitRatios.DEFAULT, 8).toJson());
    }

    @Test
    void nearDuplicatesStayInOneSplit() {
        // A re-encoded, slightly resized copy of one photo: different bytes, same picture.
        var photo = new java.awt.image.BufferedImage(80, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                int v = (int) (127 + 120 * Math.sin(x / 9.0) * Math.cos(y / 7.0));
                photo.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        TestImages.write(root.resolve("WARRIOR"), "photo.png", photo, "png");
        var resized = new java.awt.image.BufferedImage(72, 54, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = resized.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, 72, 54, null);
        g.dispose();
        TestImages.write(root.resolve("WARRIOR"), "photo-copy.jpg", resized, "jpeg");
        ImageFolderScan withCopy = ImageFolderReader.read(root);
        for (long seed = 0; seed < 20; seed++) {
            Map<String, ManifestEntry> byPath = SplitManifest.create(withCopy, SplitRatios.DEFAULT, seed).entries().stream()
                    .collect(Collectors.toMap(ManifestEntry::path, Function.identity()));
            ManifestEntry original = byPath.get("WARRIOR/photo.png");
            ManifestEntry copy = byPath.get("WARRIOR/photo-copy.jpg");
            assertEquals(original.group(), copy.group());
            assertEquals(original.split(), copy.split(), "seed " + seed);
        }
    }

    @Test
    void writeReadRoundTripIsAtomicAndHashed() throws Exception {
        SplitManifest manifest = SplitManifest.create(scan, SplitRatios.DEFAULT, 7);
        Path file = temp.resolve("out/split-manifest.json");
        String sha = manifest.write(file);
        assertEquals(ImageDecoder.sha256(Files.readAllBytes(file)), sha);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files left");
        }
        SplitManifest read = SplitManifest.read(file);
        assertEquals(manifest, read);
        assertTrue(Files.readString(file).contains("\"path\" : \"Tree Pose/t0.jpg\""));
        read.verify(root);
    }

    @Test
    void loadOrCreateReusesAMatchingManifestAndReplacesAStaleOne() throws Exception {
        Path file = temp.resolve("split.json");
        SplitManifest first = SplitManifest.loadOrCreate(scan, file, SplitRatios.DEFAULT, 7);
        String written = Files.readString(file);
        SplitManifest again = SplitManifest.loadOrCreate(scan, file, SplitRatios.DEFAULT, 7);
        assertEquals(first, again);
        assertEquals(written, Files.readString(file));

        TestImages.write(root.resolve("child"), "new.jpg", TestImages.image(50, 50, Color.BLACK, 77), "jpeg");
        ImageFolderScan grown = ImageFolderReader.read(root);
        SplitManifest fresh = SplitManifest.loadOrCreate(grown, file, SplitRatios.DEFAULT, 7);
        assertEquals(36, fresh.entries().size());
        assertTrue(fresh.describes(grown));
        assertSame(SplitManifest.read(file).entries().size(), 36);
    }

    @Test
    void verifyNamesChangedAndMissingFiles() throws Exception {
        SplitManifest manifest = SplitManifest.create(scan, SplitRatios.DEFAULT, 7);
        Files.write(root.resolve("WARRIOR/w0.jpg"), TestImages.encode(TestImages.image(40, 40, Color.BLACK, 5), "jpeg"));
        Files.delete(root.resolve("child/c1.jpg"));
        ImageDatasetException e = assertThrows(ImageDatasetException.class, () -> manifest.verify(root));
        assertEquals(ImageDatasetException.Problem.MANIFEST_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("WARRIOR/w0.jpg has changed"), e.getMessage());
        assertTrue(e.getMessage().contains("child/c1.jpg is missing"), e.getMessage());
    }

    @Test
    void badManifestsNameFileLineAndField() throws Exception {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\n  \"format\": \"formlab-split-manifest/1\",\n  \"seed\": 1,,\n}", StandardCharsets.UTF_8);
        ImageDatasetException syntax = assertThrows(ImageDatasetException.class, () -> SplitManifest.read(file));
        assertEquals(ImageDatasetException.Problem.BAD_MANIFEST, syntax.problem());
        assertTrue(syntax.getMessage().contains("bad.json: line 3"), syntax.getMessage());

        String good = SplitManifest.create(scan, SplitRatios.DEFAULT, 7).toJson();
        Files.writeString(file, good.replaceFirst("\"split\" : \"train\"", "\"split\" : \"holdout\""));
        ImageDatasetException split = assertThrows(ImageDatasetException.class, () -> SplitManifest.read(file));
        assertTrue(split.getMessage().contains("unknown split 'holdout'"), split.getMessage());

        Files.writeString(file, good.replaceFirst("\"sha256\" : \"[0-9a-f]+\",", ""));
        ImageDatasetException missing = assertThrows(ImageDatasetException.class, () -> SplitManifest.read(file));
        assertTrue(missing.getMessage().contains("needs a text field \"sha256\""), missing.getMessage());
    }
}
