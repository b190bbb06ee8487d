package formlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @TempDir
    Path dir;

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void webpNamedJpgIsDecodedByItsContent() {
        Path file = TestImages.writeBytes(dir, "warrior.jpg", TestImages.fixture("quadrants-webp-named.jpg"));

        DecodedImage image = decoder.decode(file);

        assertEquals(ImageFormat.WEBP, image.format());
        assertEquals(48, image.width());
        assertEquals(32, image.height());
        assertFalse(image.damaged(), image.damage().toString());
        // lossy VP8: colours within a few levels of the source quadrants
        assertClose(new Color(0xDC1E1E), image.image().getRGB(36, 8));
        assertClose(new Color(0x1EB41E), image.image().getRGB(12, 24));
        assertClose(new Color(0x1E1EDC), image.image().getRGB(36, 24));
    }

    @Test
    void losslessWebpKeepsExactColoursAndTransparencyBecomesWhite() {
        DecodedImage image = decoder.decode(TestImages.fixture("quadrants-lossless.webp"), Path.of("quadrants.webp"));

        assertEquals(ImageFormat.WEBP, image.format());
        assertEquals(BufferedImage.TYPE_INT_RGB, image.image().getType());
        assertEquals(0xFFFFFF, image.image().getRGB(5, 5) & 0xFFFFFF, "transparent quadrant composited on white");
        assertEquals(0xDC1E1E, image.image().getRGB(40, 5) & 0xFFFFFF);
        assertEquals(0x1EB41E, image.image().getRGB(5, 28) & 0xFFFFFF);
        assertEquals(0x1E1EDC, image.image().getRGB(40, 28) & 0xFFFFFF);
    }

    @Test
    void cmykJpegKeepsItsColours() {
        DecodedImage image = decoder.decode(TestImages.fixture("quadrants-cmyk.jpg"), Path.of("quadrants-cmyk.jpg"));

        assertEquals(ImageFormat.JPEG, image.format());
        assertFalse(image.damaged());
        // The JDK's own reader gives #EF6161 for this red: CMYK read as if it were RGB-ish.
        assertClose(new Color(0xDC1E1E), image.image().getRGB(36, 8));
        assertClose(new Color(0x1EB41E), image.image().getRGB(12, 24));
        assertClose(new Color(0x1E1EDC), image.image().getRGB(36, 24));
        assertClose(Color.WHITE, image.image().getRGB(12, 8));
    }

    @Test
    void truncatedJpegKeepsItsTopAndWarnsNamingTheFile() {
        BufferedImage source = TestImages.image(160, 120, Color.ORANGE, 11);
        byte[] jpeg = TestImages.encode(source, "jpeg");
        Path file = TestImages.writeBytes(dir, "cut-photo.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10));
        BufferedImage intact = decoder.decode(TestImages.writeBytes(dir, "whole.jpg", jpeg)).image();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        DecodedImage cut;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            cut = decoder.decode(file);
        } finally {
            System.setErr(err);
        }

        assertEquals(160, cut.width());
        assertEquals(120, cut.height());
        assertTrue(cut.damaged());
        assertTrue(cut.damage().stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end")), cut.damage().toString());
        // The rows the file still holds decode exactly as in the whole file; the rest is the reader's grey.
        int intactRows = firstDifferingRow(intact, cut.image());
        assertFalse(decoder.decode(TestImages.writeBytes(dir, "whole-again.jpg", jpeg)).damaged());
        assertTrue(intactRows >= 120 / 4, "only " + intactRows + " rows intact of 120 with 60% of the bytes");
        assertTrue(intactRows < 120, "the cut file cannot decode every row");
        assertEquals(0x808080, cut.image().getRGB(80, 119) & 0xFFFFFF, "missing rows are filled grey");
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("WARN") && logged.contains(file.toString()) && logged.contains("damaged JPEG"), logged);
    }

    @Test
    void jpegCutInsideItsHeaderIsACorruptErrorNamingTheFile() {
        byte[] jpeg = TestImages.encode(TestImages.image(64, 64, Color.RED, 6), "jpeg");
        Path file = TestImages.writeBytes(dir, "stub.jpg", Arrays.copyOf(jpeg, 120));

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(file));

        assertEquals(ImageDecodeException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().startsWith(file + ": corrupt JPEG data"), e.getMessage());
    }

    @Test
    void fileThatIsNotAnImageIsAClearErrorNamingTheFile() {
        Path file = TestImages.writeBytes(dir, "photo.jpg", "<html><body>403 Forbidden</body></html>".getBytes(StandardCharsets.UTF_8));

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(file));

        assertEquals(ImageDecodeException.Problem.NOT_AN_IMAGE, e.problem());
        assertTrue(e.getMessage().startsWith(file + ": not an image"), e.getMessage());
        assertTrue(e.getMessage().contains("3c 68 74 6d 6c") && e.getMessage().contains("WebP"), e.getMessage());
    }

    @Test
    void oneMinimumSideForFilesAndInMemoryImages() {
        Path pixel = TestImages.write(dir, "pixel.png", TestImages.image(1, 1, Color.RED, 7), "png");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(pixel));
        assertEquals(ImageDecodeException.Problem.TOO_SMALL, e.problem());
        assertTrue(e.getMessage().contains("1x1 px") && e.getMessage().contains("at least " + ImageDecoder.DEFAULT_MIN_SIDE + " px"),
                e.getMessage());

        IllegalArgumentException inMemory = assertThrows(IllegalArgumentException.class,
                () -> ImageDecoder.requireMinSide(new BufferedImage(500, 3, BufferedImage.TYPE_INT_RGB)));
        assertTrue(inMemory.getMessage().contains("500x3 px") && inMemory.getMessage().contains("at least 16 px"),
                inMemory.getMessage());
        int side = ImageDecoder.DEFAULT_MIN_SIDE;
        ImageDecoder.requireMinSide(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB));
        assertEquals(side, decoder.decode(TestImages.write(dir, "edge.png", TestImages.image(side, 40, Color.RED, 8), "png")).width());
    }

    private static int firstDifferingRow(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return y;
                }
            }
        }
        return a.getHeight();
    }

    private static void assertClose(Color expected, int rgb) {
        Color actual = new Color(rgb);
        int diff = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(diff <= 24, "expected about " + expected + ", got " + actual);
    }
}
