package formlab.pose;

/**
 * A point or direction in a pose's coordinate space. In 2D use, {@code z} is 0.
 *
 * @param x horizontal, grows to the image right
 * @param y vertical, grows downwards
 * @param z depth, grows away from the camera
 */
public record Vec3(double x, double y, double z) {

    /** The zero vector. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** This minus {@code other}. */
    public Vec3 minus(Vec3 other) {
        return new Vec3(x - other.x, y - other.y, z - other.z);
    }

    /** This plus {@code other}. */
    public Vec3 plus(Vec3 other) {
        return new Vec3(x + other.x, y + other.y, z + other.z);
    }

    /** This times {@code factor}. */
    public Vec3 times(double factor) {
        return new Vec3(x * factor, y * factor, z * factor);
    }

    /** The midpoint between this and {@code other}. */
    public Vec3 midpoint(Vec3 other) {
        return new Vec3((x + other.x) / 2, (y + other.y) / 2, (z + other.z) / 2);
    }

    /** Dot product. */
    public double dot(Vec3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    /** Euclidean length. */
    public double length() {
        return Math.sqrt(dot(this));
    }

    /** The same vector with z set to 0 (its projection on the image plane). */
    public Vec3 flat() {
        return new Vec3(x, y, 0);
    }

    /** True when all three components are finite. */
    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }
}
