package formlab.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Items without labels, with the feature names their vectors follow. Ids are unique; the order is
 * the order items were added (selection and export keep it where ties need breaking).
 *
 * @param featureNames names of the feature vector entries
 * @param items        the items
 */
public record UnlabelledPool(List<String> featureNames, List<PoolItem> items) {

    public UnlabelledPool {
        featureNames = List.copyOf(featureNames);
        items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (PoolItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("Duplicate item id '" + item.id() + "' in the pool");
            }
            if (item.features().length != featureNames.size() && item.features().length != 0) {
                throw new IllegalArgumentException("Item '" + item.id() + "' has " + item.features().length
                        + " features, the pool has " + featureNames.size());
            }
        }
    }

    /**
     * A pool of IMU windows from a feature table of {@code formlab.features.ImuFeatures} (metadata
     * columns {@code participant, set_id, window_start_s} and the named feature columns); the label
     * columns are ignored: the pool does not know them.
     */
    public static UnlabelledPool fromImuFeatures(Table table, List<String> features) {
        List<PoolItem> items = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            String set = table.stringColumn("set_id").get(i);
            double start = table.numberColumn("window_start_s").getDouble(i);
            double[] x = new double[features.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = table.numberColumn(features.get(j)).getDouble(i);
            }
            items.add(new PoolItem(imuWindowId(set, start), ItemKind.IMU_WINDOW, set, table.stringColumn("participant").get(i), "", x));
        }
        return new UnlabelledPool(features, items);
    }

    /** The id of the IMU window of set {@code setId} starting {@code startSeconds} into it, e.g. {@code set@...#12.0}. */
    public static String imuWindowId(String setId, double startSeconds) {
        return setId + "#" + String.format(Locale.ROOT, "%.2f", startSeconds);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** The item with this id. */
    public Optional<PoolItem> get(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Items by id, in pool order. */
    public Map<String, PoolItem> byId() {
        Map<String, PoolItem> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(i.id(), i));
        return map;
    }

    /** This pool without the items whose ids are in {@code ids} (e.g. those labelled already). */
    public UnlabelledPool without(Collection<String> ids) {
        Set<String> drop = new HashSet<>(ids);
        return new UnlabelledPool(featureNames, items.stream().filter(i -> !drop.contains(i.id())).toList());
    }

    /** This pool restricted to items of {@code groups}, or without them ({@code keep} false). */
    public UnlabelledPool groups(Collection<String> groups, boolean keep) {
        Set<String> set = new HashSet<>(groups);
        return new UnlabelledPool(featureNames, items.stream().filter(i -> set.contains(i.group()) == keep).toList());
    }

    /** Feature matrix, one row per item. */
    public double[][] x() {
        return items.stream().map(PoolItem::features).toArray(double[][]::new);
    }
}
