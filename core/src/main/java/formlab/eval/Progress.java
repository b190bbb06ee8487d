package formlab.eval;

import java.io.PrintStream;

/**
 * Progress of a long run (cross-validation folds, hyperparameter candidates), reported after each
 * step. Implementations must be cheap; they are called from the thread doing the work.
 */
@FunctionalInterface
public interface Progress {

    /**
     * One step finished.
     *
     * @param task    what is running, e.g. "cross-validation smile-gbt"
     * @param done    steps finished so far (1-based)
     * @param total   total steps
     * @param message what the step produced, e.g. "fold B: accuracy 0.91"
     */
    void step(String task, int done, int total, String message);

    /** Reports nothing. */
    static Progress none() {
        return (task, done, total, message) -> { };
    }

    /** Prints one line per step to standard output (shows up live in notebooks). */
    static Progress stdout() {
        return printing(System.out);
    }

    /** Prints one line per step to {@code out}: {@code [task] 3/5 message}. */
    static Progress printing(PrintStream out) {
        return (task, done, total, message) -> {
            out.println("[" + task + "] " + done + "/" + total + " " + message);
            out.flush();
        };
    }
}
