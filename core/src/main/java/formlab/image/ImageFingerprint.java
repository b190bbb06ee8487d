package formlab.image;

import java.awt.Image;
import java.awt.image.BufferedImage;

/**
 * A 64-bit perceptual fingerprint (difference hash) of an image: the image is shrunk to 9x8 grey
 * pixels and each bit says whether a pixel is brighter than its right neighbour. Re-encoded,
 * resized or re-watermarked copies of one photo get fingerprints a few bits apart, which byte
 * hashes cannot see. Web-scraped datasets are full of such copies (the yoga folder has ~100 pairs);
 * splitting them apart would leak test images into training.
 */
public final class ImageFingerprint {

    /** Default largest Hamming distance at which two fingerprints count as the same photo. */
    public static final int DEFAULT_MAX_DISTANCE = 3;

    private ImageFingerprint() {
    }

    /** The difference hash of {@code image}. */
    public static long of(BufferedImage image) {
        BufferedImage small = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
        // Area averaging looks at every source pixel, so the hash does not depend on resampling luck.
        Image scaled = image.getScaledInstance(9, 8, Image.SCALE_AREA_AVERAGING);
        var g = small.createGraphics();
        try {
            g.drawImage(scaled, 0, 0, null);
        } finally {
            g.dispose();
        }
        var raster = small.getRaster();
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash = (hash << 1) | (raster.getSample(x, y, 0) > raster.getSample(x + 1, y, 0) ? 1 : 0);
            }
        }
        return hash;
    }

    /** Number of differing bits between two fingerprints (0 = same picture at this resolution). */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
