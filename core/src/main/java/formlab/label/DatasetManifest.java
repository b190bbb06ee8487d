package formlab.label;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of one label dataset version.
 *
 * @param dataset      dataset name
 * @param version      version number (folder {@code v<version>})
 * @param parent       the version it extends, or 0 for the first
 * @param createdAt    ISO-8601 instant it was written
 * @param items        every labelled item (those of the parent first), with who labelled it and when
 * @param counts       items per label
 * @param labelsSha256 SHA-256 of {@code labels.csv} (the same items as a table)
 * @param parentLabelsSha256 SHA-256 of the parent's {@code labels.csv} (empty for the first version)
 * @param inputs       the files this version's new labels came from (the Label Studio export), with SHA-256
 */
public record DatasetManifest(String dataset, int version, int parent, String createdAt, List<ItemLabel> items,
                              Map<String, Integer> counts, String labelsSha256, String parentLabelsSha256, List<Input> inputs) {

    public DatasetManifest {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
        inputs = List.copyOf(inputs);
    }

    /**
     * A file the new labels came from.
     *
     * @param path   where it was
     * @param sha256 its SHA-256
     * @param what   what it is, e.g. "Label Studio export of round 2"
     */
    public record Input(String path, String sha256, String what) {
    }
}
