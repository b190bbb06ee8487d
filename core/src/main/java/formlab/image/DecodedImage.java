package formlab.image;

import java.awt.image.BufferedImage;

/**
 * An image decoded from a file, with what was learnt about the file on the way.
 *
 * @param image  the pixels as {@link BufferedImage#TYPE_INT_RGB} (transparency composited on white)
 * @param format the format found in the content (may disagree with the extension)
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param bytes  file size in bytes
 */
public record DecodedImage(BufferedImage image, ImageFormat format, String sha256, long bytes) {

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }
}
