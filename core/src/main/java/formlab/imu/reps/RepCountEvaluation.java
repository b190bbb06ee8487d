package formlab.imu.reps;

import formlab.imu.ImuRecording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Evaluates repetition counting against the protocol counts (heavy 5, medium 10), leaving one
 * participant out: for each participant, rules are learned ({@link RepCountModel#fit}) on the
 * other participants' sets only and applied to this participant's sets. The published baseline
 * ({@link BaselineRepCounter}) is counted on the same sets for comparison.
 *
 * @param perSet   one row per set: file, set_id, participant, exercise, intensity, expected,
 *                 counted, error, baseline_counted, baseline_error, rule
 * @param learned  summary of the learned counter
 * @param baseline summary of the baseline
 */
public record RepCountEvaluation(Table perSet, Summary learned, Summary baseline) {

    /**
     * Exact rate, rate within one repetition and mean absolute error over {@code sets} sets.
     *
     * @param sets        number of sets
     * @param exactRate   share counted exactly
     * @param withinOne   share off by at most one
     * @param mae         mean absolute error in repetitions
     */
    public record Summary(int sets, double exactRate, double withinOne, double mae) {

        static Summary of(IntColumn errors) {
            int n = errors.size();
            int exact = 0;
            int within = 0;
            double absolute = 0;
            for (int e : errors) {
                exact += e == 0 ? 1 : 0;
                within += Math.abs(e) <= 1 ? 1 : 0;
                absolute += Math.abs(e);
            }
            return new Summary(n, (double) exact / n, (double) within / n, absolute / n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d sets: exact %.1f%%, within +-1 %.1f%%, MAE %.3f reps",
                    sets, 100 * exactRate, 100 * withinOne, mae);
        }
    }

    /** Leave-one-participant-out evaluation over the sets with expected counts in {@code recordings}. */
    public static RepCountEvaluation leaveOneParticipantOut(List<ImuRecording> recordings, RepCountSearch search) {
        List<ImuRecording> sets = recordings.stream().filter(r -> r.info().expectedReps().isPresent()).toList();
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("no sets with a protocol repetition count to evaluate");
        }
        StringColumn file = StringColumn.create("file");
        StringColumn setId = StringColumn.create("set_id");
        StringColumn participant = StringColumn.create("participant");
        StringColumn exercise = StringColumn.create("exercise");
        StringColumn intensity = StringColumn.create("intensity");
        IntColumn expected = IntColumn.create("expected");
        IntColumn counted = IntColumn.create("counted");
        IntColumn error = IntColumn.create("error");
        IntColumn baselineCounted = IntColumn.create("baseline_counted");
        IntColumn baselineError = IntColumn.create("baseline_error");
        StringColumn rule = StringColumn.create("rule");
        for (String person : new TreeSet<>(sets.stream().map(r -> r.info().participant()).toList())) {
            List<ImuRecording> training = sets.stream().filter(r -> !r.info().participant().equals(person)).toList();
            List<ImuRecording> testing = sets.stream().filter(r -> r.info().participant().equals(person)).toList();
            if (training.isEmpty()) {
                throw new IllegalArgumentException("leave-one-participant-out needs at least two participants");
            }
            RepCountModel model = RepCountModel.fit(training, search);
            for (ImuRecording set : testing) {
                int truth = set.info().expectedReps().getAsInt();
                RepCount count = model.count(set);
                int base = BaselineRepCounter.count(set);
                file.append(set.sources().isEmpty() ? "" : set.sources().get(0).getFileName().toString());
                setId.append(set.info().id());
                participant.append(person);
                exercise.append(set.info().exercise().label());
                intensity.append(set.info().intensity().label());
                expected.append(truth);
                counted.append(count.count());
                error.append(count.count() - truth);
                baselineCounted.append(base);
                baselineError.append(base - truth);
                rule.append(count.parameters().toString());
            }
        }
        Table table = Table.create("Repetition counts, leave one participant out", file, setId, participant, exercise,
                intensity, expected, counted, error, baselineCounted, baselineError, rule);
        return new RepCountEvaluation(table, Summary.of(error), Summary.of(baselineError));
    }

    /** Learned and baseline summaries per exercise. */
    public Table perExercise() {
        StringColumn exercise = StringColumn.create("exercise");
        IntColumn sets = IntColumn.create("sets");
        StringColumn learnedText = StringColumn.create("learned");
        StringColumn baselineText = StringColumn.create("baseline");
        for (String name : new TreeSet<>(perSet.stringColumn("exercise").asList())) {
            Table part = perSet.where(perSet.stringColumn("exercise").isEqualTo(name));
            exercise.append(name);
            sets.append(part.rowCount());
            learnedText.append(Summary.of(part.intColumn("error")).toString().replaceFirst("^\\d+ sets: ", ""));
            baselineText.append(Summary.of(part.intColumn("baseline_error")).toString().replaceFirst("^\\d+ sets: ", ""));
        }
        return Table.create("Repetition counting per exercise", exercise, sets, learnedText, baselineText);
    }
}
