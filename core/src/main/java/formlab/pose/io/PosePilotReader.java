package formlab.pose.io;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the PosePilot layout: MediaPipe BlazePose landmarks, one video frame per row, header
 * {@code 0,1,...,131,asana}; the 132 numbers are x, y, z, visibility of landmark 0, then of
 * landmark 1, and so on (landmark-major); the last column is the pose name.
 *
 * <p>In the dataset the path says the rest: {@code <pose>/cam_<n>/P<k>.csv}. When a file sits in
 * such a path, the sequence gets participant {@code P<k>}, camera {@code cam_<n>} and label
 * {@code <pose>}, and every row's {@code asana} must equal the folder's pose (else
 * {@link Problem#LABEL_MISMATCH}). Files elsewhere (e.g. one to score) get no participant or
 * camera, and the sequence label is the asana value when all rows agree.
 *
 * <p>Poses are {@link CoordinateSpace#IMAGE_NORMALISED} with depth; all 33 joints are present and
 * keep MediaPipe's visibility (use {@link Pose#withMinVisibility(double)} to drop occluded ones).
 * Bad rows follow the {@link BadRowPolicy}; header problems always fail.
 */
public final class PosePilotReader {

    /** The six pose classes (folder names). */
    public static final List<String> POSES = List.of("chair", "cobra", "downdog", "goddess", "tree", "warrior");

    /** Columns per row: 132 landmark values and the label. */
    public static final int COLUMNS = Joint.COUNT * 4 + 1;

    private static final Pattern CAMERA = Pattern.compile("cam_\\d+");
    private static final Pattern PARTICIPANT = Pattern.compile("P\\d+");
    private static final String[] AXES = {"x", "y", "z", "visibility"};

    private final BadRowPolicy policy;

    /** A reader that fails on the first bad row. */
    public PosePilotReader() {
        this(BadRowPolicy.FAIL);
    }

    /** A reader with the given bad-row policy. */
    public PosePilotReader(BadRowPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Reads one file. */
    public LandmarkRead read(Path file) {
        List<CsvText.Line> lines = CsvText.read(file);
        checkHeader(file, lines.get(0));
        List<CsvText.Line> rows = lines.subList(1, lines.size());
        if (rows.isEmpty()) {
            throw new LandmarkFormatException(Problem.EMPTY_FILE, file, 0, 0, "the file has a header but no data rows");
        }
        String folderPose = folderPose(file);
        ReadReport.Builder report = new ReadReport.Builder(file);
        List<PoseFrame> frames = RowLoop.run(file, rows, policy, report, (line, index) -> {
            CsvText.requireColumns(file, line, COLUMNS, "132 landmark values and asana");
            String label = CsvText.label(file, line, COLUMNS - 1);
            if (folderPose != null && !label.equals(folderPose)) {
                throw new LandmarkFormatException(Problem.LABEL_MISMATCH, file, line.number(), COLUMNS,
                        "expected asana '" + folderPose + "' (the file's folder), found '" + label + "'");
            }
            Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
            for (Joint joint : Joint.values()) {
                int at = joint.index() * 4;
                double x = CsvText.number(file, line, at, describe(joint, 0));
                double y = CsvText.number(file, line, at + 1, describe(joint, 1));
                double z = CsvText.number(file, line, at + 2, describe(joint, 2));
                double v = CsvText.visibility(file, line, at + 3, describe(joint, 3));
                pose.set(joint, x, y, z, v);
            }
            return new RowLoop.Parsed(new PoseFrame(index, label, pose.build()), 0);
        });
        String sequenceLabel = folderPose != null ? folderPose : commonLabel(frames);
        boolean inLayout = folderPose != null;
        SequenceInfo info = new SequenceInfo(file, KnownDataset.POSE_YOGA_POSEPILOT.folderName(),
                inLayout ? stem(file) : null,
                inLayout ? file.getParent().getFileName().toString() : null,
                sequenceLabel);
        return new LandmarkRead(new PoseSequence(info, frames), report.build());
    }

    /**
     * Reads every {@code <pose>/cam_<n>/P<k>.csv} under the dataset folder, sorted by pose,
     * camera and participant.
     */
    public List<LandmarkRead> readAll(Path datasetRoot) {
        List<LandmarkRead> reads = new ArrayList<>();
        for (Path file : files(datasetRoot)) {
            reads.add(read(file));
        }
        return reads;
    }

    /** The landmark files of the dataset layout under {@code datasetRoot}, sorted. */
    public static List<Path> files(Path datasetRoot) {
        if (!Files.isDirectory(datasetRoot)) {
            throw new LandmarkFormatException(Problem.MISSING_FILE, datasetRoot, 0, 0, "no such dataset folder");
        }
        try (Stream<Path> walk = Files.walk(datasetRoot, 3)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> folderPose(p) != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + datasetRoot, e);
        }
    }

    private static void checkHeader(Path file, CsvText.Line header) {
        String[] cells = header.cells();
        if (cells.length != COLUMNS) {
            throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), 0,
                    "expected the PosePilot header 0,1,...,131,asana (" + COLUMNS + " columns), found "
                            + cells.length + " columns");
        }
        for (int i = 0; i < COLUMNS - 1; i++) {
            if (!cells[i].strip().equals(Integer.toString(i))) {
                throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), i + 1,
                        "expected header '" + i + "', found '" + cells[i] + "'");
            }
        }
        if (!cells[COLUMNS - 1].strip().equals("asana")) {
            throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), COLUMNS,
                    "expected header 'asana', found '" + cells[COLUMNS - 1] + "'");
        }
    }

    /** The pose folder when {@code file} is {@code <pose>/cam_<n>/P<k>.csv}, else null. */
    private static String folderPose(Path file) {
        Path camera = file.toAbsolutePath().getParent();
        if (camera == null || camera.getParent() == null || !CAMERA.matcher(camera.getFileName().toString()).matches()
                || !PARTICIPANT.matcher(stem(file)).matches()) {
            return null;
        }
        return camera.getParent().getFileName().toString();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String commonLabel(List<PoseFrame> frames) {
        List<String> labels = frames.stream().map(PoseFrame::label).distinct().toList();
        return labels.size() == 1 ? labels.get(0) : null;
    }

    private static String describe(Joint joint, int axis) {
        return joint.mediaPipeName() + " " + AXES[axis] + " (landmark " + joint.index() + ")";
    }
}
