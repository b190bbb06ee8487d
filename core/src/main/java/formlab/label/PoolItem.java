package formlab.label;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One item that may be labelled: an IMU window, a landmark frame or sequence, or an image.
 *
 * @param id        stable id, unique in its pool (e.g. {@code A-bench-heavy@2019-01-11T16.10.08.270#12.0})
 * @param kind      what it is
 * @param source    what it was cut from: recording set, landmark file, image path
 * @param group     who it belongs to (participant, subject): splits and diversity use it
 * @param reference the data a person looks at (image path, or empty until a picture is rendered)
 * @param features  feature vector, ordered as the pool's feature names (empty when the item has none)
 */
public record PoolItem(String id, ItemKind kind, String source, String group, String reference, double[] features) {

    private static final Pattern ID = Pattern.compile("[^\\s\"\\\\]{1,300}");

    public PoolItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
        reference = reference == null ? "" : reference;
        features = features.clone();
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Item id '" + id + "' must be 1-300 characters without spaces, quotes or backslashes");
        }
    }

    /** A copy of the feature vector. */
    @Override
    public double[] features() {
        return features.clone();
    }

    /** The same item with another reference (e.g. the path of its rendered picture). */
    public PoolItem withReference(String newReference) {
        return new PoolItem(id, kind, source, group, newReference, features);
    }
}
