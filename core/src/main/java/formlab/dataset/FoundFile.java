package formlab.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * A recording file the description takes.
 *
 * @param relative its path relative to the dataset folder, with {@code /} separators
 * @param path     its path on disk
 * @param groups   the values of the path pattern's groups
 * @param part     the value of the part group, or null
 */
record FoundFile(String relative, Path path, Map<String, String> groups, String part) {
}
