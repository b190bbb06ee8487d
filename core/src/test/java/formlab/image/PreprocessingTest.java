package formlab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void letterboxKeepsAspectRatioAndPadsWithFill() {
        BufferedImage wide = filled(400, 100, Color.RED);
        BufferedImage square = Letterbox.apply(wide, 64);
        assertEquals(64, square.getWidth());
        assertEquals(64, square.getHeight());
        // 400x100 -> 64x16, centred: rows 24..39 red, the rest grey fill.
        assertEquals(Letterbox.DEFAULT_FILL.getRGB(), square.getRGB(32, 5));
        assertEquals(Letterbox.DEFAULT_FILL.getRGB(), square.getRGB(32, 60));
        assertEquals(Color.RED.getRGB(), square.getRGB(32, 32));
        assertEquals(Color.RED.getRGB(), square.getRGB(1, 30));
    }

    @Test
    void letterboxDownscalesLargePhotosWithoutLosingThinLines() {
        BufferedImage photo = filled(1600, 1200, Color.WHITE);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 600, 1600, 8); // an 8 px "limb", 1/150 of the height
        g.dispose();
        BufferedImage small = Letterbox.apply(photo, 64);
        int darkest = 255;
        for (int y = 0; y < 64; y++) {
            darkest = Math.min(darkest, small.getRGB(32, y) & 0xFF);
        }
        assertTrue(darkest < 235, "the line is still visible after downscaling, darkest " + darkest);
    }

    @Test
    void normalisationIsFittedPerChannel() {
        Normalization n = Normalization.fit(List.of(filled(4, 4, new Color(255, 0, 51)), filled(4, 4, new Color(0, 0, 153))));
        assertArrayEquals(new float[] {0.5f, 0f, 0.4f}, n.mean(), 1e-4f);
        assertEquals(0.5f, n.std()[0], 1e-4f);
        assertEquals(1e-3f, n.std()[1], 1e-6f, "a constant channel gets a floor, not a division by zero");
        assertEquals(0.2f, n.std()[2], 1e-4f);
        assertThrows(IllegalArgumentException.class, () -> Normalization.fit(List.of()));
    }

    @Test
    void tensorIsChwAndStandardised() {
        Preprocessing p = new Preprocessing(16, Normalization.UNIT);
        float[] tensor = p.tensor(filled(30, 30, new Color(255, 0, 128)));
        assertEquals(3 * 16 * 16, tensor.length);
        assertEquals(1f, tensor[0], 1e-5f);               // R plane first: (1 - 0.5) / 0.5
        assertEquals(-1f, tensor[16 * 16], 1e-5f);        // G plane
        assertEquals(0.0039f, tensor[2 * 16 * 16], 1e-3f); // B plane: 128/255
    }

    @Test
    void augmentationIsSeededAndChangesTheImage() {
        Preprocessing p = new Preprocessing(32, Normalization.UNIT);
        BufferedImage source = p.source(TestImages.image(120, 90, Color.ORANGE, 3));
        float[] plain = p.tensor(source, Augmentation.NONE, null);
        float[] a = p.tensor(source, Augmentation.STANDARD, new Random(5));
        float[] b = p.tensor(source, Augmentation.STANDARD, new Random(5));
        float[] c = p.tensor(source, Augmentation.STANDARD, new Random(6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(a, plain));
        for (float v : a) {
            assertTrue(v >= -1f - 1e-5f && v <= 1f + 1e-5f, "jitter is clamped to the pixel range");
        }
    }

    @Test
    void flipMirrorsLeftAndRight() {
        Preprocessing p = new Preprocessing(20, Normalization.UNIT);
        BufferedImage half = filled(25, 25, Color.BLACK);
        Graphics2D g = half.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 12, 25); // white left half
        g.dispose();
        Augmentation flipOnly = new Augmentation(true, 0, 1, 0, 0, 0);
        Random random = new Random(1);
        boolean sawFlip = false;
        boolean sawPlain = false;
        for (int i = 0; i < 20; i++) {
            BufferedImage out = p.render(half, flipOnly, random);
            boolean leftWhite = (out.getRGB(2, 10) & 0xFF) > 200;
            boolean rightWhite = (out.getRGB(17, 10) & 0xFF) > 200;
            assertTrue(leftWhite != rightWhite);
            sawFlip |= rightWhite;
            sawPlain |= leftWhite;
        }
        assertTrue(sawFlip && sawPlain, "about half of the draws flip");
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, 200, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, 10, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(4, Normalization.UNIT));
        Preprocessing p = new Preprocessing(16, Normalization.UNIT);
        assertThrows(IllegalArgumentException.class, () -> p.render(filled(16, 16, Color.RED), Augmentation.NONE, null));
    }
}
