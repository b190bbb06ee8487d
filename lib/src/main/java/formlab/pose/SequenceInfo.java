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
 */
public record SequenceInfo(Path source, String dataset, String participant, String camera, String label) {

    public SequenceInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
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

    /** Short id for reports: {@code label/camera/participant} from what is known, else the file name. */
    public String id() {
        StringBuilder id = new StringBuilder();
        for (String part : new String[] {label, camera, participant}) {
            if (part != null) {
                id.append(id.isEmpty() ? "" : "/").append(part);
            }
        }
        return id.isEmpty() ? source.getFileName().toString() : id.toString();
    }
}
