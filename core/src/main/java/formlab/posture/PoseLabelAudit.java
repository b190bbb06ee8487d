package formlab.posture;

import formlab.pose.MovementOnset;
import formlab.pose.PoseSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where a per-video label does not describe a frame. PosePilot labels whole files, but a file
 * holds more than its pose: the person starts standing whatever the pose, and some files go on
 * into another pose (a downdog file with a long cobra, a cobra file that passes through downdog).
 * This audit reads the held-out predictions of a leave-one-participant-out evaluation and
 * reports two things:
 * <ul>
 *   <li>frames before the person starts to move ({@link MovementOnset}), which no causal
 *       classifier can assign to a pose, with the accuracy before and after that point;</li>
 *   <li>runs of at least {@code minRun} consecutive frames that a model never trained on the
 *       person calls another pose: candidates for frames the file label does not describe. They
 *       are the model's opinion, so they are shown as skeletons for a person to judge
 *       ({@link #segments()} gives the frame ranges), never silently removed from the score.</li>
 * </ul>
 */
public final class PoseLabelAudit {

    /**
     * A run of consecutive held-out frames predicted as one pose other than the file's.
     *
     * @param sequence       the video
     * @param fileLabel      the pose its file is labelled with
     * @param predicted      the pose predicted for every frame of the run
     * @param firstFrame     first frame of the run (0-based position in the video)
     * @param lastFrame      last frame of the run (inclusive)
     * @param meanConfidence mean probability of {@code predicted} over the run (NaN without probabilities)
     */
    public record Segment(String sequence, String fileLabel, String predicted, int firstFrame, int lastFrame,
                          double meanConfidence) {
        /** Frames in the run. */
        public int frames() {
            return lastFrame - firstFrame + 1;
        }

        /** The middle frame, to draw. */
        public int middleFrame() {
            return (firstFrame + lastFrame) / 2;
        }
    }

    /**
     * One held-out video.
     *
     * @param sequence         video id
     * @param fileLabel        its label
     * @param predicted        the predicted pose of every frame, in time order
     * @param onsetFrame       first frame after the person starts to move ({@code predicted.length} if never)
     * @param labelFrames      frames predicted as the file label
     * @param largestOther     frames of the most predicted other pose inside runs of at least minRun frames
     * @param largestOtherPose that pose ("" when there is none)
     */
    public record Video(String sequence, String fileLabel, String[] predicted, int onsetFrame, int labelFrames,
                        int largestOther, String largestOtherPose) {
        /** True when long runs of one other pose hold more frames than the file's own pose. */
        public boolean outvoted() {
            return largestOther > labelFrames;
        }
    }

    private final List<String> classes;
    private final List<Video> videos;
    private final List<Segment> segments;
    private final int minRun;

    private PoseLabelAudit(List<String> classes, List<Video> videos, List<Segment> segments, int minRun) {
        this.classes = List.copyOf(classes);
        this.videos = List.copyOf(videos);
        this.segments = List.copyOf(segments);
        this.minRun = minRun;
    }

    /**
     * Audits the held-out frames of {@code evaluation}.
     *
     * @param sequences the sequences the evaluation was run on (to find movement onsets); every
     *                  evaluated sequence must be among them with the same number of frames
     * @param onset     how movement onset is detected
     * @param minRun    shortest run of another pose worth reporting, in frames (>= 1)
     * @throws IllegalArgumentException when a sequence is missing or its frame count differs
     */
    public static PoseLabelAudit of(PoseEvaluation evaluation, List<PoseSequence> sequences, MovementOnset onset,
                                    int minRun) {
        if (minRun < 1) {
            throw new IllegalArgumentException("minRun must be >= 1 frame, got " + minRun);
        }
        Map<String, PoseSequence> byId = new HashMap<>();
        sequences.forEach(s -> byId.put(s.info().id(), s));
        String[] truth = evaluation.frames().truth();
        String[] predicted = evaluation.frames().predicted();
        double[][] probabilities = evaluation.frames().probabilities().orElse(null);
        List<String> classes = evaluation.frames().classes();
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int row = 0; row < truth.length; row++) {
            rowsOf.computeIfAbsent(evaluation.frameSequences().get(row), k -> new ArrayList<>()).add(row);
        }
        List<Video> videos = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : rowsOf.entrySet()) {
            String id = entry.getKey();
            List<Integer> rows = entry.getValue();
            PoseSequence sequence = byId.get(id);
            if (sequence == null || sequence.size() != rows.size()) {
                throw new IllegalArgumentException("Sequence " + id + " has " + rows.size() + " evaluated frames but "
                        + (sequence == null ? "is not among the given sequences" : sequence.size() + " frames"));
            }
            String label = truth[rows.get(0)];
            String[] labels = rows.stream().map(r -> predicted[r]).toArray(String[]::new);
            List<Segment> runs = otherPoseRuns(id, label, labels, rows, probabilities, classes, minRun);
            segments.addAll(runs);
            Map<String, Integer> otherFrames = new HashMap<>();
            runs.forEach(s -> otherFrames.merge(s.predicted(), s.frames(), Integer::sum));
            String largestPose = otherFrames.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("");
            int labelFrames = (int) java.util.Arrays.stream(labels).filter(label::equals).count();
            videos.add(new Video(id, label, labels, onset.frameOf(sequence), labelFrames,
                    otherFrames.getOrDefault(largestPose, 0), largestPose));
        }
        return new PoseLabelAudit(classes, videos, segments, minRun);
    }

    private static List<Segment> otherPoseRuns(String id, String label, String[] labels, List<Integer> rows,
                                               double[][] probabilities, List<String> classes, int minRun) {
        List<Segment> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= labels.length; i++) {
            if (i < labels.length && labels[i].equals(labels[start])) {
                continue;
            }
            if (!labels[start].equals(label) && i - start >= minRun) {
                double confidence = Double.NaN;
                if (probabilities != null) {
                    int c = classes.indexOf(labels[start]);
                    confidence = 0;
                    for (int k = start; k < i; k++) {
                        confidence += probabilities[rows.get(k)][c];
                    }
                    confidence /= i - start;
                }
                runs.add(new Segment(id, label, labels[start], start, i - 1, confidence));
            }
            start = i;
        }
        return runs;
    }

    /** The classes, in the evaluation's order. */
    public List<String> classes() {
        return classes;
    }

    /** Every held-out video, in evaluation order. */
    public List<Video> videos() {
        return videos;
    }

    /** Runs of another pose, longest first. */
    public List<Segment> segments() {
        return segments.stream().sorted((a, b) -> Integer.compare(b.frames(), a.frames())).toList();
    }

    /** Frames in all videos. */
    public int frames() {
        return videos.stream().mapToInt(v -> v.predicted().length).sum();
    }

    /** Frames before their video's movement onset. */
    public int framesBeforeOnset() {
        return videos.stream().mapToInt(v -> Math.min(v.onsetFrame(), v.predicted().length)).sum();
    }

    /** Frame accuracy before ({@code before = true}) or from the movement onset on. NaN without such frames. */
    public double accuracy(boolean before) {
        int right = 0;
        int total = 0;
        for (Video video : videos) {
            for (int i = 0; i < video.predicted().length; i++) {
                if ((i < video.onsetFrame()) == before) {
                    total++;
                    right += video.predicted()[i].equals(video.fileLabel()) ? 1 : 0;
                }
            }
        }
        return total == 0 ? Double.NaN : right / (double) total;
    }

    /** Frames inside runs of another pose. */
    public int framesInOtherPoseRuns() {
        return segments.stream().mapToInt(Segment::frames).sum();
    }

    /** Videos in which runs of one other pose hold more frames than the file's own pose. */
    public List<Video> outvotedVideos() {
        return videos.stream().filter(Video::outvoted).toList();
    }

    /** The audit's headline numbers, one per row. */
    public Table summary() {
        StringColumn what = StringColumn.create("measure");
        StringColumn value = StringColumn.create("value");
        int frames = frames();
        what.append("held-out frames");
        value.append(Integer.toString(frames));
        what.append("frames before the person starts to move");
        value.append(share(framesBeforeOnset(), frames));
        what.append("accuracy on those frames");
        value.append(String.format(Locale.ROOT, "%.3f", accuracy(true)));
        what.append("accuracy from the movement onset on");
        value.append(String.format(Locale.ROOT, "%.3f", accuracy(false)));
        what.append("frames in runs of >= " + minRun + " frames called another pose");
        value.append(share(framesInOtherPoseRuns(), frames));
        what.append("videos where one other pose holds more frames than the file's pose");
        value.append(outvotedVideos().size() + " of " + videos.size());
        return Table.create("Label audit").addColumns(what, value);
    }

    /** One row per run of another pose, longest first. */
    public Table segmentTable() {
        StringColumn sequence = StringColumn.create("video");
        StringColumn file = StringColumn.create("file label");
        StringColumn looks = StringColumn.create("predicted");
        IntColumn first = IntColumn.create("first frame");
        IntColumn last = IntColumn.create("last frame");
        IntColumn length = IntColumn.create("frames");
        DoubleColumn confidence = DoubleColumn.create("mean confidence");
        for (Segment s : segments()) {
            sequence.append(s.sequence());
            file.append(s.fileLabel());
            looks.append(s.predicted());
            first.append(s.firstFrame());
            last.append(s.lastFrame());
            length.append(s.frames());
            confidence.append(s.meanConfidence());
        }
        return Table.create("Runs of another pose (>= " + minRun + " frames)")
                .addColumns(sequence, file, looks, first, last, length, confidence);
    }

    private static String share(int part, int whole) {
        return String.format(Locale.ROOT, "%d (%.1f %%)", part, whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
