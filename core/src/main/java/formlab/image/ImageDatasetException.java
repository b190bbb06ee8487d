package formlab.image;

import java.nio.file.Path;

/**
 * An image dataset (folder or split manifest) that cannot be used as a whole: the message names
 * the folder or file (with line and column for manifests) and what was expected.
 */
public class ImageDatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which rule the dataset broke. */
    public enum Problem {
        /** The dataset folder does not exist or is not a folder. */
        MISSING_FOLDER,
        /** Fewer than two classes with usable images: a classifier needs at least two. */
        TOO_FEW_CLASSES,
        /** A split manifest cannot be parsed or misses a field. */
        BAD_MANIFEST,
        /** A split manifest disagrees with the files on disk (missing file, changed content). */
        MANIFEST_MISMATCH,
        /** The folder cannot be listed or read. */
        UNREADABLE
    }

    private final Problem problem;
    private final transient Path location;

    /**
     * @param problem  which rule was broken
     * @param location the folder or file concerned
     * @param detail   what was found and what was expected
     */
    public ImageDatasetException(Problem problem, Path location, String detail) {
        this(problem, location, detail, null);
    }

    /** As {@link #ImageDatasetException(Problem, Path, String)}, keeping the underlying error. */
    public ImageDatasetException(Problem problem, Path location, String detail, Throwable cause) {
        super(location + ": " + detail, cause);
        this.problem = problem;
        this.location = location;
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }

    /** The folder or file concerned. */
    public Path location() {
        return location;
    }
}
