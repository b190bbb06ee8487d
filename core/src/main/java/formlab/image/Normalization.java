package formlab.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Per-channel standardisation of RGB pixels scaled to [0, 1]: {@code (x - mean[c]) / std[c]}.
 * Statistics are either fitted on the training split only ({@link #fit}) or fixed
 * ({@link #IMAGENET}, {@link #UNIT}); fitting on all images would let test pixels shape training.
 *
 * @param mean per-channel mean (R, G, B) of pixels in [0, 1]
 * @param std  per-channel standard deviation, each above zero
 */
public record Normalization(float[] mean, float[] std) {

    /** The statistics of ImageNet photos, the usual fixed choice. */
    public static final Normalization IMAGENET = new Normalization(new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});

    /** Centre on 0.5 and scale to [-1, 1]: no statistics at all. */
    public static final Normalization UNIT = new Normalization(new float[] {0.5f, 0.5f, 0.5f},
            new float[] {0.5f, 0.5f, 0.5f});

    public Normalization {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 channels (R, G, B)");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and standard deviation of every pixel of {@code images}, per channel. */
    public static Normalization fit(List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a normalisation on no images");
        }
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        long count = 0;
        for (BufferedImage image : images) {
            int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            for (int pixel : argb) {
                for (int c = 0; c < 3; c++) {
                    double v = ((pixel >> (16 - 8 * c)) & 0xFF) / 255.0;
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
            }
            count += argb.length;
        }
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            double m = sum[c] / count;
            mean[c] = (float) m;
            std[c] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[c] / count - m * m)));
        }
        return new Normalization(mean, std);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
