package formlab.pose;

import java.util.Objects;

/**
 * A segment drawn between two landmarks, e.g. left shoulder to left elbow.
 *
 * @param from one end
 * @param to   the other end
 */
public record Bone(Joint from, Joint to) {

    public Bone {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("A bone needs two different joints, got " + from + " twice");
        }
    }

    /** The same bone on the other side of the body. */
    public Bone mirror() {
        return new Bone(from.mirror(), to.mirror());
    }

    @Override
    public String toString() {
        return from.mediaPipeName() + "-" + to.mediaPipeName();
    }
}
