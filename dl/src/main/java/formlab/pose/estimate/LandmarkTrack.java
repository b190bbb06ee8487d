package formlab.pose.estimate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import formlab.pose.Pose;

/**
 * Landmarks of consecutive video frames on their way to a landmark CSV. The sequence readers expect
 * every joint in every row, so a frame where no person was found repeats the previous frame's
 * landmarks (frames before the first person found take that first pose); the count of such frames
 * is kept, so the caller can say how much of the file is filled in.
 */
final class LandmarkTrack {

    private final List<Pose> poses = new ArrayList<>();
    private int withoutPerson;
    private int unreadable;

    /** Adds the next frame's estimate. */
    void add(LandmarkEstimate estimate) {
        if (estimate.personFound()) {
            poses.add(estimate.pose());
        } else {
            poses.add(null);
            withoutPerson++;
        }
    }

    /** Counts a frame that could not be decoded (it gets no row). */
    void unreadable() {
        unreadable++;
    }

    /**
     * Writes the rows to {@code csv} (atomically), every row labelled {@code label}.
     *
     * @throws IllegalArgumentException naming {@code source} when no frame shows a person
     */
    FrameFolders.Result write(Path source, Path csv, String label) {
        Pose previous = poses.stream().filter(p -> p != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + ": no frame of " + poses.size() + " shows a person"));
        List<Pose> rows = new ArrayList<>(poses.size());
        for (Pose p : poses) {
            previous = p == null ? previous : p;
            rows.add(previous);
        }
        LandmarkCsv.write(csv, rows, label);
        return new FrameFolders.Result(csv, rows.size(), withoutPerson, unreadable);
    }
}
