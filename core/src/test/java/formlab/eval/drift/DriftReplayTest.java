package formlab.eval.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.model.LabelledData;
import formlab.model.SyntheticFeatures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DriftReplayTest {

    private static final int WINDOWS_PER_SET = 15;

    /** Four participants, six sets per exercise; D wears the sensor rotated (acc_x_mean +0.6 g). */
    private static Table features() {
        LabelledData data = SyntheticFeatures.table(4, 6, WINDOWS_PER_SET, 0.1, 5);
        Table table = data.table().copy();
        StringColumn set = StringColumn.create("set");
        for (int i = 0; i < table.rowCount(); i++) {
            set.append(table.stringColumn("group").get(i) + "-" + i / WINDOWS_PER_SET);
            if (table.stringColumn("group").get(i).equals("D")) {
                table.doubleColumn("acc_x_mean").set(i, table.doubleColumn("acc_x_mean").get(i) + 0.6);
            }
        }
        return table.addColumns(set);
    }

    @Test
    void anUnseenParticipantDriftsWhileHeldOutSetsOfKnownOnesStayQuiet() {
        Table table = features();
        DriftReplay.Split split = DriftReplay.split(table, "group", "label", "set", List.of("D"), 0.3, 7);
        assertEquals(450, split.stream().rowCount());
        assertEquals(450, split.control().rowCount(), "round(0.3 * 6) = 2 of 6 sets per participant and exercise");
        assertEquals(900, split.reference().rowCount());
        assertTrue(split.control().stringColumn("set").asSet().stream().noneMatch(split.reference().stringColumn("set").asSet()::contains),
                "a set is either reference or control");

        DriftThresholds thresholds = DriftThresholds.forStreamWindows();
        DriftDetector detector = new DriftDetector(SyntheticFeatures.FEATURES,
                split.reference().as().doubleMatrix(SyntheticFeatures.FEATURES.toArray(String[]::new)), 5, thresholds);
        WindowedDrift stream = DriftReplay.replayShuffled(detector, split.stream(), 90, 30, 1);
        WindowedDrift control = DriftReplay.replayShuffled(detector, split.control(), 90, 30, 1);
        assertTrue(stream.history().stream().allMatch(w -> w.report().flagged(DriftFlag.DRIFT).contains("acc_x_mean")),
                stream.table().print());
        assertTrue(control.history().stream().noneMatch(w -> w.report().worst() == DriftFlag.DRIFT), control.table().print());

        // In recorded order each window holds one or two exercises: the mix alone looks like drift.
        WindowedDrift ordered = DriftReplay.replayInOrder(detector, split.control(), 90, 30);
        assertTrue(ordered.history().stream().anyMatch(w -> w.report().worst() == DriftFlag.DRIFT), ordered.table().print());

        var figure = DriftReplay.figure("replay", Map.of("D", stream, "control", control), thresholds);
        assertFalse(figure.asJavascript("plot").isEmpty());
    }
}
