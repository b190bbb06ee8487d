package formlab.posture;

import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.features.pose.PoseWindowFeatures;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.pose.io.DescribedPose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Recognises the class of a landmark sequence (the exercise of a video) from a described pose
 * dataset: the detected frames are cut into windows ({@link PoseWindowFeatures}), a random forest
 * ({@link SmileRandomForestTrainer}, through the {@link Trainer} contract) classifies each window, and a
 * sequence's class is the one with the highest mean window probability. {@link #evaluate} measures
 * this by leave-one-subject-out, per window and per sequence; {@link #fit} trains on every subject.
 */
public final class PoseDatasetTraining {

    private PoseDatasetTraining() {
    }

    /**
     * How sequences become windows and windows a model.
     *
     * @param window frames per window (at least 2)
     * @param step   frames between window starts (at least 1)
     * @param trees  trees of the random forest
     * @param seed   the forest's seed
     */
    public record Settings(int window, int step, int trees, long seed) {

        /** Checks the values. */
        public Settings {
            if (window < 2 || step < 1 || trees < 1) {
                throw new IllegalArgumentException("window must be >= 2 frames, step >= 1 frame, trees >= 1; got window "
                        + window + ", step " + step + ", trees " + trees);
            }
        }

        /** 30-frame windows every 15 frames, 300 trees, seed 42. */
        public static Settings defaults() {
            return new Settings(30, 15, 300, 42);
        }

        /** The trainer these settings call for. */
        public Trainer trainer() {
            return new SmileRandomForestTrainer(trees, 0, 20, 1000, 1, 1.0, seed);
        }

        /** The settings as plain values, for a model card's pipeline. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("window", window);
            map.put("step", step);
            map.put("features", PoseWindowFeatures.class.getSimpleName());
            map.put("vote", "highest mean window probability per sequence");
            return map;
        }
    }

    /**
     * The windows of some sequences: one row per window (label = the sequence's class, group = its
     * subject), with the sequence each row comes from.
     *
     * @param data     the feature rows
     * @param sequence index, into the list given to {@link #windows}, of each row's sequence
     */
    public record Windows(LabelledData data, int[] sequence) {
    }

    /**
     * The windows of {@code poses}: {@code window} consecutive detected frames every {@code step};
     * a sequence shorter than one window gives one window of all its detected frames (none below 2).
     */
    public static Windows windows(List<DescribedPose> poses, Settings settings) {
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Integer> sequence = new ArrayList<>();
        for (int i = 0; i < poses.size(); i++) {
            DescribedPose pose = poses.get(i);
            double[][][] frames = detected(pose);
            List<int[]> spans = new ArrayList<>();
            for (int start = 0; start + settings.window() <= frames.length; start += settings.step()) {
                spans.add(new int[] {start, start + settings.window()});
            }
            if (spans.isEmpty() && frames.length >= 2) {
                spans.add(new int[] {0, frames.length});
            }
            for (int[] span : spans) {
                rows.add(PoseWindowFeatures.of(frames, span[0], span[1]));
                labels.add(pose.label());
                groups.add(pose.subject());
                sequence.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no sequence has 2 detected frames: nothing to train on");
        }
        LabelledData data = LabelledData.of("pose windows", PoseWindowFeatures.featureNames(),
                rows.toArray(double[][]::new), labels.toArray(String[]::new), groups.toArray(String[]::new));
        return new Windows(data, sequence.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Trains on every window of {@code poses}. */
    public static Classifier fit(List<DescribedPose> poses, Settings settings) {
        return settings.trainer().fit(windows(poses, settings).data());
    }

    /**
     * The class of one sequence: the highest mean window probability of {@code model} over its windows.
     *
     * @throws IllegalArgumentException when the sequence has fewer than 2 detected frames
     */
    public static String classify(Classifier model, DescribedPose pose, Settings settings) {
        double[] mean = probabilities(model, pose, settings);
        return model.classes().get(argMax(mean));
    }

    /**
     * The mean of {@code model}'s window probabilities over one sequence's windows, in the order of
     * {@code model.classes()}: what {@link #classify} and the evaluation's vote decide by.
     *
     * @throws IllegalArgumentException when the sequence has fewer than 2 detected frames
     */
    public static double[] probabilities(Classifier model, DescribedPose pose, Settings settings) {
        return mean(model.probabilities(windows(List.of(pose), settings).data().x()));
    }

    /**
     * Leave-one-subject-out: for each subject, trains on the others and classifies that subject's
     * windows and sequences.
     *
     * @param poses    the sequences (at least two subjects)
     * @param settings windows and forest
     * @param progress one step per subject
     */
    public static Result evaluate(List<DescribedPose> poses, Settings settings, Progress progress) {
        Windows windows = windows(poses, settings);
        LabelledData data = windows.data();
        List<String> classes = data.classes();
        List<String> subjects = data.groupNames();
        if (subjects.size() < 2) {
            throw new IllegalArgumentException("leave-one-subject-out needs at least 2 subjects, found " + subjects);
        }
        String[] groups = data.groups();
        String[] truth = data.labels();
        double[][] probabilities = new double[data.size()][];
        for (int s = 0; s < subjects.size(); s++) {
            String subject = subjects.get(s);
            int[] train = indices(groups, subject, false);
            int[] test = indices(groups, subject, true);
            LabelledData training = data.rows(train);
            if (training.classes().size() < 2) {
                throw new IllegalArgumentException("without subject " + subject + " fewer than 2 classes are left: "
                        + training.classes());
            }
            Classifier model = settings.trainer().fit(training);
            double[][] raw = model.probabilities(data.rows(test).x());
            for (int i = 0; i < test.length; i++) {
                probabilities[test[i]] = onto(classes, model.classes(), raw[i]);
            }
            progress.step("leave-one-subject-out", s + 1, subjects.size(), "held out " + subject + ": "
                    + test.length + " windows");
        }
        Evaluation perWindow = Evaluation.ofProbabilities(classes, truth, probabilities, groups);
        List<String> ids = new ArrayList<>();
        List<String> videoTruth = new ArrayList<>();
        List<String> videoGroups = new ArrayList<>();
        List<double[]> videoProbabilities = new ArrayList<>();
        int[] sequence = windows.sequence();
        for (int i = 0; i < sequence.length; i++) {
            if (i == 0 || sequence[i] != sequence[i - 1]) {
                int end = i;
                while (end < sequence.length && sequence[end] == sequence[i]) {
                    end++;
                }
                videoProbabilities.add(mean(Arrays.copyOfRange(probabilities, i, end)));
                DescribedPose pose = poses.get(sequence[i]);
                ids.add(pose.id());
                videoTruth.add(pose.label());
                videoGroups.add(pose.subject());
            }
        }
        Evaluation perSequence = Evaluation.ofProbabilities(classes, videoTruth.toArray(String[]::new),
                videoProbabilities.toArray(double[][]::new), videoGroups.toArray(String[]::new));
        return new Result(perWindow, perSequence, ids, poses.size() - ids.size(), data);
    }

    /**
     * What leave-one-subject-out measured.
     *
     * @param perWindow   every window, classified by the model trained without its subject
     * @param perSequence every sequence, by its windows' mean probability
     * @param sequenceIds the sequences in the order of {@code perSequence}
     * @param skipped     sequences with fewer than 2 detected frames (no window, not measured)
     * @param windows     the window table
     */
    public record Result(Evaluation perWindow, Evaluation perSequence, List<String> sequenceIds, int skipped,
            LabelledData windows) {

        /** Sequences measured. */
        public int sequences() {
            return sequenceIds.size();
        }

        /** One line: both accuracies with their counts. */
        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "leave-one-subject-out over %d subjects: per sequence accuracy %.3f (%d sequences%s), per window %.3f (%d windows)",
                    new TreeSet<>(Arrays.asList(perSequence.groups().orElseThrow())).size(), perSequence.accuracy(),
                    sequences(), skipped == 0 ? "" : ", " + skipped + " without 2 detected frames skipped",
                    perWindow.accuracy(), perWindow.size());
        }
    }

    /** True when the sequence has the 2 detected frames (a person, every coordinate finite) a window needs. */
    public static boolean classifiable(DescribedPose pose) {
        return detected(pose).length >= 2;
    }

    /**
     * True when a window may hold {@code frame}: a person was found in it (some coordinate finite and
     * not zero) and every coordinate is finite. Windows are cut from these frames only.
     */
    static boolean windowFrame(double[][] frame) {
        return DescribedPose.hasPerson(frame) && finite(frame);
    }

    private static double[][][] detected(DescribedPose pose) {
        List<double[][]> frames = new ArrayList<>();
        for (double[][] frame : pose.frames()) {
            if (windowFrame(frame)) {
                frames.add(frame);
            }
        }
        return frames.toArray(double[][][]::new);
    }

    private static boolean finite(double[][] frame) {
        for (double[] landmark : frame) {
            for (double value : landmark) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] indices(String[] groups, String subject, boolean equal) {
        return java.util.stream.IntStream.range(0, groups.length).filter(i -> groups[i].equals(subject) == equal).toArray();
    }

    private static double[] onto(List<String> classes, List<String> modelClasses, double[] probabilities) {
        double[] out = new double[classes.size()];
        for (int c = 0; c < modelClasses.size(); c++) {
            out[classes.indexOf(modelClasses.get(c))] = probabilities[c];
        }
        return out;
    }

    /** The mean of the rows, column by column: how window probabilities become a sequence's. */
    static double[] mean(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] row : rows) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += row[c] / rows.length;
            }
        }
        return mean;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
