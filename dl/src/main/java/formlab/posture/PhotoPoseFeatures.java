package formlab.posture;

import formlab.features.pose.PoseFeatureExtractor;
import formlab.features.pose.PoseFeatureSet;
import formlab.features.pose.StanceFeatures;
import formlab.pose.PoseNormalizer;
import formlab.pose.Pose;
import formlab.pose.Vec3;
import java.util.List;

/**
 * How the photo landmark forest ({@link PhotoLandmarkModel}) turns one photo's landmarks into
 * features.
 *
 * @param squarePixels put y in x's unit before measuring: the pose estimator divides x by the
 *                     photo's width and y by its height, so in a photo that is not square every
 *                     angle and distance is skewed by the aspect ratio, differently from photo to photo
 * @param stance       add the mirror-invariant {@link StanceFeatures} (legs and arms sorted by
 *                     bend, stance width over leg length, knees over feet) to the standard ones
 */
public record PhotoPoseFeatures(boolean squarePixels, boolean stance) {

    /** The standard per-frame features on the estimator's coordinates as they are. */
    public static final PhotoPoseFeatures PLAIN = new PhotoPoseFeatures(false, false);

    /**
     * What the combination uses: square pixels and the stance features, both chosen on the validation
     * split ({@link CnnLandmarkCombination#FEATURES}).
     */
    public static final PhotoPoseFeatures DEFAULT = new PhotoPoseFeatures(true, true);

    /** The extractor: body-space normalisation, the standard per-frame features, then the stance ones if asked. */
    public PoseFeatureExtractor extractor() {
        return stance ? new PoseFeatureExtractor(PoseNormalizer.DEFAULT, StanceFeatures.withStandard(), List.of())
                : new PoseFeatureExtractor(PoseNormalizer.DEFAULT, PoseFeatureSet.standard(), List.of());
    }

    /**
     * The pose as the extractor should see it: with {@link #squarePixels()}, y multiplied by
     * {@code height / width}; otherwise as it is.
     *
     * @throws IllegalArgumentException when a side is not positive
     */
    public Pose prepare(Pose pose, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("photo size must be positive, got " + width + " x " + height);
        }
        if (!squarePixels || width == height) {
            return pose;
        }
        double yScale = (double) height / width;
        return pose.transform(pose.space(), p -> new Vec3(p.x(), p.y() * yScale, p.z()));
    }

    /** A short description for reports. */
    public String describe() {
        return (stance ? "standard + stance features" : "standard features")
                + (squarePixels ? ", square pixels" : ", raw image-normalised coordinates");
    }
}
