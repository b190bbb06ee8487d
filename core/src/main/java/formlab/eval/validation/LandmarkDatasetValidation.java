package formlab.eval.validation;

import formlab.data.KnownDataset;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.io.BadRowPolicy;
import formlab.pose.io.ExerciseCorrectionReader;
import formlab.pose.io.LandmarkFormatException;
import formlab.pose.io.LandmarkRead;
import formlab.pose.io.PosePilotReader;
import formlab.pose.io.ReadReport;
import formlab.pose.io.Yoga11KeypointReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks the three landmark datasets: every file read with the pose readers in
 * {@link BadRowPolicy#SKIP} mode (header problems fail, bad rows are counted), missing and
 * low-visibility joints, class balance, coverage per participant and camera where the data has
 * them, and overlap between train and test files where it has those.
 */
public final class LandmarkDatasetValidation {

    /** Visibility below which MediaPipe's joint estimate is treated as a guess. */
    public static final double LOW_VISIBILITY = 0.5;
    /** Share of skipped rows in a file above which it fails (below: a warning). */
    public static final double MAX_SKIPPED_SHARE = 0.05;

    private LandmarkDatasetValidation() {
    }

    /**
     * PosePilot: {@code <pose>/cam_<n>/P<k>.csv} files. With {@code oneCamera} only {@code cam_1} is
     * read (smoke mode).
     */
    public static ValidationReport posePilot(Path root, boolean oneCamera) {
        List<Path> files = PosePilotReader.files(root).stream()
                .filter(p -> !oneCamera || p.getParent().getFileName().toString().equals("cam_1")).toList();
        PosePilotReader reader = new PosePilotReader(BadRowPolicy.SKIP);
        List<Finding> perFile = new ArrayList<>();
        StringColumn participant = StringColumn.create("participant");
        StringColumn camera = StringColumn.create("camera");
        StringColumn pose = StringColumn.create("pose");
        long joints = 0;
        long lowVisibility = 0;
        for (Path file : files) {
            String subject = root.relativize(file).toString();
            Optional<LandmarkRead> read = read(file, subject, reader::read, perFile);
            if (read.isEmpty()) {
                continue;
            }
            var info = read.get().sequence().info();
            for (PoseFrame frame : read.get().sequence().frames()) {
                participant.append(info.participantId().orElse("?"));
                camera.append(info.cameraId().orElse("?"));
                pose.append(frame.label());
                for (Joint joint : Joint.values()) {
                    joints++;
                    lowVisibility += frame.pose().visibility(joint) < LOW_VISIBILITY ? 1 : 0;
                }
            }
        }
        Table frames = Table.create("PosePilot frames", participant, camera, pose);
        List<Finding> visibility = List.of(joints == 0 ? Finding.fail("low visibility", "joints", "no frames read")
                : share(lowVisibility, joints) > 0.5
                ? Finding.warn("low visibility", "joints", percent(lowVisibility, joints) + " of joint estimates have visibility below "
                + LOW_VISIBILITY + ": features from hidden joints are guesses")
                : Finding.pass("low visibility", "joints", percent(lowVisibility, joints) + " of joint estimates have visibility below "
                + LOW_VISIBILITY));
        String title = KnownDataset.POSE_YOGA_POSEPILOT.folderName() + (oneCamera ? " (cam_1 only, smoke mode)" : "");
        if (frames.rowCount() == 0) {
            return ValidationReport.of(title, Findings.condense(perFile, "files"), visibility);
        }
        return ValidationReport.of(title, Findings.condense(perFile, "files"), visibility,
                TableChecks.labelDistribution(frames, "pose", 200, 3),
                TableChecks.groupCoverage(frames, "pose", "participant", 50),
                oneCamera ? List.of() : renamed(TableChecks.groupCoverage(frames, "pose", "camera", 50), "camera coverage"));
    }

    /**
     * Exercise-correction landmark files: the dataset's files that exist under {@code root} (either
     * the dataset layout {@code core/<exercise>_model/...} or the embedded sample's {@code <exercise>_model/...}).
     */
    public static ValidationReport exerciseCorrection(String name, Path root) {
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader(BadRowPolicy.SKIP);
        List<Finding> perFile = new ArrayList<>();
        List<List<Finding>> classes = new ArrayList<>();
        List<String> squatTrain = null;
        List<String> squatTest = null;
        for (ExerciseCorrectionReader.DatasetFile datasetFile : ExerciseCorrectionReader.DatasetFile.values()) {
            Optional<Path> file = locate(root, datasetFile.relativePath());
            if (file.isEmpty()) {
                continue;
            }
            String subject = root.relativize(file.get()).toString();
            Optional<LandmarkRead> read = read(file.get(), subject, reader::read, perFile);
            if (read.isEmpty()) {
                continue;
            }
            List<String> labels = read.get().sequence().frames().stream().map(PoseFrame::label).toList();
            Table table = Table.create(subject, StringColumn.create("label", labels));
            List<String> distinct = labels.stream().distinct().sorted().toList();
            classes.add(distinct.size() == 1
                    ? List.of(Finding.warn("label distribution", subject, "one class only (" + distinct.getFirst() + ", "
                    + labels.size() + " rows): it can only be used together with a file holding the other classes"))
                    : prefixed(TableChecks.labelDistribution(table, "label", 20, 3), subject));
            if (datasetFile == ExerciseCorrectionReader.DatasetFile.SQUAT_TRAIN) {
                squatTrain = lines(file.get(), true);
            } else if (datasetFile == ExerciseCorrectionReader.DatasetFile.SQUAT_TEST) {
                squatTest = lines(file.get(), true);
            }
        }
        if (perFile.isEmpty()) {
            return new ValidationReport(name, List.of(Finding.fail("files", root.toString(),
                    "none of the exercise-correction files " + List.of(ExerciseCorrectionReader.DatasetFile.values()) + " found")));
        }
        List<Finding> all = new ArrayList<>(Findings.condense(perFile, "files"));
        classes.forEach(all::addAll);
        all.add(Finding.warn("group coverage", "all files", "no subject or video ids: frames of one video are correlated, "
                + "so only the given file-level train/test split is honest; never split these rows at random"));
        if (squatTrain != null && squatTest != null) {
            all.add(overlap("squat train/test overlap", squatTrain, squatTest));
        }
        return new ValidationReport(name, all);
    }

    /** The 11-keypoint yoga files ({@code data/all.csv}, {@code train.csv}, {@code test.csv}) under {@code root}. */
    public static ValidationReport yoga11(Path root) {
        Yoga11KeypointReader reader = new Yoga11KeypointReader(BadRowPolicy.SKIP);
        List<Finding> perFile = new ArrayList<>();
        List<Finding> keypoints = new ArrayList<>();
        List<Finding> classes = new ArrayList<>();
        List<String> train = null;
        List<String> test = null;
        for (String fileName : List.of("all.csv", "train.csv", "test.csv")) {
            Optional<Path> file = locate(root, "data/" + fileName);
            if (file.isEmpty()) {
                continue;
            }
            String subject = root.relativize(file.get()).toString();
            Optional<LandmarkRead> read = read(file.get(), subject, reader::read, perFile);
            if (read.isEmpty()) {
                continue;
            }
            List<PoseFrame> frames = read.get().sequence().frames();
            if (fileName.equals("all.csv") || (classes.isEmpty() && fileName.equals("train.csv"))) {
                Table table = Table.create(subject, StringColumn.create("class", frames.stream().map(PoseFrame::label).toList()));
                classes.addAll(prefixed(TableChecks.labelDistribution(table, "class", 30, 3), subject));
                keypoints.addAll(missingKeypoints(subject, frames, read.get().report()));
            }
            if (fileName.equals("train.csv")) {
                train = lines(file.get(), false);
            } else if (fileName.equals("test.csv")) {
                test = lines(file.get(), false);
            }
        }
        if (perFile.isEmpty()) {
            return new ValidationReport(KnownDataset.POSE_YOGA_11KP.folderName(), List.of(Finding.fail("files", root.toString(),
                    "no all.csv, train.csv or test.csv under " + root.resolve("data"))));
        }
        List<Finding> all = new ArrayList<>(Findings.condense(perFile, "files"));
        all.addAll(keypoints);
        all.addAll(classes);
        all.add(Finding.warn("group coverage", "all files", "one row per photo, no person ids: the same person may appear "
                + "in train and test; use the given train/test files"));
        if (train != null && test != null) {
            all.add(overlap("train/test overlap", train, test));
        }
        return new ValidationReport(KnownDataset.POSE_YOGA_11KP.folderName(), all);
    }

    private static List<Finding> missingKeypoints(String subject, List<PoseFrame> frames, ReadReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Yoga11KeypointReader.Keypoint keypoint : Yoga11KeypointReader.Keypoint.values()) {
            Joint joint = keypoint.joints().getFirst();
            long missing = frames.stream().filter(f -> !f.pose().isPresent(joint)).count();
            String message = percent(missing, frames.size()) + " of " + frames.size() + " rows missing (" + (int) Yoga11KeypointReader.MISSING + ")";
            String name = keypoint.name().toLowerCase(Locale.ROOT);
            findings.add(share(missing, frames.size()) > 0.5 ? Finding.fail("missing values", name, message)
                    : share(missing, frames.size()) > 0.05 ? Finding.warn("missing values", name, message)
                    : Finding.pass("missing values", name, message));
        }
        List<Finding> condensed = new ArrayList<>(Findings.condense(findings, "keypoints"));
        if (report.emptyFrames() > 0) {
            condensed.add(Finding.warn("missing values", subject, report.emptyFrames() + " rows without any keypoint"));
        }
        return condensed;
    }

    private static Optional<LandmarkRead> read(Path file, String subject, Function<Path, LandmarkRead> reader, List<Finding> findings) {
        LandmarkRead read;
        try {
            read = reader.apply(file);
        } catch (LandmarkFormatException e) {
            findings.add(Finding.fail("format", subject, e.getMessage()));
            return Optional.empty();
        }
        ReadReport report = read.report();
        int skipped = report.skippedRows();
        String counts = report.keptRows() + " of " + report.dataRows() + " rows read";
        if (report.keptRows() == 0) {
            findings.add(Finding.fail("format", subject, counts + ": no usable row"));
        } else if (skipped > 0) {
            String message = counts + ", " + skipped + " skipped " + report.skipped() + "; e.g. " + report.examples().getFirst();
            findings.add(share(skipped, report.dataRows()) > MAX_SKIPPED_SHARE ? Finding.fail("format", subject, message)
                    : Finding.warn("format", subject, message));
        } else {
            findings.add(Finding.pass("format", subject, counts));
        }
        return Optional.of(read);
    }

    private static Finding overlap(String check, List<String> train, List<String> test) {
        Set<String> trainRows = new HashSet<>(train);
        long shared = test.stream().filter(trainRows::contains).count();
        String message = shared + " of " + test.size() + " test rows also appear, byte for byte, in the training file";
        return shared == 0 ? Finding.pass(check, "test rows", message)
                : Finding.fail(check, "test rows", message + ": the test score would be inflated");
    }

    /** Data lines of a CSV file, stripped, blank lines and the header line (when it has one) dropped. */
    private static List<String> lines(Path file, boolean header) {
        try {
            return Files.readAllLines(file).stream().skip(header ? 1 : 0).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Optional<Path> locate(Path root, String relativePath) {
        Path direct = root.resolve(relativePath);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        if (relativePath.startsWith("core/")) {
            Path flat = root.resolve(relativePath.substring("core/".length()));
            if (Files.isRegularFile(flat)) {
                return Optional.of(flat);
            }
        }
        return Optional.empty();
    }

    private static List<Finding> prefixed(List<Finding> findings, String prefix) {
        return findings.stream().map(f -> new Finding(f.check(), prefix + ": " + f.subject(), f.severity(), f.message())).toList();
    }

    private static List<Finding> renamed(List<Finding> findings, String check) {
        return findings.stream().map(f -> new Finding(check, f.subject(), f.severity(), f.message())).toList();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share(part, whole));
    }
}
