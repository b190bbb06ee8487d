package formlab.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Turns images into network input: letterbox into a square, optionally augment, scale to [0, 1]
 * and standardise per channel into a CHW float array (channels R, G, B).
 *
 * <p>Images are first letterboxed to a <em>source</em> square a quarter larger than the input
 * ({@link #sourceSize()}), which is what {@link PreparedImages} keeps in memory. Every tensor, with
 * or without augmentation, is then drawn from the source by one affine transform (zoom, shift,
 * rotation, flip) with bilinear sampling, so training, evaluation and inference resample the same
 * way and random crops keep detail.
 *
 * @param size          side of the square network input in pixels (e.g. 64 or 96)
 * @param normalization per-channel statistics
 */
public record Preprocessing(int size, Normalization normalization) {

    public Preprocessing {
        if (size < 8) {
            throw new IllegalArgumentException("input size must be at least 8 px, got " + size);
        }
    }

    /** Side of the letterboxed source square: the input size plus a quarter. */
    public int sourceSize() {
        return size + size / 4;
    }

    /** Number of floats in one tensor: 3 x size x size. */
    public int tensorLength() {
        return 3 * size * size;
    }

    /** The same preprocessing with other statistics. */
    public Preprocessing withNormalization(Normalization other) {
        return new Preprocessing(size, other);
    }

    /** {@code image} (any size and shape) letterboxed into the source square. */
    public BufferedImage source(BufferedImage image) {
        return Letterbox.apply(image, sourceSize());
    }

    /** The network input for any image, without augmentation (inference). */
    public float[] tensor(BufferedImage image) {
        BufferedImage source = image.getWidth() == sourceSize() && image.getHeight() == sourceSize() ? image : source(image);
        return tensor(source, Augmentation.NONE, null);
    }

    /**
     * The network input drawn from a source square (see {@link #source}) with random {@code augmentation}.
     *
     * @param random draws the augmentation; may be null when {@code augmentation} is {@link Augmentation#NONE}
     */
    public float[] tensor(BufferedImage source, Augmentation augmentation, Random random) {
        float[] out = new float[tensorLength()];
        writeTensor(source, augmentation, random, out, 0);
        return out;
    }

    /** As {@link #tensor(BufferedImage, Augmentation, Random)}, writing into {@code out} from {@code offset}. */
    public void writeTensor(BufferedImage source, Augmentation augmentation, Random random, float[] out, int offset) {
        BufferedImage input = render(source, augmentation, random);
        int pixels = size * size;
        int[] argb = input.getRGB(0, 0, size, size, null, 0, size);
        float[] rgb = new float[3 * pixels];
        for (int i = 0; i < pixels; i++) {
            rgb[i] = ((argb[i] >> 16) & 0xFF) / 255f;
            rgb[pixels + i] = ((argb[i] >> 8) & 0xFF) / 255f;
            rgb[2 * pixels + i] = (argb[i] & 0xFF) / 255f;
        }
        if (!augmentation.changesNothing() && (augmentation.brightness() > 0 || augmentation.contrast() > 0
                || augmentation.saturation() > 0)) {
            jitter(rgb, pixels, augmentation, random);
        }
        float[] mean = normalization.mean();
        float[] std = normalization.std();
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float inv = 1f / std[c];
            for (int i = 0; i < pixels; i++) {
                out[offset + c * pixels + i] = (rgb[c * pixels + i] - m) * inv;
            }
        }
    }

    /**
     * The input-size image drawn from a source square with the geometric part of
     * {@code augmentation} (colour jitter is applied to tensors only). Useful to show what the
     * network sees.
     */
    public BufferedImage render(BufferedImage source, Augmentation augmentation, Random random) {
        if (source.getWidth() != sourceSize() || source.getHeight() != sourceSize()) {
            throw new IllegalArgumentException("expected a " + sourceSize() + " px source square (see source()), got "
                    + source.getWidth() + "x" + source.getHeight());
        }
        double zoom = 1;
        double dx = 0;
        double dy = 0;
        double angle = 0;
        boolean flip = false;
        if (!augmentation.changesNothing()) {
            if (augmentation.minCropFraction() < 1) {
                zoom = 1 / uniform(random, augmentation.minCropFraction(), 1);
                double slack = (zoom - 1) * size / 2;
                dx = uniform(random, -slack, slack);
                dy = uniform(random, -slack, slack);
            }
            angle = Math.toRadians(uniform(random, -augmentation.maxRotationDegrees(), augmentation.maxRotationDegrees()));
            flip = augmentation.horizontalFlip() && random.nextBoolean();
        }
        double scale = zoom * size / sourceSize();
        AffineTransform transform = new AffineTransform();
        transform.translate(size / 2.0 + dx, size / 2.0 + dy);
        transform.rotate(angle);
        transform.scale(flip ? -scale : scale, scale);
        transform.translate(-sourceSize() / 2.0, -sourceSize() / 2.0);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Letterbox.DEFAULT_FILL);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Brightness, saturation and contrast changes on planar RGB in [0, 1], clamped back to [0, 1]. */
    private static void jitter(float[] rgb, int pixels, Augmentation augmentation, Random random) {
        float brightness = (float) uniform(random, 1 - augmentation.brightness(), 1 + augmentation.brightness());
        float saturation = (float) uniform(random, 1 - augmentation.saturation(), 1 + augmentation.saturation());
        float contrast = (float) uniform(random, 1 - augmentation.contrast(), 1 + augmentation.contrast());
        double greySum = 0;
        for (int i = 0; i < pixels; i++) {
            float r = rgb[i] * brightness;
            float g = rgb[pixels + i] * brightness;
            float b = rgb[2 * pixels + i] * brightness;
            float grey = 0.299f * r + 0.587f * g + 0.114f * b;
            rgb[i] = grey + (r - grey) * saturation;
            rgb[pixels + i] = grey + (g - grey) * saturation;
            rgb[2 * pixels + i] = grey + (b - grey) * saturation;
            greySum += grey;
        }
        float mean = (float) (greySum / pixels);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = Math.min(1f, Math.max(0f, mean + (rgb[i] - mean) * contrast));
        }
    }

    private static double uniform(Random random, double low, double high) {
        return high <= low ? low : low + (high - low) * random.nextDouble();
    }
}
