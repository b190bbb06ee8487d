package formlab.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Fits an image of any shape into a square without distorting it: the longer side is scaled to
 * the square's side, the image is centred and the rest is filled with a flat colour. Squashing a
 * wide warrior pose into a square would change the very angles the model must learn.
 *
 * <p>Large reductions go through halving steps (each bilinear) so thin limbs do not alias away,
 * which a single bilinear step from 1000 px to 64 px would do.
 */
public final class Letterbox {

    /** Default fill: mid grey, which normalises to about zero. */
    public static final Color DEFAULT_FILL = new Color(128, 128, 128);

    private Letterbox() {
    }

    /** {@code image} letterboxed into a {@code size} x {@code size} square filled with {@link #DEFAULT_FILL}. */
    public static BufferedImage apply(BufferedImage image, int size) {
        return apply(image, size, DEFAULT_FILL);
    }

    /** {@code image} letterboxed into a {@code size} x {@code size} square filled with {@code fill}. */
    public static BufferedImage apply(BufferedImage image, int size, Color fill) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        double scale = (double) size / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = resize(image, width, height);
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setColor(fill);
            g.fillRect(0, 0, size, size);
            g.drawImage(scaled, (size - width) / 2, (size - height) / 2, null);
        } finally {
            g.dispose();
        }
        return square;
    }

    /** Resizes to exactly {@code width} x {@code height}, halving first while the image is over twice as large. */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        return resize(new Halvings(image), width, height);
    }

    /** As {@link #resize(BufferedImage, int, int)}, taking the halving steps from (and adding them to) {@code halvings}. */
    public static BufferedImage resize(Halvings halvings, int width, int height) {
        int times = 0;
        BufferedImage current = halvings.original();
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = halvings.halved(++times);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return draw(current, width, height);
    }

    static BufferedImage draw(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
