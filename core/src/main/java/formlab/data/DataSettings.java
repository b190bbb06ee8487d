package formlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real datasets live. They are never part of the repository: the folder is named by
 * the {@code FORMLAB_DATA_DIR} environment variable (or the {@code formlab.data.dir} system
 * property), and each dataset is a sub-folder of it (for example {@code imu-barbell-metawear}).
 */
public final class DataSettings {

    /** Environment variable naming the dataset root. */
    public static final String DATA_DIR_VARIABLE = "FORMLAB_DATA_DIR";

    private DataSettings() {
    }

    /** The configured dataset root, if one is set (it may not exist). */
    public static Optional<Path> dataRoot() {
        return Optional.ofNullable(Settings.value("formlab.data.dir", DATA_DIR_VARIABLE)).map(Path::of);
    }

    /** The folder of the named dataset under the dataset root, if the root is set and the folder exists. */
    public static Optional<Path> dataset(String name) {
        return dataRoot().map(root -> root.resolve(name)).filter(Files::isDirectory);
    }
}
