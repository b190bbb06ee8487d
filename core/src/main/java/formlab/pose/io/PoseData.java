package formlab.pose.io;

import formlab.data.DataOrigin;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Pose sequences loaded for a notebook or command, with where they came from and what the
 * readers reported.
 *
 * @param origin    which data this is (real dataset or embedded sample), for the report banner
 * @param sequences the sequences, in file order
 * @param reports   one read report per file
 */
public record PoseData(DataOrigin origin, List<PoseSequence> sequences, List<ReadReport> reports) {

    public PoseData {
        Objects.requireNonNull(origin, "origin");
        sequences = List.copyOf(sequences);
        reports = List.copyOf(reports);
    }

    /** The sequence with id {@code id} (e.g. {@code tree/cam_0/P1}), if loaded. */
    public Optional<PoseSequence> find(String id) {
        return sequences.stream().filter(s -> s.info().id().equals(id)).findFirst();
    }

    /** Total number of frames. */
    public int frameCount() {
        return sequences.stream().mapToInt(PoseSequence::size).sum();
    }

    /** Frames per label (frame label, else sequence label), sorted by label. */
    public Map<String, Integer> framesPerLabel() {
        Map<String, Integer> counts = new TreeMap<>();
        for (PoseSequence sequence : sequences) {
            for (int i = 0; i < sequence.size(); i++) {
                counts.merge(Objects.requireNonNullElse(sequence.labelOf(i), "(none)"), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * One row per sequence: id, label, participant, camera, frames, skipped rows. The table a
     * notebook shows to say what was loaded.
     */
    public Table sequenceTable() {
        Table table = Table.create("Sequences of " + origin.dataset());
        StringColumn id = StringColumn.create("sequence");
        StringColumn label = StringColumn.create("label");
        StringColumn participant = StringColumn.create("participant");
        StringColumn camera = StringColumn.create("camera");
        IntColumn frames = IntColumn.create("frames");
        IntColumn skipped = IntColumn.create("skipped rows");
        for (int i = 0; i < sequences.size(); i++) {
            PoseSequence sequence = sequences.get(i);
            id.append(sequence.info().id());
            label.append(Objects.requireNonNullElse(sequence.info().label(), distinctLabels(sequence)));
            participant.append(Objects.requireNonNullElse(sequence.info().participant(), ""));
            camera.append(Objects.requireNonNullElse(sequence.info().camera(), ""));
            frames.append(sequence.size());
            skipped.append(i < reports.size() ? reports.get(i).skippedRows() : 0);
        }
        return table.addColumns(id, label, participant, camera, frames, skipped);
    }

    private static String distinctLabels(PoseSequence sequence) {
        return String.join("/", sequence.frames().stream().map(PoseFrame::label)
                .filter(Objects::nonNull).distinct().sorted().toList());
    }
}
