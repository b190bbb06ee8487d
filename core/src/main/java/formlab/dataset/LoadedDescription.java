package formlab.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A description as read and checked, with where it came from and the dataset folder it describes.
 */
public final class LoadedDescription {

    private final DatasetDescription description;
    private final Path file;
    private final boolean builtIn;
    private final Path folder;
    private final KeyLocations keys;

    LoadedDescription(DatasetDescription description, Path file, boolean builtIn, Path folder, KeyLocations keys) {
        this.description = description;
        this.file = file;
        this.builtIn = builtIn;
        this.folder = folder;
        this.keys = keys;
    }

    /** The description's content. */
    public DatasetDescription description() {
        return description;
    }

    /** The description file (for a built-in one, its resource path). */
    public Path file() {
        return file;
    }

    /** True when the description ships with FormLab (a resource under {@code formlab/dataset/descriptions}). */
    public boolean builtIn() {
        return builtIn;
    }

    /** The dataset folder, when known (a built-in description needs the data root, {@code FORMLAB_DATA_DIR}). */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The same description applied to another dataset folder. */
    public LoadedDescription withFolder(Path otherFolder) {
        return new LoadedDescription(description, file, builtIn, otherFolder.toAbsolutePath().normalize(), keys);
    }

    KeyLocations keys() {
        return keys;
    }
}
