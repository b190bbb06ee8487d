package formlab.image;

/**
 * A file of an image folder that is not in the dataset, and why.
 *
 * @param path   path relative to the dataset root, {@code /} separators
 * @param label  the class folder it was found in
 * @param reason the rule it broke
 * @param detail what was found, in words (e.g. "WebP content (file named .jpg) cannot be decoded ...")
 */
public record SkippedFile(String path, String label, SkipReason reason, String detail) {

    /** One line: path, reason and detail. */
    @Override
    public String toString() {
        return path + " [" + reason + "] " + detail;
    }
}
