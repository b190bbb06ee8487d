package formlab.exercise;

import formlab.model.Prediction;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The one writer of the "Scored windows" table of batch scoring, whatever was scored (barbell sets,
 * {@link ExerciseScoring}, or recordings read through a description, {@link DescribedImuScoring}): the
 * columns naming the scored unit, then window, window_start_s, label and confidence (as shown live),
 * raw_label, raw_confidence, rest, optionally gate_reason, and the unit's verdict (label and reps).
 */
final class ScoredWindowTable {

    private final List<StringColumn> keys;
    private final IntColumn index = IntColumn.create("window");
    private final DoubleColumn start = DoubleColumn.create("window_start_s");
    private final StringColumn label = StringColumn.create("label");
    private final DoubleColumn confidence = DoubleColumn.create("confidence");
    private final StringColumn rawLabel = StringColumn.create("raw_label");
    private final DoubleColumn rawConfidence = DoubleColumn.create("raw_confidence");
    private final BooleanColumn rest = BooleanColumn.create("rest");
    private final StringColumn reason;
    private final StringColumn unitLabel;
    private final IntColumn unitReps;

    /**
     * @param keyColumns  names of the columns identifying the scored unit (e.g. {@code file, set_id})
     * @param unit        what was scored, naming the verdict columns {@code <unit>_label} and {@code <unit>_reps}
     * @param gateReasons whether the table has a {@code gate_reason} column
     */
    ScoredWindowTable(List<String> keyColumns, String unit, boolean gateReasons) {
        keys = keyColumns.stream().map(StringColumn::create).toList();
        reason = gateReasons ? StringColumn.create("gate_reason") : null;
        unitLabel = StringColumn.create(unit + "_label");
        unitReps = IntColumn.create(unit + "_reps");
    }

    /**
     * Adds one window.
     *
     * @param keyValues  values of the key columns, in their order
     * @param gateReason the rest gate's reason (ignored when the table has no such column)
     * @param verdict    the scored unit's label
     * @param reps       the scored unit's repetitions
     */
    void add(List<String> keyValues, int window, double startSeconds, WindowDecisions.Step step, Prediction raw,
            boolean isRest, String gateReason, String verdict, int reps) {
        for (int k = 0; k < keys.size(); k++) {
            keys.get(k).append(keyValues.get(k));
        }
        index.append(window);
        start.append(startSeconds);
        label.append(step.label());
        confidence.append(step.confidence());
        rawLabel.append(raw.label());
        rawConfidence.append(raw.confidence());
        rest.append(isRest);
        if (reason != null) {
            reason.append(gateReason);
        }
        unitLabel.append(verdict);
        unitReps.append(reps);
    }

    /** The table, named "Scored windows". */
    Table table() {
        Table table = Table.create("Scored windows");
        keys.forEach(table::addColumns);
        table.addColumns(index, start, label, confidence, rawLabel, rawConfidence, rest);
        if (reason != null) {
            table.addColumns(reason);
        }
        return table.addColumns(unitLabel, unitReps);
    }
}
