package formlab.image;

/**
 * One usable image of a folder-per-class dataset.
 *
 * @param path   path relative to the dataset root, with {@code /} separators (e.g. {@code BALASANA/x.jpg})
 * @param label  the class: the name of the top-level folder holding the file
 * @param format the format found in the content
 * @param sha256 SHA-256 of the file's bytes
 * @param width  width in pixels
 * @param height height in pixels
 * @param bytes  file size in bytes
 * @param fingerprint perceptual fingerprint ({@link ImageFingerprint}) to find near-identical copies
 */
public record ImageEntry(String path, String label, ImageFormat format, String sha256, int width, int height, long bytes,
                         long fingerprint) {

    /** True when the file extension does not name the format found in the content. */
    public boolean extensionMismatch() {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (format) {
            case JPEG -> !(extension.equals("jpg") || extension.equals("jpeg") || extension.equals("jpe") || extension.equals("jfif"));
            case TIFF -> !(extension.equals("tif") || extension.equals("tiff"));
            default -> !extension.equals(format.imageIoName());
        };
    }
}
