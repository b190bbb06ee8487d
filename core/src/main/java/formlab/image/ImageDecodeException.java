package formlab.image;

import java.nio.file.Path;

/**
 * One file that cannot be used as an image. The message names the file and says what was found
 * and what was expected; {@link #problem()} says which rule was broken, so a folder reader can
 * skip the file and list it in its report instead of failing.
 */
public class ImageDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file is not a usable image. */
    public enum Problem {
        /** The file could not be read at all (missing, permissions, I/O error). */
        UNREADABLE,
        /** The content is not an image (no known magic bytes): text, HTML, an empty file... */
        NOT_AN_IMAGE,
        /** An image format no reader on the class path decodes (WebP without the TwelveMonkeys plugin). */
        UNSUPPORTED_FORMAT,
        /** The header says image but the reader could not get through the data (cut inside the header, garbage). */
        CORRUPT,
        /** Decoded, but smaller than the minimum side (e.g. a 1x1 tracking pixel). */
        TOO_SMALL,
        /** Larger than the pixel limit; refused before decoding to protect memory. */
        TOO_LARGE
    }

    private final transient Path file;
    private final Problem problem;

    /**
     * @param problem which rule was broken
     * @param file    the offending file (or a description of the source)
     * @param detail  what was found and what was expected
     */
    public ImageDecodeException(Problem problem, Path file, String detail) {
        this(problem, file, detail, null);
    }

    /** As {@link #ImageDecodeException(Problem, Path, String)}, keeping the underlying error. */
    public ImageDecodeException(Problem problem, Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.problem = problem;
        this.file = file;
    }

    /** Which rule was broken. */
    public Problem problem() {
        return problem;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The message without the file name in front. */
    public String detail() {
        String message = getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
