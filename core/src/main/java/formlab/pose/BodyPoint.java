package formlab.pose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A point of the body that geometry can be measured between: a single {@link Joint}, or the
 * {@link Centre} of two joints (hip centre, shoulder centre).
 */
public sealed interface BodyPoint permits Joint, BodyPoint.Centre {

    /** The hip centre: midpoint of the two hips. */
    Centre HIP_CENTRE = new Centre("hip_centre", Joint.LEFT_HIP, Joint.RIGHT_HIP);

    /** The shoulder centre: midpoint of the two shoulders. */
    Centre SHOULDER_CENTRE = new Centre("shoulder_centre", Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER);

    /** The ankle centre: midpoint of the two ankles. */
    Centre ANKLE_CENTRE = new Centre("ankle_centre", Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);

    /** Where this point is in {@code pose} (z NaN without depth), or empty when a joint is missing. */
    Optional<Vec3> in(Pose pose);

    /** The joints this point needs: itself, or both joints of a centre. */
    List<Joint> joints();

    /** Lower-case name used in feature names, e.g. {@code left_wrist} or {@code hip_centre}. */
    String pointName();

    /**
     * The midpoint of two joints.
     *
     * @param name lower-case name, e.g. {@code hip_centre}
     * @param a    one joint
     * @param b    the other joint
     */
    record Centre(String name, Joint a, Joint b) implements BodyPoint {

        public Centre {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }

        @Override
        public Optional<Vec3> in(Pose pose) {
            return pose.midpoint(a, b);
        }

        @Override
        public String pointName() {
            return name;
        }

        @Override
        public List<Joint> joints() {
            return List.of(a, b);
        }
    }
}
