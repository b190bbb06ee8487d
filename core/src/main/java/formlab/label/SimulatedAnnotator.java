package formlab.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Plays the person in Label Studio for simulations and demonstrations: reads an exported
 * {@code tasks.json} and writes the file Label Studio's JSON export would give after that person
 * labelled every task, answering from known labels (an oracle). The answers follow Label Studio's
 * export layout: the task's {@code id}, {@code data} and {@code predictions} as exported, plus
 * {@code annotations} with {@code id}, {@code completed_by}, {@code result} (one {@code choices}
 * result), {@code was_cancelled}, {@code ground_truth}, {@code created_at}, {@code updated_at},
 * {@code lead_time} and {@code task}.
 */
public final class SimulatedAnnotator {

    private SimulatedAnnotator() {
    }

    /**
     * Answers every task of {@code tasksFile} with {@code oracle.get(item id)} as user {@code annotator}
     * (Label Studio writes the user's numeric id), starting at {@code start}, one task per 4 seconds,
     * into {@code exportFile}. Items the oracle does not know are skipped (left without annotation).
     */
    public static void annotate(Path tasksFile, Map<String, String> oracle, int annotator, Instant start, Path exportFile) throws IOException {
        JsonNode tasks = LabelStudioFormat.JSON.readTree(tasksFile.toFile());
        ArrayNode export = LabelStudioFormat.JSON.createArrayNode();
        for (int t = 0; t < tasks.size(); t++) {
            ObjectNode task = ((ObjectNode) tasks.get(t)).deepCopy();
            int lsId = 1000 + t;
            task.put("id", lsId);
            ArrayNode annotations = task.putArray("annotations");
            String label = oracle.get(task.path("data").path(LabelStudioFormat.ITEM_ID).asText());
            if (label != null) {
                String at = start.plusSeconds(4L * t).toString();
                ObjectNode annotation = annotations.addObject();
                annotation.put("id", 5000 + t);
                annotation.put("completed_by", annotator);
                ObjectNode result = annotation.putArray("result").addObject();
                result.put("id", "a" + t);
                result.put("from_name", LabelStudioFormat.CONTROL);
                result.put("to_name", LabelStudioFormat.OBJECT);
                result.put("type", LabelStudioFormat.CHOICES);
                result.put("origin", "manual");
                result.putObject("value").putArray(LabelStudioFormat.CHOICES).add(label);
                annotation.put("was_cancelled", false);
                annotation.put("ground_truth", false);
                annotation.put("created_at", at);
                annotation.put("updated_at", at);
                annotation.put("lead_time", 4.0);
                annotation.put("task", lsId);
            }
            export.add(task);
        }
        AtomicFiles.writeBytes(exportFile, LabelStudioFormat.JSON.writeValueAsBytes(export));
    }
}
