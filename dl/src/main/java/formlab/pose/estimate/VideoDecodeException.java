package formlab.pose.estimate;

import java.nio.file.Path;

/**
 * A video that cannot be read: not an MP4 with an H.264 track, or a frame JCodec cannot decode.
 * The message names the file, the frame (when one failed) and what was expected.
 */
public class VideoDecodeException extends RuntimeException {

    private final Path file;
    private final int frame;

    /**
     * @param file   the video
     * @param frame  index of the frame that failed, or -1 when the file itself could not be opened
     * @param detail what went wrong and what was expected
     */
    public VideoDecodeException(Path file, int frame, String detail, Throwable cause) {
        super(file + (frame >= 0 ? ", frame " + frame : "") + ": " + detail, cause);
        this.file = file;
        this.frame = frame;
    }

    /** The video file. */
    public Path file() {
        return file;
    }

    /** The frame that failed, or -1 when the file could not be opened. */
    public int frame() {
        return frame;
    }
}
