package formlab.features.pose;

import formlab.pose.BodyPoint;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.JointAngle;
import formlab.pose.Pose;
import formlab.pose.PoseGeometry.Dimension;
import formlab.pose.Segment;
import formlab.pose.Skeleton;
import formlab.pose.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An ordered list of named per-frame pose features. Names say what is measured and how:
 * <ul>
 *   <li>{@code angle_<vertex joint>_<2d|3d>}: the {@link JointAngle}s at elbows, shoulders, hips
 *       and knees, degrees;</li>
 *   <li>{@code incline_<segment>_<2d|3d>}: a {@link Segment}'s angle to the vertical, degrees
 *       (0 = as when standing with arms down);</li>
 *   <li>{@code dist_<span>_<2d|3d>}: a {@link Span} in torso lengths;</li>
 *   <li>{@code pos_<joint>_<x|y|z>}: a joint's body-space position (hip centre = origin, torso =
 *       1; z only with 3D). Needs a normalised pose.</li>
 * </ul>
 * A feature whose joints are missing is NaN. Names are unique (checked when the set is built).
 */
public final class PoseFeatureSet {

    /** Families of features. */
    public enum Group {
        /** Three-joint angles. */
        ANGLES,
        /** Segment inclinations to the vertical. */
        INCLINATIONS,
        /** Distances in torso lengths. */
        DISTANCES,
        /** Body-space joint positions. */
        POSITIONS
    }

    /**
     * One named feature.
     *
     * @param name   unique name
     * @param group  its family
     * @param joints the joints its measurement uses on a normalised pose (it is NaN when one is
     *               missing); normalisation itself also needs both shoulders and hips
     * @param value  computes it from a pose
     */
    public record Feature(String name, Group group, Set<Joint> joints, ToDoubleFunction<Pose> value) {
        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(group, "group");
            joints = Set.copyOf(joints);
            Objects.requireNonNull(value, "value");
        }
    }

    /** The joints whose body-space positions are features. */
    public static final List<Joint> POSITION_JOINTS = List.of(Joint.NOSE, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER,
            Joint.LEFT_ELBOW, Joint.RIGHT_ELBOW, Joint.LEFT_WRIST, Joint.RIGHT_WRIST, Joint.LEFT_HIP, Joint.RIGHT_HIP,
            Joint.LEFT_KNEE, Joint.RIGHT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);

    private final List<Feature> features;

    /** A set of the given features, in order; fails on a repeated name. */
    public PoseFeatureSet(List<Feature> features) {
        this.features = List.copyOf(features);
        Set<String> seen = new HashSet<>();
        for (Feature feature : this.features) {
            if (!seen.add(feature.name())) {
                throw new IllegalArgumentException("Feature name '" + feature.name() + "' appears twice");
            }
        }
    }

    /** Every group in 2D and 3D. */
    public static PoseFeatureSet standard() {
        return of(EnumSet.allOf(Group.class), EnumSet.allOf(Dimension.class));
    }

    /** Every group, image plane only: for 2D keypoints or when MediaPipe's z is not trusted. */
    public static PoseFeatureSet twoD() {
        return of(EnumSet.allOf(Group.class), EnumSet.of(Dimension.TWO_D));
    }

    /**
     * The chosen groups in the chosen dimensions. Order: angles, inclinations, distances
     * (each first in 2D, then 3D), then positions.
     */
    public static PoseFeatureSet of(Set<Group> groups, Set<Dimension> dimensions) {
        List<Feature> list = new ArrayList<>();
        for (Dimension dimension : EnumSet.copyOf(dimensions)) {
            if (groups.contains(Group.ANGLES)) {
                for (JointAngle angle : JointAngle.values()) {
                    list.add(new Feature(angle.featureName(dimension), Group.ANGLES,
                            Set.of(angle.first(), angle.vertex(), angle.last()), p -> angle.of(p, dimension)));
                }
            }
            if (groups.contains(Group.INCLINATIONS)) {
                for (Segment segment : Segment.values()) {
                    list.add(new Feature(segment.featureName(dimension), Group.INCLINATIONS,
                            joints(segment.lower(), segment.upper()), p -> segment.inclination(p, dimension)));
                }
            }
            if (groups.contains(Group.DISTANCES)) {
                for (Span span : Span.values()) {
                    // a relative distance also needs the torso it is divided by
                    Set<Joint> needs = new HashSet<>(joints(span.a(), span.b()));
                    needs.addAll(Skeleton.TORSO);
                    list.add(new Feature(span.featureName(dimension), Group.DISTANCES, needs, p -> span.of(p, dimension)));
                }
            }
        }
        if (groups.contains(Group.POSITIONS)) {
            boolean depth = dimensions.contains(Dimension.THREE_D);
            for (Joint joint : POSITION_JOINTS) {
                String base = "pos_" + joint.mediaPipeName().toLowerCase(Locale.ROOT);
                Set<Joint> needs = Set.of(joint);
                list.add(new Feature(base + "_x", Group.POSITIONS, needs, p -> bodyOnly(p).x(joint)));
                list.add(new Feature(base + "_y", Group.POSITIONS, needs, p -> bodyOnly(p).y(joint)));
                if (depth) {
                    list.add(new Feature(base + "_z", Group.POSITIONS, needs, p -> bodyOnly(p).z(joint)));
                }
            }
        }
        return new PoseFeatureSet(list);
    }

    private static Set<Joint> joints(BodyPoint a, BodyPoint b) {
        Set<Joint> joints = new HashSet<>(a.joints());
        joints.addAll(b.joints());
        return joints;
    }

    /**
     * The features whose joints are all in {@code available}: for a file that records a subset
     * of the landmarks (the squat files have no arms), so that no feature is NaN by construction.
     */
    public PoseFeatureSet restrictTo(Set<Joint> available) {
        return new PoseFeatureSet(features.stream().filter(f -> available.containsAll(f.joints())).toList());
    }

    private static Pose bodyOnly(Pose pose) {
        if (pose.space() != CoordinateSpace.BODY) {
            throw new IllegalArgumentException("Position features need a normalised pose (BODY space), got "
                    + pose.space() + ": normalise with PoseNormalizer first");
        }
        return pose;
    }

    /** The features, in order. */
    public List<Feature> features() {
        return features;
    }

    /** Feature names, in order. */
    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    /** One row per feature: its name, group and unit, in order. For notebooks. */
    public Table describe() {
        StringColumn name = StringColumn.create("feature");
        StringColumn group = StringColumn.create("group");
        StringColumn unit = StringColumn.create("unit");
        for (Feature feature : features) {
            name.append(feature.name());
            group.append(feature.group().name().toLowerCase(Locale.ROOT));
            unit.append(switch (feature.group()) {
                case ANGLES, INCLINATIONS -> "degrees";
                case DISTANCES, POSITIONS -> "torso lengths";
            });
        }
        return Table.create("Pose features (" + features.size() + ")").addColumns(name, group, unit);
    }

    /** Number of features. */
    public int size() {
        return features.size();
    }

    /** The features of one pose, ordered as {@link #names()}; NaN where joints are missing. */
    public double[] compute(Pose pose) {
        double[] values = new double[features.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = features.get(i).value().applyAsDouble(pose);
        }
        return values;
    }
}
