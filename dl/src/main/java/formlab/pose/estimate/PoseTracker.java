package formlab.pose.estimate;

import java.awt.image.BufferedImage;

/**
 * Landmarks of consecutive video frames, as MediaPipe Pose tracks a person: the person detector runs on
 * the first frame (and whenever the person is lost); on the frames after, only the landmark model runs,
 * on the region that the previous frame's alignment points give (hip centre, body size and direction,
 * enlarged 1.25 times). When the landmark model's person score falls below 0.5 on the tracked region,
 * the same frame goes through the detector again ({@link PoseEstimator#estimate(BufferedImage)}, with
 * its whole-image fallback).
 *
 * <p>Deterministic: the same frames give the same landmarks. No smoothing between frames. Not
 * thread-safe (one tracker per video stream); close it to free the native models.
 */
public final class PoseTracker implements AutoCloseable {

    /** Smallest tracked region side in pixels; a smaller one is dropped and the next frame is detected again. */
    static final double MIN_SIDE = 16;

    private final PoseEstimator estimator;
    private Roi next;
    private int detections;
    private int frames;

    /** Loads the detector and the landmark model of {@code variant} from {@code models}, with {@code threads} CPU threads each. */
    public PoseTracker(PoseModels models, PoseModels.Variant variant, int threads) {
        this.estimator = new PoseEstimator(models, variant, threads);
    }

    /**
     * The landmarks of the next frame of the stream.
     *
     * @throws IllegalArgumentException when the frame's shorter side is below {@value formlab.image.ImageDecoder#DEFAULT_MIN_SIDE} px
     */
    public LandmarkEstimate track(BufferedImage frame) {
        frames++;
        if (next != null) {
            PoseEstimator.Tracked tracked = estimator.track(frame, next, false);
            if (tracked.estimate().personFound()) {
                next = usable(tracked.next());
                return tracked.estimate();
            }
        }
        detections++;
        PoseEstimator.Tracked detected = estimator.detect(frame);
        next = detected.estimate().personFound() ? usable(detected.next()) : null;
        return detected.estimate();
    }

    /** Forgets the tracked person: the next frame goes through the detector. */
    public void reset() {
        next = null;
    }

    /** True when the next frame will be tracked (landmark model only) rather than detected. */
    public boolean tracking() {
        return next != null;
    }

    /** Frames that went through the detector so far. */
    public int detections() {
        return detections;
    }

    /** Frames seen so far. */
    public int frames() {
        return frames;
    }

    private static Roi usable(Roi roi) {
        boolean finite = roi != null && Double.isFinite(roi.centreX()) && Double.isFinite(roi.centreY())
                && Double.isFinite(roi.side()) && Double.isFinite(roi.angle());
        return finite && roi.side() >= MIN_SIDE ? roi : null;
    }

    @Override
    public void close() {
        estimator.close();
    }
}
