package formlab.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The images of a split manifest decoded once and kept in memory as letterboxed source squares
 * (about 20 MB for 800 images at 80 px), so training epochs never touch the disk or the JPEG
 * decoder again.
 *
 * @param root          dataset folder
 * @param manifest      the split manifest the images come from
 * @param preprocessing input size (and normalisation) used
 * @param images        every manifest image, in manifest order
 */
public record PreparedImages(Path root, SplitManifest manifest, Preprocessing preprocessing, List<PreparedImage> images) {

    public PreparedImages {
        images = List.copyOf(images);
    }

    /**
     * Decodes every image of {@code manifest} under {@code root} and letterboxes it.
     *
     * @throws ImageDatasetException ({@code MANIFEST_MISMATCH}) when a file is missing, unreadable or has changed
     */
    public static PreparedImages load(Path root, SplitManifest manifest, Preprocessing preprocessing) {
        ImageDecoder decoder = new ImageDecoder(1, ImageDecoder.DEFAULT_MAX_PIXELS);
        List<PreparedImage> images = manifest.entries().parallelStream().map(entry -> {
            DecodedImage decoded;
            Path file = root.resolve(entry.path());
            try {
                decoded = decoder.decode(file);
            } catch (ImageDecodeException e) {
                throw new ImageDatasetException(ImageDatasetException.Problem.MANIFEST_MISMATCH, root,
                        "manifest image cannot be read: " + e.getMessage(), e);
            }
            if (!decoded.sha256().equals(entry.sha256())) {
                throw new ImageDatasetException(ImageDatasetException.Problem.MANIFEST_MISMATCH, root,
                        entry.path() + " has changed since the split manifest was made (sha256 differs)");
            }
            return new PreparedImage(entry, manifest.classes().indexOf(entry.label()), preprocessing.source(decoded.image()));
        }).toList();
        return new PreparedImages(root, manifest, preprocessing, images);
    }

    /** Class names, in label-index order. */
    public List<String> classes() {
        return manifest.classes();
    }

    /** The images of one split. */
    public List<PreparedImage> split(Split split) {
        return images.stream().filter(image -> image.entry().split() == split).toList();
    }

    /** Per-channel statistics of the training split's source squares. */
    public Normalization fitNormalization() {
        List<BufferedImage> train = split(Split.TRAIN).stream().map(PreparedImage::source).toList();
        return Normalization.fit(train);
    }

    /** The same images with the normalisation fitted on the training split. */
    public PreparedImages withTrainNormalization() {
        return new PreparedImages(root, manifest, preprocessing.withNormalization(fitNormalization()), images);
    }
}
