package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import formlab.model.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The one window-table writer gives the barbell set layout and the described recording layout. */
class ScoredWindowTableTest {

    private static final List<String> CLASSES = List.of("rest", "squat");

    private static void addTwoWindows(ScoredWindowTable table, List<String> keys, String reason) {
        table.add(keys, 0, 0.0, new WindowDecisions.Step("rest", 0.9, new double[] {0.9, 0.1}, true, false, false, false),
                Prediction.of(CLASSES, new double[] {0.9, 0.1}), true, reason, "squat", 5);
        table.add(keys, 1, 1.0, new WindowDecisions.Step("squat", 0.7, new double[] {0.3, 0.7}, false, true, true, false),
                Prediction.of(CLASSES, new double[] {0.2, 0.8}), false, reason, "squat", 5);
    }

    @Test
    void barbellSetsHaveFileSetIdGateReasonAndSetVerdict() {
        ScoredWindowTable writer = new ScoredWindowTable(List.of("file", "set_id"), "set", true);
        addTwoWindows(writer, List.of("A.csv", "A-squat"), "classifier");
        Table table = writer.table();
        assertEquals(List.of("file", "set_id", "window", "window_start_s", "label", "confidence", "raw_label",
                "raw_confidence", "rest", "gate_reason", "set_label", "set_reps"), table.columnNames());
        assertEquals("Scored windows", table.name());
        assertEquals(2, table.rowCount());
        assertEquals("squat", table.stringColumn("label").get(1));
        assertEquals(0.8, table.doubleColumn("raw_confidence").get(1), 1e-12);
        assertEquals(true, table.booleanColumn("rest").get(0));
        assertEquals("classifier", table.stringColumn("gate_reason").get(0));
        assertEquals(5, table.intColumn("set_reps").get(1));
    }

    @Test
    void describedRecordingsHaveRecordingSubjectAndNoGateReason() {
        ScoredWindowTable writer = new ScoredWindowTable(List.of("recording", "subject"), "recording", false);
        addTwoWindows(writer, List.of("s1/squat-1", "s1"), null);
        Table table = writer.table();
        assertEquals(List.of("recording", "subject", "window", "window_start_s", "label", "confidence", "raw_label",
                "raw_confidence", "rest", "recording_label", "recording_reps"), table.columnNames());
        assertEquals("s1", table.stringColumn("subject").get(0));
        assertEquals(1.0, table.doubleColumn("window_start_s").get(1), 0.0);
    }
}
