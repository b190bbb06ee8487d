package formlab.pose;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One frame of a BlazePose skeleton: for each of the 33 {@link Joint}s either a position
 * (x, y, optional z) with a visibility, or <em>missing</em>.
 *
 * <p>Missing joints are explicit: {@link #isPresent(Joint)} is false and every coordinate of
 * the joint reads as {@code NaN}; a missing joint is never stored as (0, 0). A joint whose
 * visibility is below a chosen threshold can be turned into a missing one with
 * {@link #withMinVisibility(double)}. The pose knows its {@link CoordinateSpace}, so raw image
 * coordinates and normalised body coordinates cannot be mixed up. Poses are immutable.
 */
public final class Pose {

    private static final int STRIDE = 4;

    private final CoordinateSpace space;
    private final boolean hasDepth;
    private final double[] values;
    private final long presentMask;

    private Pose(CoordinateSpace space, boolean hasDepth, double[] values, long presentMask) {
        this.space = space;
        this.hasDepth = hasDepth;
        this.values = values;
        this.presentMask = presentMask;
    }

    /** Starts a pose in {@code space}; {@code hasDepth} says whether joints carry a z value. */
    public static Builder builder(CoordinateSpace space, boolean hasDepth) {
        return new Builder(space, hasDepth);
    }

    /** The coordinate space of the positions. */
    public CoordinateSpace space() {
        return space;
    }

    /** True when the positions carry depth (z); otherwise z reads as NaN. */
    public boolean hasDepth() {
        return hasDepth;
    }

    /** True when {@code joint} has a position. */
    public boolean isPresent(Joint joint) {
        return (presentMask & (1L << joint.index())) != 0;
    }

    /** True when every one of {@code joints} has a position. */
    public boolean allPresent(Joint... joints) {
        for (Joint joint : joints) {
            if (!isPresent(joint)) {
                return false;
            }
        }
        return true;
    }

    /** Number of joints with a position. */
    public int presentCount() {
        return Long.bitCount(presentMask);
    }

    /** The joints with a position. */
    public Set<Joint> presentJoints() {
        Set<Joint> joints = EnumSet.noneOf(Joint.class);
        for (Joint joint : Joint.values()) {
            if (isPresent(joint)) {
                joints.add(joint);
            }
        }
        return joints;
    }

    /** x of {@code joint}, NaN when missing. */
    public double x(Joint joint) {
        return values[joint.index() * STRIDE];
    }

    /** y of {@code joint} (downwards), NaN when missing. */
    public double y(Joint joint) {
        return values[joint.index() * STRIDE + 1];
    }

    /** z of {@code joint}, NaN when missing or when the pose has no depth. */
    public double z(Joint joint) {
        return values[joint.index() * STRIDE + 2];
    }

    /** Visibility (0..1, MediaPipe's confidence that the joint is in view), NaN when missing or unknown. */
    public double visibility(Joint joint) {
        return values[joint.index() * STRIDE + 3];
    }

    /** The position of {@code joint} (z is NaN without depth), or empty when the joint is missing. */
    public Optional<Vec3> position(Joint joint) {
        return isPresent(joint) ? Optional.of(new Vec3(x(joint), y(joint), z(joint))) : Optional.empty();
    }

    /**
     * The midpoint of two joints, or empty when either is missing (e.g. the hip centre from the
     * left and right hips).
     */
    public Optional<Vec3> midpoint(Joint a, Joint b) {
        if (!isPresent(a) || !isPresent(b)) {
            return Optional.empty();
        }
        return Optional.of(position(a).orElseThrow().midpoint(position(b).orElseThrow()));
    }

    /**
     * A copy in which every joint whose known visibility is below {@code threshold} is missing.
     * Joints with unknown (NaN) visibility are kept.
     */
    public Pose withMinVisibility(double threshold) {
        Builder copy = toBuilder();
        for (Joint joint : Joint.values()) {
            if (isPresent(joint) && visibility(joint) < threshold) {
                copy.missing(joint);
            }
        }
        return copy.build();
    }

    /**
     * A copy whose present joints are moved by {@code transform} into {@code target} space;
     * missing joints stay missing and visibilities are kept.
     */
    public Pose transform(CoordinateSpace target, UnaryOperator<Vec3> transform) {
        Builder out = builder(target, hasDepth);
        for (Joint joint : Joint.values()) {
            if (isPresent(joint)) {
                Vec3 moved = transform.apply(new Vec3(x(joint), y(joint), hasDepth ? z(joint) : 0));
                out.set(joint, moved.x(), moved.y(), hasDepth ? moved.z() : Double.NaN, visibility(joint));
            }
        }
        return out.build();
    }

    /** A builder holding this pose's values, to change a few joints. */
    public Builder toBuilder() {
        Builder builder = new Builder(space, hasDepth);
        System.arraycopy(values, 0, builder.values, 0, values.length);
        builder.presentMask = presentMask;
        return builder;
    }

    /**
     * The values in MediaPipe's landmark-major layout: x, y, z, visibility of landmark 0, then
     * landmark 1, ... (132 values), NaN where missing or unknown.
     */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pose other && space == other.space && hasDepth == other.hasDepth
                && presentMask == other.presentMask && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(space, hasDepth, presentMask, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Pose[" + space + ", " + presentCount() + "/" + Joint.COUNT + " joints"
                + (hasDepth ? ", 3D" : ", 2D") + "]";
    }

    /** Collects joint positions; joints never set are missing. */
    public static final class Builder {

        private final CoordinateSpace space;
        private final boolean hasDepth;
        private final double[] values = new double[Joint.COUNT * STRIDE];
        private long presentMask;

        private Builder(CoordinateSpace space, boolean hasDepth) {
            this.space = Objects.requireNonNull(space, "space");
            this.hasDepth = hasDepth;
            Arrays.fill(values, Double.NaN);
        }

        /**
         * Sets a joint's position and visibility. x and y must be finite; z must be finite when
         * the pose has depth (it is ignored otherwise); visibility may be NaN when unknown.
         */
        public Builder set(Joint joint, double x, double y, double z, double visibility) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("Joint " + joint.mediaPipeName()
                        + " needs finite x and y, got (" + x + ", " + y + "); leave it unset to mark it missing");
            }
            if (hasDepth && !Double.isFinite(z)) {
                throw new IllegalArgumentException("Joint " + joint.mediaPipeName() + " needs a finite z in a 3D pose, got " + z);
            }
            int at = joint.index() * STRIDE;
            values[at] = x;
            values[at + 1] = y;
            values[at + 2] = hasDepth ? z : Double.NaN;
            values[at + 3] = visibility;
            presentMask |= 1L << joint.index();
            return this;
        }

        /** Sets a joint's 2D position with unknown visibility; only for poses without depth. */
        public Builder set(Joint joint, double x, double y) {
            if (hasDepth) {
                throw new IllegalStateException("This pose has depth: set " + joint.mediaPipeName() + " with a z value");
            }
            return set(joint, x, y, Double.NaN, Double.NaN);
        }

        /** Marks a joint missing. */
        public Builder missing(Joint joint) {
            int at = joint.index() * STRIDE;
            Arrays.fill(values, at, at + STRIDE, Double.NaN);
            presentMask &= ~(1L << joint.index());
            return this;
        }

        /** The pose. */
        public Pose build() {
            return new Pose(space, hasDepth, values.clone(), presentMask);
        }
    }
}
