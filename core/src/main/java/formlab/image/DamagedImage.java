package formlab.image;

/**
 * An image of an image folder that is in the dataset although its data is damaged: the reader got
 * through it (a truncated JPEG), so the image holds what the file holds and the rest is filled in
 * by the reader (grey rows at the bottom of a cut JPEG).
 *
 * @param path   path relative to the dataset root, {@code /} separators
 * @param label  the class folder it was found in
 * @param detail the reader's warnings, in words
 */
public record DamagedImage(String path, String label, String detail) {

    /** One line: path and what the reader said. */
    @Override
    public String toString() {
        return path + " [DAMAGED] " + detail;
    }
}
