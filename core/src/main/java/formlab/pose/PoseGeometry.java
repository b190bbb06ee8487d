package formlab.pose;

import java.util.Optional;

/**
 * Angles and distances measured on a pose, in the image plane ({@link Dimension#TWO_D}: x and y
 * only) or in space ({@link Dimension#THREE_D}: with z). Every method returns NaN when a point
 * it needs is missing, when a segment has zero length, or when 3D is asked of a 2D pose: a
 * measurement that cannot be made is never reported as 0.
 *
 * <p>Angles are in degrees. Distances are in the pose's own units; {@link #torsoLength(Pose,
 * Dimension)} gives the unit to divide by to compare people.
 */
public final class PoseGeometry {

    /** Whether to measure in the image plane or with depth. */
    public enum Dimension {
        /** x and y only: what the camera sees; robust because MediaPipe's z is noisy. */
        TWO_D("2d"),
        /** x, y and z. */
        THREE_D("3d");

        private final String suffix;

        Dimension(String suffix) {
            this.suffix = suffix;
        }

        /** Short suffix for feature names: {@code 2d} or {@code 3d}. */
        public String suffix() {
            return suffix;
        }
    }

    /** Straight up in every coordinate space (y grows downwards). */
    public static final Vec3 UP = new Vec3(0, -1, 0);

    private PoseGeometry() {
    }

    /**
     * The angle at {@code vertex} between the segments to {@code a} and to {@code c}, in degrees
     * 0..180 (180 = straight, e.g. a fully extended elbow for shoulder, elbow, wrist).
     */
    public static double angle(Pose pose, BodyPoint a, BodyPoint vertex, BodyPoint c, Dimension dimension) {
        Optional<Vec3> pa = point(pose, a, dimension);
        Optional<Vec3> pb = point(pose, vertex, dimension);
        Optional<Vec3> pc = point(pose, c, dimension);
        if (pa.isEmpty() || pb.isEmpty() || pc.isEmpty()) {
            return Double.NaN;
        }
        return angleBetween(pa.get().minus(pb.get()), pc.get().minus(pb.get()));
    }

    /**
     * The angle between the segment from {@code from} to {@code to} and straight up, in degrees
     * 0..180: 0 when {@code to} is directly above {@code from}, 90 when level, 180 when directly
     * below. Assumes the camera is level, so image "up" is gravity's up.
     */
    public static double inclination(Pose pose, BodyPoint from, BodyPoint to, Dimension dimension) {
        Optional<Vec3> start = point(pose, from, dimension);
        Optional<Vec3> end = point(pose, to, dimension);
        if (start.isEmpty() || end.isEmpty()) {
            return Double.NaN;
        }
        return angleBetween(end.get().minus(start.get()), UP);
    }

    /** Distance between two points, in the pose's units. */
    public static double distance(Pose pose, BodyPoint a, BodyPoint b, Dimension dimension) {
        Optional<Vec3> pa = point(pose, a, dimension);
        Optional<Vec3> pb = point(pose, b, dimension);
        if (pa.isEmpty() || pb.isEmpty()) {
            return Double.NaN;
        }
        return pa.get().minus(pb.get()).length();
    }

    /** Shoulder centre to hip centre, in the pose's units (NaN when a shoulder or hip is missing). */
    public static double torsoLength(Pose pose, Dimension dimension) {
        return distance(pose, BodyPoint.SHOULDER_CENTRE, BodyPoint.HIP_CENTRE, dimension);
    }

    /** Distance divided by the torso length: comparable between people and camera distances. */
    public static double relativeDistance(Pose pose, BodyPoint a, BodyPoint b, Dimension dimension) {
        double torso = torsoLength(pose, dimension);
        return torso > 0 ? distance(pose, a, b, dimension) / torso : Double.NaN;
    }

    /**
     * Angle between two vectors in degrees, NaN when either has zero length. Uses
     * atan2(|u x v|, u . v), which stays accurate near 0 and 180 degrees where acos does not.
     */
    public static double angleBetween(Vec3 u, Vec3 v) {
        if (!(u.length() > 0) || !(v.length() > 0)) {
            return Double.NaN;
        }
        double cx = u.y() * v.z() - u.z() * v.y();
        double cy = u.z() * v.x() - u.x() * v.z();
        double cz = u.x() * v.y() - u.y() * v.x();
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), u.dot(v)));
    }

    private static Optional<Vec3> point(Pose pose, BodyPoint point, Dimension dimension) {
        if (dimension == Dimension.THREE_D && !pose.hasDepth()) {
            return Optional.empty();
        }
        return point.in(pose).map(p -> dimension == Dimension.TWO_D ? p.flat() : p);
    }
}
