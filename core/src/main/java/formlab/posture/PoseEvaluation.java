package formlab.posture;

import formlab.eval.CrossValidation;
import formlab.eval.CrossValidationResult;
import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A pose classifier measured twice on the same held-out predictions: per frame, and per
 * sequence by majority vote of its frames. Splits and metrics come from {@code formlab.eval};
 * this class only adds the vote.
 *
 * @param crossValidation the folds (each trained without its test groups)
 * @param frames          all held-out frame predictions pooled
 * @param sequences       one example per held-out sequence, predicted by majority vote; null when some
 *                        sequence holds frames of several labels (then only the votes are kept)
 * @param scores          the vote of every held-out sequence, in fold order
 * @param progress        for each held-out frame (pooled order), how far into its sequence it lies:
 *                        0 = first frame, just under 1 = last frame
 * @param frameSequences  for each held-out frame (pooled order), the id of its sequence; the frames of
 *                        one sequence are contiguous and in time order
 */
public record PoseEvaluation(CrossValidationResult crossValidation, Evaluation frames, Evaluation sequences,
                             List<SequenceScore> scores, double[] progress, List<String> frameSequences) {

    public PoseEvaluation {
        Objects.requireNonNull(crossValidation, "crossValidation");
        Objects.requireNonNull(frames, "frames");
        scores = List.copyOf(scores);
        progress = progress.clone();
        frameSequences = List.copyOf(frameSequences);
        if (progress.length != frames.size() || frameSequences.size() != frames.size()) {
            throw new IllegalArgumentException(progress.length + " progress values and " + frameSequences.size()
                    + " sequence ids for " + frames.size() + " frames");
        }
    }

    /**
     * Runs {@code folds} with {@code trainer} on {@code data} and evaluates per frame and per
     * sequence.
     *
     * @param sequenceColumn the table column holding each row's sequence id
     */
    public static PoseEvaluation run(Trainer trainer, LabelledData data, List<Fold> folds, String sequenceColumn,
                                     Progress progress) {
        CrossValidationResult result = CrossValidation.run(trainer, data, folds, progress);
        Table table = data.table();
        String[] allSequences = table.stringColumn(sequenceColumn).asObjectArray();
        Map<String, Integer> length = new HashMap<>();
        Map<Integer, Integer> position = new HashMap<>();
        for (int row = 0; row < allSequences.length; row++) {
            position.put(row, length.merge(allSequences[row], 1, Integer::sum) - 1);
        }
        List<Double> positions = new ArrayList<>();
        List<String> sequenceIds = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<SequenceScore> scores = new ArrayList<>();
        Map<String, String> foldOf = new HashMap<>();
        for (CrossValidationResult.FoldResult fold : result.folds()) {
            int[] rows = fold.fold().test();
            String[] foldPredicted = fold.evaluation().predicted();
            String[] foldTruth = fold.evaluation().truth();
            String[] foldGroups = fold.evaluation().groups().orElseThrow();
            String[] foldSequences = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                foldSequences[i] = allSequences[rows[i]];
                String other = foldOf.putIfAbsent(foldSequences[i], fold.fold().name());
                if (other != null && !other.equals(fold.fold().name())) {
                    throw new IllegalArgumentException("Sequence " + foldSequences[i] + " is tested in two folds ('" + other
                            + "' and '" + fold.fold().name() + "'): split by a group that contains whole sequences");
                }
                sequenceIds.add(foldSequences[i]);
                positions.add(position.get(rows[i]) / (double) length.get(foldSequences[i]));
                truth.add(foldTruth[i]);
                predicted.add(foldPredicted[i]);
                groups.add(foldGroups[i]);
            }
            scores.addAll(SequenceVote.vote(foldSequences, foldPredicted, fold.evaluation().classes(),
                    fold.evaluation().probabilities().orElse(null)));
        }
        Evaluation perSequence = singleLabelPerSequence(sequenceIds, truth)
                ? SequenceVote.evaluate(data.classes(), sequenceIds.toArray(String[]::new), truth.toArray(String[]::new),
                        predicted.toArray(String[]::new), groups.toArray(String[]::new))
                : null;
        return new PoseEvaluation(result, result.pooled(), perSequence, scores,
                positions.stream().mapToDouble(Double::doubleValue).toArray(), sequenceIds);
    }

    private static boolean singleLabelPerSequence(List<String> sequenceIds, List<String> truth) {
        Map<String, String> label = new HashMap<>();
        for (int i = 0; i < sequenceIds.size(); i++) {
            String previous = label.putIfAbsent(sequenceIds.get(i), truth.get(i));
            if (previous != null && !previous.equals(truth.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The per-sequence evaluation, when every sequence has a single label. */
    public Optional<Evaluation> perSequence() {
        return Optional.ofNullable(sequences);
    }

    /** One line: frame and sequence accuracy. */
    public String summary() {
        String frame = String.format(Locale.ROOT, "per frame: accuracy %.4f, balanced %.4f (%d frames)",
                frames.accuracy(), frames.balancedAccuracy(), frames.size());
        if (sequences == null) {
            return frame + "; sequences mix labels, no per-sequence vote";
        }
        return frame + String.format(Locale.ROOT, "; per sequence (majority vote): accuracy %.4f (%d of %d right)",
                sequences.accuracy(), Math.round(sequences.accuracy() * sequences.size()), sequences.size());
    }

    /**
     * The sequences whose vote was wrong, with their votes. (Scores and per-sequence examples are
     * in the same order: each sequence lies in exactly one fold, which {@link #run} checks.)
     */
    public List<SequenceScore> wrongSequences() {
        if (sequences == null) {
            return List.of();
        }
        String[] truth = sequences.truth();
        List<SequenceScore> wrong = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (!truth[i].equals(scores.get(i).label())) {
                wrong.add(scores.get(i));
            }
        }
        return wrong;
    }

    /**
     * Frame accuracy by how far into their video the frames are, in {@code bins} equal parts
     * (rows ordered within each sequence as in the table): shows whether errors sit at the start,
     * where the person has not moved into the pose yet.
     */
    public Table accuracyByProgress(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        int[] right = new int[bins];
        int[] total = new int[bins];
        String[] truth = frames.truth();
        String[] predicted = frames.predicted();
        for (int i = 0; i < truth.length; i++) {
            int bin = Math.min(bins - 1, (int) (progress[i] * bins));
            total[bin]++;
            right[bin] += truth[i].equals(predicted[i]) ? 1 : 0;
        }
        StringColumn part = StringColumn.create("part of video");
        IntColumn count = IntColumn.create("frames");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        for (int b = 0; b < bins; b++) {
            part.append(String.format(Locale.ROOT, "%d-%d%%", 100 * b / bins, 100 * (b + 1) / bins));
            count.append(total[b]);
            accuracy.append(total[b] == 0 ? Double.NaN : right[b] / (double) total[b]);
        }
        return Table.create("Frame accuracy by position in the video").addColumns(part, count, accuracy);
    }

    /** One row per held-out sequence: id, true label, voted label, vote share, frames. */
    public Table sequenceTable() {
        StringColumn id = StringColumn.create("sequence");
        StringColumn truthColumn = StringColumn.create("true");
        StringColumn voted = StringColumn.create("voted");
        DoubleColumn share = DoubleColumn.create("vote share");
        IntColumn frameCount = IntColumn.create("frames");
        String[] truth = sequences == null ? null : sequences.truth();
        for (int i = 0; i < scores.size(); i++) {
            SequenceScore score = scores.get(i);
            id.append(score.sequence());
            truthColumn.append(truth == null ? "(mixed)" : truth[i]);
            voted.append(score.label());
            share.append(score.confidence());
            frameCount.append(score.frames());
        }
        return Table.create("Held-out sequences").addColumns(id, truthColumn, voted, share, frameCount);
    }
}
