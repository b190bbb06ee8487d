package formlab.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes small realistic test images (noise plus coloured rectangles at seeded places) with ImageIO. */
public final class TestImages {

    private TestImages() {
    }

    /** A width x height RGB image: seeded noise with three filled rectangles in {@code colour}. */
    public static BufferedImage image(int width, int height, Color colour, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 100 + random.nextInt(60);
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        // Shapes at seeded places, so different seeds give perceptually different pictures.
        for (int i = 0; i < 3; i++) {
            int w = Math.max(1, width / 5 + random.nextInt(Math.max(1, width / 3)));
            int h = Math.max(1, height / 5 + random.nextInt(Math.max(1, height / 3)));
            g.fillRect(random.nextInt(Math.max(1, width - w)), random.nextInt(Math.max(1, height - h)), w, h);
        }
        g.dispose();
        return image;
    }

    /** The image encoded in {@code format} ("jpeg", "png", "bmp"). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code image} as {@code format} to {@code folder/name} (whatever the name's extension says). */
    public static Path write(Path folder, String name, BufferedImage image, String format) {
        return writeBytes(folder, name, encode(image, format));
    }

    /** Writes raw bytes to {@code folder/name}, creating the folder. */
    public static Path writeBytes(Path folder, String name, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A RIFF/WEBP header with a few payload bytes: what a WebP file named .jpg starts with. */
    public static byte[] webp() {
        byte[] bytes = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        bytes[4] = 56;
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    /**
     * The bytes of a test fixture under {@code src/test/resources/formlab/image/} (see the README there
     * for how each was made).
     */
    public static byte[] fixture(String name) {
        try (var in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture formlab/image/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} distinct JPEGs named {@code <prefix>N.jpg} into {@code folder}. */
    public static void fill(Path folder, String prefix, int count, Color colour, long seed) {
        for (int i = 0; i < count; i++) {
            write(folder, prefix + i + ".jpg", image(40 + i % 7, 48 + i % 5, colour, seed * 1000 + i), "jpeg");
        }
    }
}
