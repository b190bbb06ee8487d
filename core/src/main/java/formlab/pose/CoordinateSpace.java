package formlab.pose;

/**
 * The frame of reference of a pose's coordinates. In every space y grows downwards (image
 * convention), so "up" is negative y.
 */
public enum CoordinateSpace {

    /**
     * MediaPipe's output: x divided by the image width and y by the image height (0..1 inside
     * the image), z a relative depth on roughly the same scale as x (smaller = nearer the camera).
     * Lengths in x and y are only comparable when the image was square.
     */
    IMAGE_NORMALISED,

    /**
     * Pixel-like coordinates centred on the image or the person, units unknown (for example the
     * 11-keypoint yoga set). Only angles and ratios are meaningful.
     */
    IMAGE_CENTRED,

    /**
     * Body space: origin at the hip centre, one unit = torso length (shoulder centre to hip
     * centre), y downwards. Produced by {@link PoseNormalizer}; poses of different people,
     * cameras and distances are comparable here.
     */
    BODY;

    /** True for {@link #BODY}, the space produced by normalisation. */
    public boolean isNormalised() {
        return this == BODY;
    }
}
