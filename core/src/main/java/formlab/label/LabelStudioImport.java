package formlab.label;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import formlab.registry.DataFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Label Studio JSON export (the "JSON" export of a project: a list of tasks, each with its
 * {@code data} and {@code annotations}) and maps the answers back to the items of an
 * {@link ExportedRound}. Nothing is accepted half-way: every task is checked and all problems are
 * reported together in one {@link LabelStudioImportException}.
 *
 * <p>Rules: each task must carry {@code data.item_id} of an item of the round, at most once per file;
 * cancelled annotations ({@code was_cancelled: true}) are ignored; a task without completed
 * annotations leaves its item unlabelled; more than one completed annotation of an item is a
 * duplicate (resolve it in Label Studio first); an annotation needs {@code completed_by},
 * {@code created_at} and exactly one {@code choices} result of the {@value LabelStudioFormat#CONTROL}
 * control with exactly one label from the round's classes.
 */
public final class LabelStudioImport {

    private LabelStudioImport() {
    }

    /**
     * The labels of an import.
     *
     * @param file        the export read
     * @param fileSha256  its SHA-256
     * @param labels      one label per annotated item, in file order
     * @param unlabelled  ids of the round's items without a completed annotation (missing from the
     *                    export, without annotation, or only cancelled ones), in round order
     * @param notExported those of {@code unlabelled} that are not in the export at all
     */
    public record Result(Path file, String fileSha256, List<ItemLabel> labels, List<String> unlabelled, List<String> notExported) {

        public Result {
            labels = List.copyOf(labels);
            unlabelled = List.copyOf(unlabelled);
            notExported = List.copyOf(notExported);
        }

        /**
         * What is missing, in words: how many of the round's items have no label, split into items not
         * in the export and items in it without a completed annotation, with the first few ids.
         */
        public String describeMissing(int roundItems) {
            int unannotated = unlabelled.size() - notExported.size();
            return unlabelled.size() + " of the round's " + roundItems + " items have no label: " + notExported.size()
                    + " not in the export, " + unannotated + " without a completed annotation (none, or cancelled)"
                    + (unlabelled.isEmpty() ? "" : "; first: " + String.join(", ", unlabelled.subList(0, Math.min(5, unlabelled.size()))));
        }
    }

    /** Reads {@code exportFile} against {@code round}. */
    public static Result read(Path exportFile, ExportedRound round) throws IOException {
        JsonNode root;
        try {
            root = LabelStudioFormat.JSON.readTree(exportFile.toFile());
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new LabelStudioImportException(exportFile, List.of(new LabelStudioImportException.Problem("file", "(root)",
                    "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
        List<LabelStudioImportException.Problem> problems = new ArrayList<>();
        if (root == null || !root.isArray()) {
            throw new LabelStudioImportException(exportFile, List.of(new LabelStudioImportException.Problem("file", "(root)",
                    "expected a JSON array of tasks (Label Studio's JSON export), found " + (root == null ? "nothing" : root.getNodeType()))));
        }
        Map<String, ExportedRound.Item> items = round.byId();
        Map<String, String> seen = new HashMap<>();
        List<ItemLabel> labels = new ArrayList<>();
        for (int t = 0; t < root.size(); t++) {
            JsonNode task = root.get(t);
            String name = "task #" + (t + 1);
            if (!task.isObject()) {
                problems.add(problem(name, "(task)", "expected an object, found " + task.getNodeType()));
                continue;
            }
            if (task.hasNonNull("id")) {
                name += " (Label Studio id " + task.get("id").asText() + ")";
            }
            JsonNode itemId = task.path("data").path(LabelStudioFormat.ITEM_ID);
            if (!task.path("data").isObject()) {
                problems.add(problem(name, "data", "missing; expected the task data with " + LabelStudioFormat.ITEM_ID));
                continue;
            }
            if (!itemId.isTextual()) {
                problems.add(problem(name, "data." + LabelStudioFormat.ITEM_ID, itemId.isMissingNode() ? "missing; every exported task has one"
                        : "expected a string, found " + itemId.getNodeType()));
                continue;
            }
            String id = itemId.asText();
            name += ", item " + id;
            ExportedRound.Item item = items.get(id);
            if (item == null) {
                problems.add(problem(name, "data." + LabelStudioFormat.ITEM_ID, "unknown task: item '" + id
                        + "' was not exported in round " + round.round() + " of " + round.dataset()));
                continue;
            }
            String previous = seen.putIfAbsent(id, name);
            if (previous != null) {
                problems.add(problem(name, "data." + LabelStudioFormat.ITEM_ID, "duplicate task: item '" + id + "' already came in " + previous));
                continue;
            }
            JsonNode annotations = task.get("annotations");
            if (annotations == null || !annotations.isArray()) {
                problems.add(problem(name, "annotations", annotations == null ? "missing; export the project as JSON with annotations"
                        : "expected an array, found " + annotations.getNodeType()));
                continue;
            }
            List<Integer> completed = new ArrayList<>();
            for (int a = 0; a < annotations.size(); a++) {
                if (!annotations.get(a).path("was_cancelled").asBoolean(false)) {
                    completed.add(a);
                }
            }
            if (completed.size() > 1) {
                problems.add(problem(name, "annotations", "duplicate annotations: " + completed.size()
                        + " completed annotations (at positions " + completed + "); keep one per item and export again"));
                continue;
            }
            if (completed.size() == 1) {
                int a = completed.getFirst();
                ItemLabel label = label(annotations.get(a), "annotations[" + a + "]", name, item, round, problems);
                if (label != null) {
                    labels.add(label);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LabelStudioImportException(exportFile, problems);
        }
        List<String> unlabelled = round.items().stream().map(ExportedRound.Item::itemId)
                .filter(id -> labels.stream().noneMatch(l -> l.itemId().equals(id))).toList();
        List<String> notExported = unlabelled.stream().filter(id -> !seen.containsKey(id)).toList();
        return new Result(exportFile, DataFile.sha256(exportFile), labels, unlabelled, notExported);
    }

    private static ItemLabel label(JsonNode annotation, String at, String name, ExportedRound.Item item, ExportedRound round,
                                   List<LabelStudioImportException.Problem> problems) {
        int before = problems.size();
        JsonNode result = annotation.get("result");
        if (result == null || !result.isArray()) {
            problems.add(problem(name, at + ".result", result == null ? "missing" : "expected an array, found " + result.getNodeType()));
            return null;
        }
        List<Integer> choices = new ArrayList<>();
        for (int r = 0; r < result.size(); r++) {
            JsonNode entry = result.get(r);
            if (LabelStudioFormat.CHOICES.equals(entry.path("type").asText()) && LabelStudioFormat.CONTROL.equals(entry.path("from_name").asText())) {
                choices.add(r);
            }
        }
        if (choices.size() != 1) {
            problems.add(problem(name, at + ".result", choices.isEmpty()
                    ? "no choices result of control '" + LabelStudioFormat.CONTROL + "' (type 'choices', from_name '" + LabelStudioFormat.CONTROL + "')"
                    : "duplicate answers: " + choices.size() + " choices results of control '" + LabelStudioFormat.CONTROL + "' (at " + choices + ")"));
            return null;
        }
        String field = at + ".result[" + choices.getFirst() + "].value.choices";
        JsonNode values = result.get(choices.getFirst()).path("value").path(LabelStudioFormat.CHOICES);
        String label = null;
        if (!values.isArray() || values.size() != 1 || !values.get(0).isTextual()) {
            problems.add(problem(name, field, values.isMissingNode() ? "missing" : "expected exactly one label, found " + values));
        } else if (!round.classes().contains(values.get(0).asText())) {
            problems.add(problem(name, field, "unknown label '" + values.get(0).asText() + "'; expected one of " + round.classes()));
        } else {
            label = values.get(0).asText();
        }
        JsonNode by = annotation.get("completed_by");
        String annotator = by == null || by.isNull() ? null : by.isObject() ? by.path("email").asText(by.path("id").asText(null)) : by.asText();
        if (annotator == null || annotator.isBlank()) {
            problems.add(problem(name, at + ".completed_by", "missing; the dataset records who labelled each item"));
        }
        JsonNode created = annotation.get("created_at");
        if (created == null || !created.isTextual() || created.asText().isBlank()) {
            problems.add(problem(name, at + ".created_at", "missing; the dataset records when each item was labelled"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ItemLabel(item.itemId(), label, item.source(), item.group(), annotator, created.asText(), round.round());
    }

    private static LabelStudioImportException.Problem problem(String task, String field, String message) {
        return new LabelStudioImportException.Problem(task, field, message);
    }
}
