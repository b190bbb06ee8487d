package formlab.server;

import formlab.image.ImageDecodeException;
import formlab.image.ImageDecoder;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.estimate.LandmarkEstimate;
import formlab.pose.estimate.PoseModels;
import formlab.pose.estimate.PoseTracker;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The video frames of one live page connection on the server route: each binary WebSocket message is
 * one image (JPEG from the page; PNG and the other formats {@link ImageDecoder} reads are accepted too),
 * decoded and given to a {@link PoseTracker} of this connection, which detects the person on the first
 * frame and then tracks them.
 * Thread-safe: the frames of a connection are estimated one at a time.
 */
final class LiveFrames implements AutoCloseable {

    /** Largest frame accepted, width times height: a 1920 x 1080 camera frame with room to spare. */
    static final long MAX_PIXELS = 4_000_000L;

    private final PoseTracker tracker;
    private final ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MIN_SIDE, MAX_PIXELS);
    private boolean closed;

    /**
     * The landmarks of one frame.
     *
     * @param frame     its number in this connection
     * @param landmarks the 33 landmarks as the landmark route takes them (x, y, z, visibility each, normalised
     *                  image coordinates), or null when no person was found
     * @param poseScore the landmark model's probability that a person is in the region it looked at
     * @param tracked   true when only the landmark model ran (the region came from the previous frame)
     * @param width     frame width in pixels
     * @param height    frame height in pixels
     */
    record Frame(long frame, double[] landmarks, double poseScore, boolean tracked, int width, int height) {
    }

    private LiveFrames(PoseTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * A tracker over the models in {@code models}, landmark model {@code variant}, one CPU thread.
     *
     * @throws IllegalStateException naming {@code make pose-models} when the models are not there
     */
    static LiveFrames open(PoseModels models, PoseModels.Variant variant) {
        if (!models.isProvisioned(variant)) {
            throw new IllegalStateException(models.describe(variant));
        }
        return new LiveFrames(new PoseTracker(models, variant, 1));
    }

    /**
     * The landmark model size of the page's {@code complexity} parameter, as MediaPipe's {@code modelComplexity}:
     * 0 lite (the default), 1 full, 2 heavy.
     *
     * @throws IllegalArgumentException for anything else
     */
    static PoseModels.Variant variant(String complexity) {
        if (complexity == null || complexity.isBlank()) {
            return PoseModels.Variant.LITE;
        }
        return switch (complexity.trim()) {
            case "0" -> PoseModels.Variant.LITE;
            case "1" -> PoseModels.Variant.FULL;
            case "2" -> PoseModels.Variant.HEAVY;
            default -> throw new IllegalArgumentException("complexity must be 0 (lite), 1 (full) or 2 (heavy), got '" + complexity + "'");
        };
    }

    /**
     * Decodes frame number {@code frame} (the next of the connection) and finds the person in it.
     *
     * @throws IllegalArgumentException naming the frame when the bytes are not a decodable image of at least
     *                                  {@value ImageDecoder#DEFAULT_MIN_SIDE} px a side and at most {@value #MAX_PIXELS} pixels
     */
    synchronized Frame estimate(long frame, byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
        BufferedImage image;
        try {
            image = decoder.decode(bytes, Path.of(String.format(Locale.ROOT, "live-frame-%d.jpg", frame))).image();
        } catch (ImageDecodeException e) {
            throw new IllegalArgumentException("frame " + frame + " (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
        boolean tracking = tracker.tracking();
        int before = tracker.detections();
        LandmarkEstimate estimate = tracker.track(image);
        boolean tracked = tracking && tracker.detections() == before;
        return new Frame(frame, estimate.personFound() ? flatten(estimate.pose()) : null, estimate.poseScore(), tracked,
                image.getWidth(), image.getHeight());
    }

    /** The pose's 132 numbers in the landmark route's order. */
    static double[] flatten(Pose pose) {
        double[] values = new double[Joint.COUNT * 4];
        for (Joint joint : Joint.values()) {
            int at = joint.index() * 4;
            values[at] = pose.x(joint);
            values[at + 1] = pose.y(joint);
            values[at + 2] = pose.z(joint);
            values[at + 3] = pose.visibility(joint);
        }
        return values;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tracker.close();
        }
    }
}
