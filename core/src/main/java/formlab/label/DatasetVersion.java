package formlab.label;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One version of a label dataset, read from disk and checked against its manifest.
 *
 * @param folder   its folder {@code .../<dataset>/v<N>}
 * @param manifest its manifest
 */
public record DatasetVersion(Path folder, DatasetManifest manifest) {

    /** Dataset name. */
    public String dataset() {
        return manifest.dataset();
    }

    /** Version number. */
    public int version() {
        return manifest.version();
    }

    /** "dataset/vN", the form commands take. */
    public String id() {
        return dataset() + "/v" + version();
    }

    /** Every labelled item. */
    public List<ItemLabel> labels() {
        return manifest.items();
    }

    /** Label by item id. */
    public Map<String, String> labelById() {
        return labels().stream().collect(Collectors.toMap(ItemLabel::itemId, ItemLabel::label));
    }

    /** The labels file. */
    public Path labelsFile() {
        return folder.resolve(LabelDatasets.LABELS);
    }

    /** The manifest file. */
    public Path manifestFile() {
        return folder.resolve(LabelDatasets.MANIFEST);
    }

    /** Items per label and round: one row per label, one column per round and a total. */
    public Table counts() {
        TreeMap<String, TreeMap<Integer, Integer>> cells = new TreeMap<>();
        TreeMap<Integer, Integer> rounds = new TreeMap<>();
        for (ItemLabel l : labels()) {
            cells.computeIfAbsent(l.label(), k -> new TreeMap<>()).merge(l.round(), 1, Integer::sum);
            rounds.merge(l.round(), 1, Integer::sum);
        }
        StringColumn label = StringColumn.create("label", cells.keySet());
        Table table = Table.create("Labels of " + id() + " per round", label);
        for (int round : rounds.keySet()) {
            table.addColumns(IntColumn.create("round " + round, cells.values().stream().mapToInt(c -> c.getOrDefault(round, 0)).toArray()));
        }
        return table.addColumns(IntColumn.create("total", cells.values().stream()
                .mapToInt(c -> c.values().stream().mapToInt(Integer::intValue).sum()).toArray()));
    }
}
