package formlab.label;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What was sent to labelling in one round: written as {@code round.json} next to the tasks, and
 * read back on import to check the annotations against it.
 *
 * @param dataset       label dataset name
 * @param round         round number (the label dataset version it will become)
 * @param createdAt     ISO-8601 instant of the export
 * @param modelVersion  the model that scored and pre-annotated the items (e.g. "imu-exercise v2")
 * @param strategy      the query strategy that chose them
 * @param classes       the allowed labels
 * @param tasksSha256   SHA-256 of the tasks file
 * @param items         the items, in task order
 */
public record ExportedRound(String dataset, int round, String createdAt, String modelVersion, String strategy,
                            List<String> classes, String tasksSha256, List<Item> items) {

    /** File name of the round record inside a round folder. */
    public static final String FILE = "round.json";
    /** File name of the Label Studio tasks inside a round folder. */
    public static final String TASKS = "tasks.json";
    /** File name of the labeling interface inside a round folder. */
    public static final String CONFIG = "label_config.xml";

    public ExportedRound {
        classes = List.copyOf(classes);
        items = List.copyOf(items);
    }

    /**
     * One exported item.
     *
     * @param itemId    pool item id
     * @param task      task number in the tasks file (1-based)
     * @param kind      item kind
     * @param source    what it was cut from
     * @param group     participant / subject
     * @param image     picture reference in the task
     * @param predicted the model's label
     * @param score     the model's probability for it
     * @param uncertainty the strategy's uncertainty (NaN for random choice)
     */
    public record Item(String itemId, int task, ItemKind kind, String source, String group, String image, String predicted,
                       double score, double uncertainty) {
    }

    /** Items by id. */
    public Map<String, Item> byId() {
        return items.stream().collect(Collectors.toMap(Item::itemId, Function.identity()));
    }

    /** The item with this id. */
    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    /** The items as a table: task, item, group, predicted label, its probability, uncertainty. */
    public tech.tablesaw.api.Table table() {
        var score = tech.tablesaw.api.DoubleColumn.create("score", items.stream().mapToDouble(Item::score).toArray());
        var uncertainty = tech.tablesaw.api.DoubleColumn.create("uncertainty", items.stream().mapToDouble(Item::uncertainty).toArray());
        score.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(3));
        uncertainty.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(3));
        return tech.tablesaw.api.Table.create("Round " + round + " of " + dataset + ": " + items.size() + " tasks (" + strategy
                        + ", scored by " + modelVersion + ")",
                tech.tablesaw.api.IntColumn.create("task", items.stream().mapToInt(Item::task).toArray()),
                tech.tablesaw.api.StringColumn.create("item", items.stream().map(Item::itemId).toList()),
                tech.tablesaw.api.StringColumn.create("group", items.stream().map(Item::group).toList()),
                tech.tablesaw.api.StringColumn.create("predicted", items.stream().map(Item::predicted).toList()),
                score, uncertainty);
    }

    /** Reads {@code round.json} from a round folder. */
    public static ExportedRound read(Path roundFolder) throws IOException {
        Path file = roundFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no round record; expected the folder written by the export");
        }
        try {
            return LabelStudioFormat.JSON.readValue(file.toFile(), ExportedRound.class);
        } catch (JacksonException e) {
            throw new IOException(file + ": not a valid round record: " + e.getOriginalMessage(), e);
        }
    }
}
