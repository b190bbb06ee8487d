package formlab.pose.io;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the Exercise-Correction layout (MIT, NgoQuocBao1010/Exercise-Correction): a header
 * {@code label,<joint>_x,<joint>_y,<joint>_z,<joint>_v,...} naming a subset of the BlazePose
 * landmarks by their MediaPipe names, then one video frame per row with its label in column 1
 * (squat phase up/down, curl form C/L, plank C/H/L, lunge stage I/M/D or knee error C/L).
 *
 * <p>Joints are found by column name, not position: the files list them in different orders
 * (the curl file has the right elbow before the left). Every joint in the header must have all
 * four of {@code _x _y _z _v}. Joints outside the file's subset are missing in every pose, which
 * is explicit in {@link Pose#isPresent(Joint)}. The files hold no subject or video ids: the
 * sequence has per-frame labels and no participant. Poses are
 * {@link CoordinateSpace#IMAGE_NORMALISED} with depth. Bad rows follow the {@link BadRowPolicy}.
 */
public final class ExerciseCorrectionReader {

    private static final List<String> AXES = List.of("x", "y", "z", "v");

    private final BadRowPolicy policy;

    /** A reader that fails on the first bad row. */
    public ExerciseCorrectionReader() {
        this(BadRowPolicy.FAIL);
    }

    /** A reader with the given bad-row policy. */
    public ExerciseCorrectionReader(BadRowPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Reads one file. */
    public LandmarkRead read(Path file) {
        List<CsvText.Line> lines = CsvText.read(file);
        Map<Joint, int[]> columns = parseHeader(file, lines.get(0));
        int width = lines.get(0).cells().length;
        List<CsvText.Line> rows = lines.subList(1, lines.size());
        if (rows.isEmpty()) {
            throw new LandmarkFormatException(Problem.EMPTY_FILE, file, 0, 0, "the file has a header but no data rows");
        }
        ReadReport.Builder report = new ReadReport.Builder(file);
        List<PoseFrame> frames = RowLoop.run(file, rows, policy, report, (line, index) -> {
            CsvText.requireColumns(file, line, width, "label and " + columns.size() + " joints x 4, as in the header");
            String label = CsvText.label(file, line, 0);
            Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
            for (Map.Entry<Joint, int[]> entry : columns.entrySet()) {
                Joint joint = entry.getKey();
                int[] at = entry.getValue();
                String name = joint.mediaPipeName();
                pose.set(joint,
                        CsvText.number(file, line, at[0], name + "_x"),
                        CsvText.number(file, line, at[1], name + "_y"),
                        CsvText.number(file, line, at[2], name + "_z"),
                        CsvText.visibility(file, line, at[3], name + "_v"));
            }
            return new RowLoop.Parsed(new PoseFrame(index, label, pose.build()), 0);
        });
        SequenceInfo info = new SequenceInfo(file, KnownDataset.POSE_EXERCISE_CORRECTION.folderName(), null, null, null);
        return new LandmarkRead(new PoseSequence(info, frames), report.build());
    }

    /** The joints a file's header names, in BlazePose order. */
    public static List<Joint> joints(Path file) {
        return List.copyOf(parseHeader(file, CsvText.read(file).get(0)).keySet());
    }

    /** Maps each joint in the header to the 0-based cells of its x, y, z, v. */
    private static Map<Joint, int[]> parseHeader(Path file, CsvText.Line header) {
        String[] cells = header.cells();
        if (!cells[0].strip().equals("label")) {
            throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), 1,
                    "expected 'label' as the first column, found '" + cells[0] + "'");
        }
        if (cells.length < 5) {
            throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), 0,
                    "expected label and at least one joint's _x,_y,_z,_v columns, found " + cells.length + " columns");
        }
        Map<Joint, int[]> columns = new EnumMap<>(Joint.class);
        for (int i = 1; i < cells.length; i++) {
            String name = cells[i].strip();
            int underscore = name.lastIndexOf('_');
            String axis = underscore < 0 ? "" : name.substring(underscore + 1);
            int axisIndex = AXES.indexOf(axis);
            Joint joint = underscore < 0 ? null : Joint.byMediaPipeName(name.substring(0, underscore)).orElse(null);
            if (joint == null || axisIndex < 0) {
                throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), i + 1,
                        "expected <joint>_<x|y|z|v> with a MediaPipe joint name (e.g. left_hip_x), found '" + name + "'");
            }
            int[] at = columns.computeIfAbsent(joint, j -> new int[] {-1, -1, -1, -1});
            if (at[axisIndex] >= 0) {
                throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), i + 1,
                        "column '" + name + "' appears twice (first at column " + (at[axisIndex] + 1) + ")");
            }
            at[axisIndex] = i;
        }
        for (Map.Entry<Joint, int[]> entry : columns.entrySet()) {
            for (int a = 0; a < AXES.size(); a++) {
                if (entry.getValue()[a] < 0) {
                    throw new LandmarkFormatException(Problem.BAD_HEADER, file, header.number(), 0,
                            "expected column '" + entry.getKey().mediaPipeName() + "_" + AXES.get(a)
                                    + "' since the header has other columns of that joint");
                }
            }
        }
        return Collections.unmodifiableMap(columns);
    }

    /** The files of the dataset this project uses, relative to the dataset folder. */
    public enum DatasetFile {
        /** Squat phase up/down, training file (4160 rows). */
        SQUAT_TRAIN("core/squat_model/train.csv"),
        /** Squat phase up/down, test file (853 rows). */
        SQUAT_TEST("core/squat_model/test.csv"),
        /** Bicep curl form C (correct) / L (lean back), test file only. */
        CURL_TEST("core/bicep_model/test.csv"),
        /** Plank form C / H (high back) / L (low back), test file. */
        PLANK_TEST("core/plank_model/test.csv"),
        /** Plank, correct form only (C), from Kaggle yoga images. */
        PLANK_KAGGLE("core/plank_model/kaggle.csv"),
        /** Lunge stage I (init) / M (mid) / D (down), test file. */
        LUNGE_STAGE_TEST("core/lunge_model/stage.test.csv"),
        /** Lunge knee-over-toe error C / L, test file. */
        LUNGE_ERROR_TEST("core/lunge_model/err.test.csv");

        private final String relativePath;

        DatasetFile(String relativePath) {
            this.relativePath = relativePath;
        }

        /** The path inside the dataset folder. */
        public String relativePath() {
            return relativePath;
        }

        /** The file under {@code datasetRoot}. */
        public Path in(Path datasetRoot) {
            return datasetRoot.resolve(relativePath);
        }
    }

    /** Reads several dataset files (in order) from {@code datasetRoot}. */
    public List<LandmarkRead> readAll(Path datasetRoot, DatasetFile... files) {
        List<LandmarkRead> reads = new ArrayList<>();
        for (DatasetFile file : files) {
            reads.add(read(file.in(datasetRoot)));
        }
        return reads;
    }
}
