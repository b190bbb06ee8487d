package formlab.image;

/**
 * Random changes applied to training images only, so the network sees each photo a little
 * differently every epoch. All ranges are symmetric around "no change".
 *
 * @param horizontalFlip    mirror left-right with probability 1/2 (a mirrored pose is the same pose)
 * @param maxRotationDegrees rotate by up to this many degrees either way
 * @param minCropFraction   random square crop keeping at least this fraction of the side (1 = no crop),
 *                          shifted at random and scaled back to full size
 * @param brightness        multiply brightness by a factor in [1 - b, 1 + b]
 * @param contrast          scale contrast around the image mean by [1 - c, 1 + c]
 * @param saturation        scale colour saturation by [1 - s, 1 + s]
 */
public record Augmentation(boolean horizontalFlip, double maxRotationDegrees, double minCropFraction, double brightness,
                           double contrast, double saturation) {

    /** No augmentation: validation, test and inference. */
    public static final Augmentation NONE = new Augmentation(false, 0, 1, 0, 0, 0);

    /** Flips, up to 10 degrees of rotation, crops keeping 80-100 % of the side, 20 % colour jitter. */
    public static final Augmentation STANDARD = new Augmentation(true, 10, 0.8, 0.2, 0.2, 0.2);

    public Augmentation {
        if (maxRotationDegrees < 0 || maxRotationDegrees > 180) {
            throw new IllegalArgumentException("maxRotationDegrees must be in [0, 180], got " + maxRotationDegrees);
        }
        if (!(minCropFraction > 0 && minCropFraction <= 1)) {
            throw new IllegalArgumentException("minCropFraction must be in (0, 1], got " + minCropFraction);
        }
        if (brightness < 0 || brightness >= 1 || contrast < 0 || contrast >= 1 || saturation < 0 || saturation >= 1) {
            throw new IllegalArgumentException("colour jitter ranges must be in [0, 1), got brightness " + brightness
                    + ", contrast " + contrast + ", saturation " + saturation);
        }
    }

    /** True when this changes nothing. */
    public boolean changesNothing() {
        return !horizontalFlip && maxRotationDegrees == 0 && minCropFraction == 1 && brightness == 0 && contrast == 0
                && saturation == 0;
    }
}
