package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheRegisteredCommands() {
        assertEquals(0, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("check"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("no-such-command"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'no-such-command'"));
    }

    @Test
    void unknownOptionIsNamed() {
        assertEquals(2, run("check", "--colour", "red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option: --colour"));
    }

    @Test
    void argsParseOptionsSwitchesAndPositionals() {
        Args args = Args.parse(List.of("a.csv", "--window", "2.5", "--live", "--seed=7", "b.csv"));
        assertEquals(2.5, args.number("window", 0));
        assertTrue(args.flag("live"));
        assertEquals(7, args.integer("seed", 0));
        assertEquals(List.of("a.csv", "b.csv"), args.positionals());
    }

    @Test
    void nonNumericOptionIsAUsageError() {
        Args args = Args.parse(List.of("--seed", "seven"));
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> args.integer("seed", 1));
        assertTrue(e.getMessage().contains("--seed expects a number, got 'seven'"));
    }

    @Test
    void scorePoseWithoutARegisteredModelSaysHowToGetOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path registry) {
        assertEquals(1, run("score-pose", "--registry", registry.toString(), "some.csv"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("No 'yoga-pose"), message);
        assertTrue(message.contains("notebook 3.2"), message);
    }

    @Test
    void scorePoseNeedsAFile() {
        assertEquals(2, run("score-pose"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("name at least one landmark CSV file"));
    }
}
