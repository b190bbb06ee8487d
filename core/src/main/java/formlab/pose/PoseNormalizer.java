package formlab.pose;

import java.util.Optional;

/**
 * Moves poses into {@link CoordinateSpace#BODY}: the hip centre becomes the origin and one unit
 * becomes the torso length (shoulder centre to hip centre), so people of any size, at any
 * distance and anywhere in the frame give comparable numbers.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Aspect correction: MediaPipe divides x by the image width and y by the height, so in a
 *       non-square video a length along y is not comparable with one along x. With the video's
 *       {@code aspectRatio} (width / height) y is multiplied by {@code 1 / aspectRatio} to put y in
 *       x's unit (z already is). The datasets here do not record their video size, so the default
 *       is 1 (no correction).</li>
 *   <li>Translation to the hip centre (midpoint of the two hips).</li>
 *   <li>Optional canonical facing, only for poses with depth: a rotation about the vertical axis
 *       that makes the body's left-right axis (mean of right-hip to left-hip and right-shoulder
 *       to left-shoulder, in the x-z plane) point along +x, as for a person facing the camera.
 *       This removes the camera's yaw around the person. Gravity stays along y: poses are never
 *       rotated in the image plane, because "lying" versus "standing" is information.</li>
 *   <li>Scale by the torso length, measured in the image plane (x, y) by default or in 3D. It is
 *       measured before the facing rotation; a rotation about the vertical keeps the 3D length
 *       but not the image-plane one, so with canonical facing a 3D torso is the safer unit.</li>
 * </ol>
 * A pose without both shoulders and both hips, or with a zero torso, cannot be normalised.
 *
 * @param aspectRatio    video width / height (1 when unknown)
 * @param canonicalFacing rotate about the vertical so that the person faces the camera (needs depth)
 * @param torsoIn3d      measure the torso length with z as well
 */
public record PoseNormalizer(double aspectRatio, boolean canonicalFacing, boolean torsoIn3d) {

    /** Hip-centred, torso-scaled, no rotation, square pixels, torso measured in the image plane. */
    public static final PoseNormalizer DEFAULT = new PoseNormalizer(1, false, false);

    public PoseNormalizer {
        if (!(aspectRatio > 0) || !Double.isFinite(aspectRatio)) {
            throw new IllegalArgumentException("aspectRatio must be a positive number, got " + aspectRatio);
        }
    }

    /** This normaliser with canonical facing switched on or off. */
    public PoseNormalizer withCanonicalFacing(boolean on) {
        return new PoseNormalizer(aspectRatio, on, torsoIn3d);
    }

    /**
     * The pose in body space, or empty when it lacks a shoulder or hip or its torso has zero
     * length. A pose already in body space is returned as it is.
     *
     * @throws IllegalArgumentException when canonical facing is asked for a pose without depth
     */
    public Optional<Pose> normalise(Pose pose) {
        if (pose.space() == CoordinateSpace.BODY) {
            return Optional.of(pose);
        }
        if (canonicalFacing && !pose.hasDepth()) {
            throw new IllegalArgumentException("Canonical facing needs depth (z), but this pose is 2D: "
                    + "use a normaliser without canonical facing for 2D keypoints");
        }
        if (!pose.allPresent(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER, Joint.LEFT_HIP, Joint.RIGHT_HIP)) {
            return Optional.empty();
        }
        double yScale = 1 / aspectRatio;
        Pose square = yScale == 1 ? pose : pose.transform(pose.space(), p -> new Vec3(p.x(), p.y() * yScale, p.z()));
        Vec3 hipCentre = square.midpoint(Joint.LEFT_HIP, Joint.RIGHT_HIP).orElseThrow();
        Vec3 shoulderCentre = square.midpoint(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER).orElseThrow();
        Vec3 torso = shoulderCentre.minus(hipCentre);
        double torsoLength = torsoIn3d && pose.hasDepth() ? torso.length() : torso.flat().length();
        if (!(torsoLength > 0)) {
            return Optional.empty();
        }
        double scale = 1 / torsoLength;
        double cos = 1;
        double sin = 0;
        if (canonicalFacing) {
            Vec3 lateral = square.position(Joint.LEFT_HIP).orElseThrow().minus(square.position(Joint.RIGHT_HIP).orElseThrow())
                    .plus(square.position(Joint.LEFT_SHOULDER).orElseThrow()
                            .minus(square.position(Joint.RIGHT_SHOULDER).orElseThrow()));
            double angle = Math.atan2(lateral.z(), lateral.x());
            if (Math.hypot(lateral.x(), lateral.z()) > 0) {
                cos = Math.cos(-angle);
                sin = Math.sin(-angle);
            }
        }
        double c = cos;
        double s = sin;
        boolean depth = pose.hasDepth();
        return Optional.of(square.transform(CoordinateSpace.BODY, p -> {
            Vec3 d = p.minus(new Vec3(hipCentre.x(), hipCentre.y(), depth ? hipCentre.z() : 0));
            // rotation about the y axis by -angle: x' = x cos - z sin, z' = x sin + z cos
            double x = d.x() * c - d.z() * s;
            double z = d.x() * s + d.z() * c;
            return new Vec3(x * scale, d.y() * scale, z * scale);
        }));
    }

    /**
     * The sequence in body space; frames that cannot be normalised keep their place as poses
     * with no joints present (so frame numbering and labels are kept and the gap is explicit).
     */
    public PoseSequence normalise(PoseSequence sequence) {
        return sequence.mapPoses(pose -> normalise(pose)
                .orElseGet(() -> Pose.builder(CoordinateSpace.BODY, pose.hasDepth()).build()));
    }

    /**
     * The pose seen in a mirror: left and right joints swap and x is reflected (x becomes -x in
     * body and centred space, 1 - x in normalised image space); y, z and visibilities stay.
     * Used to augment training data so a pose done on the other side is still recognised.
     */
    public static Pose mirror(Pose pose) {
        boolean image = pose.space() == CoordinateSpace.IMAGE_NORMALISED;
        Pose.Builder out = Pose.builder(pose.space(), pose.hasDepth());
        for (Joint joint : Joint.values()) {
            if (pose.isPresent(joint)) {
                double x = image ? 1 - pose.x(joint) : -pose.x(joint);
                out.set(joint.mirror(), x, pose.y(joint), pose.z(joint), pose.visibility(joint));
            }
        }
        return out.build();
    }

    /** Every pose of the sequence mirrored (see {@link #mirror(Pose)}). */
    public static PoseSequence mirror(PoseSequence sequence) {
        return sequence.mapPoses(PoseNormalizer::mirror);
    }
}
