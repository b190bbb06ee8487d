package formlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Folders of a FormLab checkout, after the cookiecutter data-science layout.
 *
 * <p>The root is taken from the {@code FORMLAB_HOME} environment variable (or the
 * {@code formlab.home} system property); without either, it is the nearest folder at or
 * above the working directory that holds both {@code core/pom.xml} and {@code notebooks/}.
 * Notebooks run with their own folder as working directory, so the search finds the root
 * from there as well.
 */
public record ProjectPaths(Path root) {

    /** Environment variable naming the project root. */
    public static final String HOME_VARIABLE = "FORMLAB_HOME";

    public ProjectPaths {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** Finds the project root as described in the class comment. */
    public static ProjectPaths locate() {
        String configured = Settings.value("formlab.home", HOME_VARIABLE);
        if (configured != null) {
            return new ProjectPaths(Path.of(configured));
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("core/pom.xml")) && Files.isDirectory(dir.resolve("notebooks"))) {
                return new ProjectPaths(dir);
            }
        }
        throw new IllegalStateException("Cannot find the FormLab project root above " + start
                + ": set " + HOME_VARIABLE + " to the folder that holds lib/ and notebooks/");
    }

    /** {@code data/raw}: original recordings, never edited. */
    public Path raw() { return root.resolve("data/raw"); }

    /** {@code data/interim}: intermediate data such as aligned or resampled recordings. */
    public Path interim() { return root.resolve("data/interim"); }

    /** {@code data/processed}: final feature tables for modeling. */
    public Path processed() { return root.resolve("data/processed"); }

    /** {@code data/external}: third-party data shipped with the project (with its license). */
    public Path external() { return root.resolve("data/external"); }

    /** {@code models/}: trained models and their cards. */
    public Path models() { return root.resolve("models"); }

    /** {@code reports/}: exported notebook reports. */
    public Path reports() { return root.resolve("reports"); }

    /** {@code reports/figures}: figures saved for reports. */
    public Path figures() { return root.resolve("reports/figures"); }
}
