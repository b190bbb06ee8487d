package formlab.pose.io;

import formlab.pose.PoseSequence;
import java.util.Objects;

/**
 * A file read into a pose sequence, with the report of what was kept and skipped.
 *
 * @param sequence the frames read
 * @param report   row counts, skipped rows per problem, missing joints
 */
public record LandmarkRead(PoseSequence sequence, ReadReport report) {

    public LandmarkRead {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(report, "report");
    }
}
