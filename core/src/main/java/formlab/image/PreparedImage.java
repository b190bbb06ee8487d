package formlab.image;

import java.awt.image.BufferedImage;

/**
 * One image ready for training or evaluation: its manifest entry, its class index and its
 * letterboxed source square ({@link Preprocessing#source}).
 *
 * @param entry  the manifest entry (path, class, split, hash)
 * @param label  index of the class in the dataset's class list
 * @param source letterboxed source square
 */
public record PreparedImage(ManifestEntry entry, int label, BufferedImage source) {
}
