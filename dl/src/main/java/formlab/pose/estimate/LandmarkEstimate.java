package formlab.pose.estimate;

import java.awt.geom.Point2D;

import formlab.pose.Joint;
import formlab.pose.Pose;

/**
 * The 33 landmarks found in one image, in the same form as the landmark CSVs: a
 * {@link formlab.pose.CoordinateSpace#IMAGE_NORMALISED} pose with depth, x and y divided by the
 * original image's width and height, visibility in [0, 1].
 *
 * @param pose      the landmarks (visibility = sigmoid of the model's visibility logit)
 * @param presence  per-landmark probability of lying inside the image (index = {@link Joint#index()})
 * @param poseScore the model's probability that a person is in the region
 * @param roi       the region the landmark model looked at, in image pixels
 * @param detected  true when the person detector found the region; false when the fallback
 *                  (whole image, then a region from the first pass) was used
 * @param width     image width in pixels
 * @param height    image height in pixels
 */
public record LandmarkEstimate(Pose pose, double[] presence, double poseScore, Roi roi, boolean detected,
                               int width, int height) {

    /** Probability that a person is in the image is at least 0.5 (MediaPipe's threshold). */
    public boolean personFound() {
        return poseScore >= 0.5;
    }

    /** The joint's position in image pixels. */
    public Point2D pixel(Joint joint) {
        return new Point2D.Double(pose.x(joint) * width, pose.y(joint) * height);
    }

    /** Presence probability of {@code joint}. */
    public double presence(Joint joint) {
        return presence[joint.index()];
    }
}
