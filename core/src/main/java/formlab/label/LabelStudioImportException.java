package formlab.label;

import java.nio.file.Path;
import java.util.List;

/**
 * A Label Studio export that cannot be imported, with every problem found: each names the task
 * (its position in the file, its Label Studio id and FormLab item id where known) and the field.
 */
public final class LabelStudioImportException extends java.io.IOException {

    private final Path file;
    private final List<Problem> problems;

    /**
     * One problem.
     *
     * @param task    e.g. "task #3 (Label Studio id 17, item A-bench...#4.00)", or "file" for the file as a whole
     * @param field   JSON path of the field, e.g. {@code annotations[0].result[0].value.choices}
     * @param message what is wrong and what was expected
     */
    public record Problem(String task, String field, String message) {
        @Override
        public String toString() {
            return task + ", field " + field + ": " + message;
        }
    }

    /** An exception for {@code problems} (at least one) found in {@code file}. */
    public LabelStudioImportException(Path file, List<Problem> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the Label Studio export:\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
