package formlab.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One image and its successive halvings, each drawn once, when first asked for: the steps
 * {@link Letterbox#resize} goes through before its last bilinear step. Several views of one photo
 * (the person detector's whole-image crop, the landmark model's crop of the person) then share the
 * costly first halvings of a large photo instead of each drawing them again, with exactly the same
 * pixels. Safe to use from several threads.
 */
public final class Halvings {

    private final BufferedImage given;
    private final List<BufferedImage> levels = new ArrayList<>();

    /** The halvings of {@code image} (converted to {@link BufferedImage#TYPE_INT_RGB} as {@link Letterbox#resize} does). */
    public Halvings(BufferedImage image) {
        this.given = java.util.Objects.requireNonNull(image, "image");
    }

    /** The image as given. */
    public BufferedImage given() {
        return given;
    }

    /** The image converted to {@link BufferedImage#TYPE_INT_RGB} (the same object when it already was). */
    public BufferedImage original() {
        return halved(0);
    }

    /**
     * The image halved {@code times} times (each side divided by 2, rounded down, at each step).
     *
     * @throws IllegalArgumentException when {@code times} is negative or a side would fall below 1 pixel
     */
    public synchronized BufferedImage halved(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be at least 0, got " + times);
        }
        if (levels.isEmpty()) {
            levels.add(ImageDecoder.toRgb(given));
        }
        while (levels.size() <= times) {
            BufferedImage last = levels.getLast();
            if (last.getWidth() < 2 || last.getHeight() < 2) {
                throw new IllegalArgumentException("a " + given.getWidth() + " x " + given.getHeight()
                        + " image cannot be halved " + times + " times");
            }
            levels.add(Letterbox.draw(last, last.getWidth() / 2, last.getHeight() / 2));
        }
        return levels.get(times);
    }
}
