package formlab.label;

import java.util.Objects;

/**
 * A label a person gave an item.
 *
 * @param itemId    pool item id
 * @param label     the label
 * @param source    what the item was cut from
 * @param group     participant / subject of the item
 * @param annotator who labelled it (Label Studio's {@code completed_by}: user id or e-mail)
 * @param time      when (ISO-8601, Label Studio's {@code created_at} of the annotation)
 * @param round     labelling round it came from
 */
public record ItemLabel(String itemId, String label, String source, String group, String annotator, String time, int round) {

    public ItemLabel {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(time, "time");
    }
}
