package formlab.pose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 33 landmarks of MediaPipe BlazePose, in MediaPipe's index order.
 *
 * <p>{@link #index()} is the MediaPipe landmark index (0 = nose ... 32 = right foot index) and
 * {@link #mediaPipeName()} the lower-case name MediaPipe and most landmark CSVs use
 * ({@code left_shoulder}, {@code right_foot_index}). "Left" and "right" are the person's own
 * sides, not the sides of the image.
 */
public enum Joint implements BodyPoint {
    NOSE(Side.CENTRE),
    LEFT_EYE_INNER(Side.LEFT),
    LEFT_EYE(Side.LEFT),
    LEFT_EYE_OUTER(Side.LEFT),
    RIGHT_EYE_INNER(Side.RIGHT),
    RIGHT_EYE(Side.RIGHT),
    RIGHT_EYE_OUTER(Side.RIGHT),
    LEFT_EAR(Side.LEFT),
    RIGHT_EAR(Side.RIGHT),
    MOUTH_LEFT(Side.LEFT),
    MOUTH_RIGHT(Side.RIGHT),
    LEFT_SHOULDER(Side.LEFT),
    RIGHT_SHOULDER(Side.RIGHT),
    LEFT_ELBOW(Side.LEFT),
    RIGHT_ELBOW(Side.RIGHT),
    LEFT_WRIST(Side.LEFT),
    RIGHT_WRIST(Side.RIGHT),
    LEFT_PINKY(Side.LEFT),
    RIGHT_PINKY(Side.RIGHT),
    LEFT_INDEX(Side.LEFT),
    RIGHT_INDEX(Side.RIGHT),
    LEFT_THUMB(Side.LEFT),
    RIGHT_THUMB(Side.RIGHT),
    LEFT_HIP(Side.LEFT),
    RIGHT_HIP(Side.RIGHT),
    LEFT_KNEE(Side.LEFT),
    RIGHT_KNEE(Side.RIGHT),
    LEFT_ANKLE(Side.LEFT),
    RIGHT_ANKLE(Side.RIGHT),
    LEFT_HEEL(Side.LEFT),
    RIGHT_HEEL(Side.RIGHT),
    LEFT_FOOT_INDEX(Side.LEFT),
    RIGHT_FOOT_INDEX(Side.RIGHT);

    /** Number of BlazePose landmarks. */
    public static final int COUNT = 33;

    /** Which side of the body a joint is on. */
    public enum Side { LEFT, RIGHT, CENTRE }

    private static final Joint[] BY_INDEX = values();

    private final Side side;

    Joint(Side side) {
        this.side = side;
    }

    /** MediaPipe landmark index, 0..32. */
    public int index() {
        return ordinal();
    }

    /** The person's side this joint is on. */
    public Side side() {
        return side;
    }

    /** MediaPipe's name: lower case with underscores, e.g. {@code left_foot_index}. */
    public String mediaPipeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where this joint is in {@code pose}, or empty when it is missing there. */
    @Override
    public Optional<Vec3> in(Pose pose) {
        return pose.position(this);
    }

    /** This joint alone. */
    @Override
    public List<Joint> joints() {
        return List.of(this);
    }

    /** Same as {@link #mediaPipeName()}. */
    @Override
    public String pointName() {
        return mediaPipeName();
    }

    /**
     * The same landmark on the other side of the body ({@code LEFT_ELBOW <-> RIGHT_ELBOW},
     * {@code MOUTH_LEFT <-> MOUTH_RIGHT}); the nose maps to itself. Used to mirror a pose.
     */
    public Joint mirror() {
        return switch (side) {
            case CENTRE -> this;
            case LEFT -> valueOf(swapSide(name(), "LEFT", "RIGHT"));
            case RIGHT -> valueOf(swapSide(name(), "RIGHT", "LEFT"));
        };
    }

    private static String swapSide(String name, String from, String to) {
        return name.replace(from, to);
    }

    /** The joint with MediaPipe index {@code index}. */
    public static Joint byIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("BlazePose landmark index must be 0..32, got " + index);
        }
        return BY_INDEX[index];
    }

    /** The joint with MediaPipe name {@code name} (case-insensitive, e.g. {@code "left_hip"}). */
    public static Optional<Joint> byMediaPipeName(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (Joint joint : BY_INDEX) {
            if (joint.name().equals(wanted)) {
                return Optional.of(joint);
            }
        }
        return Optional.empty();
    }
}
