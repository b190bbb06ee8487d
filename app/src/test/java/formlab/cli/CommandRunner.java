package formlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs formlab commands in-process, as {@code bin/formlab} would, and keeps what the last one printed. */
final class CommandRunner {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code argv} and returns the exit status; output of earlier runs is discarded. */
    int run(String... argv) {
        out.reset();
        err.reset();
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What the last command printed on standard output. */
    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last command printed on standard error. */
    String error() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
