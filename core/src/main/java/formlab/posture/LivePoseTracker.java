package formlab.posture;

import formlab.features.pose.PoseWindowFeatures;
import formlab.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A landmark sequence scored while it arrives, one frame at a time, by the models of
 * {@code formlab train --dataset D} ({@link DescribedPoseScoring}): each time the classifier's next
 * window is complete ({@code window} frames with a person, every {@code step} such frames, as in
 * training), the class with the highest mean window probability so far, and the repetitions the
 * counter finds in all frames so far for that class.
 *
 * <p>The counter has no causal form: it scales the middle-state probability to the sequence's own
 * range and chooses its smoothing from the repetitions it finds, both over the whole sequence.
 * So every update counts all frames seen so far again, and an earlier count can still change by a
 * repetition as more frames arrive. What {@link #finish} reports is exactly what
 * {@link DescribedPoseScoring#score} reports for the whole sequence.
 */
public final class LivePoseTracker {

    /**
     * What the tracker says after a window.
     *
     * @param frame      frames received so far (the update follows frame {@code frame - 1})
     * @param windows    windows classified so far
     * @param label      the class with the highest mean window probability so far
     * @param confidence that mean probability
     * @param reps       repetitions counted for {@code label} in the frames so far; empty without a counter
     */
    public record Update(int frame, int windows, String label, double confidence, Optional<Integer> reps) {
    }

    private final DescribedPoseScoring.ClassModel model;
    private final Optional<SalientPoseCounter> counter;
    private final List<double[][]> frames = new ArrayList<>();
    private final List<double[][]> windowFrames = new ArrayList<>();
    private final List<double[]> windowProbabilities = new ArrayList<>();
    private Update latest;
    private boolean finished;

    /**
     * @param model   the sequence classifier and the windows it reads
     * @param counter a repetition counter, or empty to classify only
     */
    public LivePoseTracker(DescribedPoseScoring.ClassModel model, Optional<SalientPoseCounter> counter) {
        this.model = model;
        this.counter = counter;
    }

    /**
     * Takes the next frame (landmarks x coordinates; all zero or NaN when no person was found).
     *
     * @return an update when this frame completes a window, else empty
     * @throws IllegalStateException after {@link #finish}
     */
    public Optional<Update> accept(double[][] frame) {
        if (finished) {
            throw new IllegalStateException("the sequence was finished; a new sequence needs a new tracker");
        }
        frames.add(frame);
        if (!PoseDatasetTraining.windowFrame(frame)) {
            return Optional.empty();
        }
        windowFrames.add(frame);
        int window = model.settings().window();
        int end = windowFrames.size();
        if (end < window || (end - window) % model.settings().step() != 0) {
            return Optional.empty();
        }
        return Optional.of(classify(end - window, end));
    }

    /**
     * Ends the sequence. A sequence shorter than one window is classified from all its frames with a
     * person (at least 2), as a whole sequence is; frames that arrived after the last window are
     * counted (the class stays that of the windows).
     *
     * @return the final update, over every frame; empty when the sequence had fewer than 2 frames with a person
     */
    public Optional<Update> finish() {
        finished = true;
        if (latest == null && windowFrames.size() >= 2) {
            classify(0, windowFrames.size());
        } else if (latest != null && latest.frame() < frames.size()) {
            // frames after the last window: no new window, but the count is over every frame, as score's is
            latest = counted(latest.windows(), latest.label(), latest.confidence());
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Updates as a table, one row each: frame, windows, label, confidence and reps (-1 without a
     * counter), e.g. to plot how the count grows.
     */
    public static Table table(List<Update> updates) {
        IntColumn frame = IntColumn.create("frame");
        IntColumn windows = IntColumn.create("windows");
        StringColumn label = StringColumn.create("label");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        IntColumn reps = IntColumn.create("reps");
        for (Update u : updates) {
            frame.append(u.frame());
            windows.append(u.windows());
            label.append(u.label());
            confidence.append(u.confidence());
            reps.append(u.reps().orElse(-1));
        }
        return Table.create("live updates", frame, windows, label, confidence, reps);
    }

    /** Frames received so far. */
    public int frames() {
        return frames.size();
    }

    /** Frames received so far without a person (or with a coordinate that is not finite): in no window. */
    public int framesWithoutPerson() {
        return frames.size() - windowFrames.size();
    }

    private Update classify(int from, int to) {
        double[][][] window = windowFrames.subList(from, to).toArray(double[][][]::new);
        double[] features = PoseWindowFeatures.of(window, 0, window.length);
        windowProbabilities.add(model.classifier().probabilities(new double[][] {features})[0]);
        Prediction prediction = Prediction.of(model.classifier().classes(),
                PoseDatasetTraining.mean(windowProbabilities.toArray(double[][]::new)));
        latest = counted(windowProbabilities.size(), prediction.label(), prediction.confidence());
        return latest;
    }

    /** The update for the frames so far: this class and confidence, the repetitions counted over every frame. */
    private Update counted(int windows, String label, double confidence) {
        double[][][] seen = frames.toArray(double[][][]::new);
        return new Update(frames.size(), windows, label, confidence, counter.map(c -> c.count(seen, label)));
    }
}
