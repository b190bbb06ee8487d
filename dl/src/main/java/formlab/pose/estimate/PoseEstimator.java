package formlab.pose.estimate;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

import formlab.image.Halvings;
import formlab.image.ImageDecoder;

/**
 * Image to 33 landmarks, offline, with the MediaPipe Pose models run by TensorFlow Lite:
 * the person detector finds the person's upright square region, the landmark model reads the
 * landmarks in it, and they are mapped back to the original image.
 *
 * <p>When the detector finds nobody (small or cut-off people), the fallback is the whole image
 * letterboxed into the square, and, if the landmark model still sees a person there, a second
 * pass on the region its alignment points give (as MediaPipe's tracking does between video frames).
 * Not thread-safe; close it to free the native models.
 */
public final class PoseEstimator implements AutoCloseable {

    private final PersonDetector detector;
    private final LandmarkModel landmarks;
    private final ImageDecoder decoder = new ImageDecoder();

    /** Loads the detector and the landmark model of {@code variant} from {@code models}. */
    public PoseEstimator(PoseModels models, PoseModels.Variant variant, int threads) {
        if (!models.isProvisioned(variant)) {
            throw PoseModelException.missing(models.missing(variant).getFirst());
        }
        this.detector = new PersonDetector(models.detector(), threads);
        try {
            this.landmarks = new LandmarkModel(models.landmarkModel(variant), threads);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** The full model from the configured location, one thread. */
    public static PoseEstimator open() {
        return new PoseEstimator(PoseModels.locate(), PoseModels.Variant.FULL, 1);
    }

    /** Landmarks of the image file (decoded by content, whatever its extension; WebP and truncated JPEGs included). */
    public LandmarkEstimate estimate(Path file) {
        return estimate(decoder.decode(file).image());
    }

    /**
     * Landmarks of the most prominent person in {@code image}.
     *
     * @throws IllegalArgumentException when the image's shorter side is below {@value ImageDecoder#DEFAULT_MIN_SIDE} px
     */
    public LandmarkEstimate estimate(BufferedImage image) {
        return detect(image).estimate();
    }

    /** An estimate and the region its alignment points give for the next video frame (MediaPipe's tracking). */
    record Tracked(LandmarkEstimate estimate, Roi next) {
    }

    /** The detector's pass (with the whole-image fallback) on {@code image}, and the region to track next. */
    Tracked detect(BufferedImage image) {
        ImageDecoder.requireMinSide(image);
        int w = image.getWidth();
        int h = image.getHeight();
        // the detector's and the landmark model's crops share the photo's halving steps
        Halvings halvings = new Halvings(image);
        Optional<PersonDetector.Detection> detection = detector.detect(halvings);
        if (detection.isPresent()) {
            return track(halvings, detection.get().roi(), true);
        }
        Roi whole = Roi.wholeImage(w, h);
        LandmarkModel.Raw first = landmarks.run(halvings, whole);
        if (first.poseScore() < 0.5) {
            return new Tracked(LandmarkModel.toEstimate(first, whole, false, w, h), null);
        }
        return track(halvings, next(first, whole), false);
    }

    /** The landmark model alone on {@code roi} of {@code image} (no detector), and the region to track next. */
    Tracked track(BufferedImage image, Roi roi, boolean detected) {
        ImageDecoder.requireMinSide(image);
        return track(new Halvings(image), roi, detected);
    }

    private Tracked track(Halvings image, Roi roi, boolean detected) {
        LandmarkModel.Raw raw = landmarks.run(image, roi);
        BufferedImage given = image.given();
        return new Tracked(LandmarkModel.toEstimate(raw, roi, detected, given.getWidth(), given.getHeight()), next(raw, roi));
    }

    private static Roi next(LandmarkModel.Raw raw, Roi roi) {
        return Roi.fromAlignment(LandmarkModel.alignment(raw, roi, 0), LandmarkModel.alignment(raw, roi, 1), 1.25);
    }

    @Override
    public void close() {
        landmarks.close();
        detector.close();
    }
}
