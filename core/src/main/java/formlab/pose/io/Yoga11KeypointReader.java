package formlab.pose.io;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the 11-keypoint yoga layout (K. Ehinger, COMP30027, University of Melbourne): no header,
 * 23 columns per image: class, then x of the 11 {@link Keypoint}s, then y of the same 11, in
 * centred pixel-like coordinates; {@value #MISSING} marks a keypoint that was not found.
 *
 * <p>Mapping onto BlazePose, following the dataset README's order (head, shoulders, elbowR,
 * wristR, elbowL, wristL, hips, kneeR, footR, kneeL, footL):
 * <ul>
 *   <li>head goes to {@link Joint#NOSE} (the nearest BlazePose landmark);</li>
 *   <li>"shoulders" and "hips" are single centre points: each is written to both the left and the
 *       right joint of its pair, so shoulder and hip centres and the torso length are right, while
 *       shoulder and hip widths read as 0;</li>
 *   <li>elbows, wrists and knees go to the same-named joints; R and L are the person's sides
 *       (in standing poses elbowR lies at negative x, as for a person facing the camera);</li>
 *   <li>"foot" goes to {@link Joint#LEFT_ANKLE} / {@link Joint#RIGHT_ANKLE}, so knee angles use it.</li>
 * </ul>
 * The source's y axis points up (the head of a standing person has the larger y); the reader
 * negates y so that, as everywhere in FormLab, y points down. A keypoint whose x or y is
 * {@value #MISSING} is missing; rows in which every keypoint is missing are kept as frames with
 * no joints (counted in {@link ReadReport#emptyFrames()}). Each row is a separate image: frame
 * {@code i} is data row {@code i}, labels are per frame, poses are
 * {@link CoordinateSpace#IMAGE_CENTRED} without depth.
 */
public final class Yoga11KeypointReader {

    /** The value that marks a missing keypoint. */
    public static final double MISSING = 9999;

    /** The 11 keypoints in file order, with the BlazePose joints each one is written to. */
    public enum Keypoint {
        HEAD(Joint.NOSE),
        SHOULDERS(Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER),
        ELBOW_R(Joint.RIGHT_ELBOW),
        WRIST_R(Joint.RIGHT_WRIST),
        ELBOW_L(Joint.LEFT_ELBOW),
        WRIST_L(Joint.LEFT_WRIST),
        HIPS(Joint.LEFT_HIP, Joint.RIGHT_HIP),
        KNEE_R(Joint.RIGHT_KNEE),
        FOOT_R(Joint.RIGHT_ANKLE),
        KNEE_L(Joint.LEFT_KNEE),
        FOOT_L(Joint.LEFT_ANKLE);

        private final List<Joint> joints;

        Keypoint(Joint... joints) {
            this.joints = List.of(joints);
        }

        /** The BlazePose joints this keypoint is written to. */
        public List<Joint> joints() {
            return joints;
        }
    }

    /** Columns per row: class, 11 x, 11 y. */
    public static final int COLUMNS = 1 + 2 * Keypoint.values().length;

    /** Resource listing the dataset's classes, one per line ({@code #} starts a comment). */
    static final String CLASSES_RESOURCE = "pose-yoga-11kp-classes.txt";

    private final BadRowPolicy policy;
    private final java.util.Set<String> classes;

    /** A reader that fails on the first bad row. */
    public Yoga11KeypointReader() {
        this(BadRowPolicy.FAIL);
    }

    /** A reader with the given bad-row policy, accepting the dataset's classes ({@link #datasetClasses()}). */
    public Yoga11KeypointReader(BadRowPolicy policy) {
        this(policy, datasetClasses());
    }

    /** A reader with the given bad-row policy that accepts only {@code classes} as labels. */
    public Yoga11KeypointReader(BadRowPolicy policy, java.util.Collection<String> classes) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.classes = java.util.Set.copyOf(classes);
    }

    /** The ten classes of the dataset, as its README lists them (read from {@value #CLASSES_RESOURCE}). */
    public static List<String> datasetClasses() {
        try (var in = Yoga11KeypointReader.class.getResourceAsStream(CLASSES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + CLASSES_RESOURCE + " is missing from the FormLab JAR");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + CLASSES_RESOURCE, e);
        }
    }

    /** Reads one file ({@code all.csv}, {@code train.csv} or {@code test.csv} of the dataset). */
    public LandmarkRead read(Path file) {
        List<CsvText.Line> rows = CsvText.read(file);
        Keypoint[] keypoints = Keypoint.values();
        int count = keypoints.length;
        ReadReport.Builder report = new ReadReport.Builder(file);
        List<PoseFrame> frames = RowLoop.run(file, rows, policy, report, (line, index) -> {
            CsvText.requireColumns(file, line, COLUMNS, "class, 11 x, 11 y; no header");
            String label = CsvText.label(file, line, 0);
            if (!classes.contains(label)) {
                throw new LandmarkFormatException(LandmarkFormatException.Problem.UNKNOWN_LABEL, file, line.number(), 1,
                        "class '" + label + "' is not one of the dataset's classes " + new java.util.TreeSet<>(classes));
            }
            Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_CENTRED, false);
            int missing = 0;
            for (int k = 0; k < count; k++) {
                String name = keypoints[k].name().toLowerCase(java.util.Locale.ROOT);
                double x = CsvText.number(file, line, 1 + k, "x of " + name);
                double y = CsvText.number(file, line, 1 + count + k, "y of " + name);
                if (x == MISSING || y == MISSING) {
                    missing++;
                    continue;
                }
                for (Joint joint : keypoints[k].joints()) {
                    pose.set(joint, x, -y);
                }
            }
            return new RowLoop.Parsed(new PoseFrame(index, label, pose.build()), missing);
        });
        SequenceInfo info = new SequenceInfo(file, KnownDataset.POSE_YOGA_11KP.folderName(), null, null, null);
        return new LandmarkRead(new PoseSequence(info, frames), report.build());
    }
}
