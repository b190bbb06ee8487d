package formlab.image;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An image decoded from a file, with what was learnt about the file on the way.
 *
 * @param image    the pixels as {@link BufferedImage#TYPE_INT_RGB} (transparency composited on white)
 * @param format   the format found in the content (may disagree with the extension)
 * @param sha256   SHA-256 of the file's bytes, lower-case hex
 * @param bytes    file size in bytes
 * @param damage   what the reader said when image data was missing and it filled the rest in (a
 *                 truncated JPEG: "premature end of data segment"); empty when every pixel was decoded
 */
public record DecodedImage(BufferedImage image, ImageFormat format, String sha256, long bytes, List<String> damage) {

    public DecodedImage {
        damage = List.copyOf(damage);
    }

    /** True when image data was missing: the image holds only what the file held, the rest is filled in. */
    public boolean damaged() {
        return !damage.isEmpty();
    }

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }
}
