package formlab.pose;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pose sequence came from and what it shows.
 *
 * @param source      the file it was read from
 * @param dataset     dataset name, e.g. {@code pose-yoga-posepilot}
 * @param participant participant id (e.g. {@code P3}), or null when the data has none
 * @param camera      camera id (e.g. {@code cam_2}), or null when unknown
 * @param label       label of the whole sequence (e.g. the yoga pose), or null when labels are per frame
 * @param take        which part of a file that concatenates several recordings (0, 1, ...), or -1 for the whole file
 */
public record SequenceInfo(Path source, String dataset, String participant, String camera, String label, int take) {

    public SequenceInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        if (take < -1) {
            throw new IllegalArgumentException("take must be -1 (whole file) or >= 0, got " + take);
        }
    }

    /** A whole file. */
    public SequenceInfo(Path source, String dataset, String participant, String camera, String label) {
        this(source, dataset, participant, camera, label, -1);
    }

    /** The same source, as take {@code number} of it. */
    public SequenceInfo asTake(int number) {
        return new SequenceInfo(source, dataset, participant, camera, label, number);
    }

    /** The participant, if known. */
    public Optional<String> participantId() {
        return Optional.ofNullable(participant);
    }

    /** The camera, if known. */
    public Optional<String> cameraId() {
        return Optional.ofNullable(camera);
    }

    /** The sequence label, if the sequence has one. */
    public Optional<String> sequenceLabel() {
        return Optional.ofNullable(label);
    }

    /**
     * Short id for reports: {@code label/camera/participant} from what is known, else the file
     * name; a take adds {@code #<take>}.
     */
    public String id() {
        StringBuilder id = new StringBuilder();
        for (String part : new String[] {label, camera, participant}) {
            if (part != null) {
                id.append(id.isEmpty() ? "" : "/").append(part);
            }
        }
        String base = id.isEmpty() ? source.getFileName().toString() : id.toString();
        return take >= 0 ? base + "#" + take : base;
    }
}
