package formlab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalvingsTest {

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void sharedHalvingsGiveTheSamePixelsAsFreshResizesAndAreDrawnOnce() {
        BufferedImage photo = noise(333, 250, 1);
        Halvings shared = new Halvings(photo);
        for (int[] size : new int[][] {{100, 75}, {41, 30}, {166, 125}, {333, 250}, {20, 200}}) {
            BufferedImage fresh = Letterbox.resize(photo, size[0], size[1]);
            BufferedImage fromShared = Letterbox.resize(shared, size[0], size[1]);
            assertEquals(size[0], fromShared.getWidth());
            assertEquals(size[1], fromShared.getHeight());
            assertArrayEquals(pixels(fresh), pixels(fromShared), size[0] + " x " + size[1]);
        }
        assertEquals(166, shared.halved(1).getWidth());
        assertEquals(41, shared.halved(3).getWidth(), "333 / 2 / 2 / 2, rounded down at each step");
        assertSame(shared.halved(2), shared.halved(2), "each halving is drawn once");
        assertSame(photo, shared.given());
        assertEquals(BufferedImage.TYPE_INT_RGB, shared.original().getType());
    }

    @Test
    void refusesToHalveBelowOnePixel() {
        Halvings small = new Halvings(noise(5, 3, 2));
        assertEquals(1, small.halved(1).getHeight());
        assertThrows(IllegalArgumentException.class, () -> small.halved(2));
        assertThrows(IllegalArgumentException.class, () -> small.halved(-1));
    }
}
