package formlab.deploy;

import formlab.exercise.ExerciseModel;
import formlab.exercise.ExerciseScoring;
import formlab.imu.ImuRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The check that the Pi runtime says what batch scoring says: every set replayed through the
 * tracker on the mock platform ({@link ReplayDemo}) next to {@code ExerciseScoring} of the same
 * recording with the same model. The columns {@code live_*} and {@code led_pulses} come from the
 * tracker, {@code batch_*} from scoring the file.
 */
public final class LiveVersusBatch {

    private LiveVersusBatch() {
    }

    /** One row per set; session logs go to sub-folders of {@code folder}. */
    public static Table compare(ExerciseModel model, List<ImuRecording> sets, Path folder) throws IOException {
        StringColumn id = StringColumn.create("set_id");
        StringColumn truth = StringColumn.create("exercise");
        IntColumn protocol = IntColumn.create("protocol_reps");
        StringColumn batchLabel = StringColumn.create("batch_label");
        IntColumn batchReps = IntColumn.create("batch_reps");
        StringColumn liveLabel = StringColumn.create("live_label");
        IntColumn liveReps = IntColumn.create("live_reps");
        IntColumn pulses = IntColumn.create("led_pulses");
        DoubleColumn p99 = DoubleColumn.create("window_p99_ms");
        int n = 0;
        for (ImuRecording set : sets) {
            ExerciseScoring.SetScore batch = ExerciseScoring.score(model, set);
            ReplayDemo live = ReplayDemo.run(set, LiveClassifier.of(model), folder.resolve("set-" + ++n));
            id.append(set.info().id());
            truth.append(set.info().exercise().label());
            protocol.append(set.info().expectedReps().orElse(0));
            batchLabel.append(batch.label());
            batchReps.append(batch.repCount());
            liveLabel.append(live.set().exercise());
            liveReps.append(live.set().reps());
            pulses.append(live.repLedOnSeconds().length);
            p99.append(live.latency().p99());
        }
        return Table.create("Pi runtime on mock GPIO against batch scoring", id, truth, protocol, batchLabel, batchReps,
                liveLabel, liveReps, pulses, p99);
    }

    /** Rows of {@code table} where live and batch disagree (label, count, or LED pulses versus count). */
    public static Table disagreements(Table table) {
        return table.where(table.stringColumn("batch_label").isNotEqualTo(table.stringColumn("live_label"))
                .or(table.intColumn("batch_reps").isNotEqualTo(table.intColumn("live_reps")))
                .or(table.intColumn("led_pulses").isNotEqualTo(table.intColumn("live_reps"))));
    }
}
