package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private final CommandRunner cli = new CommandRunner();

    @Test
    void helpListsTheRegisteredCommands() {
        assertEquals(0, cli.run("help"));
        assertTrue(cli.output().contains("check"));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, cli.run("no-such-command"));
        assertTrue(cli.error().contains("unknown command 'no-such-command'"));
    }

    @Test
    void unknownOptionIsNamed() {
        assertEquals(2, cli.run("check", "--colour", "red"));
        assertTrue(cli.error().contains("unknown option: --colour"));
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
        assertEquals(1, cli.run("score-pose", "--registry", registry.toString(), "some.csv"));
        String message = cli.error();
        assertTrue(message.contains("No 'yoga-pose"), message);
        assertTrue(message.contains("notebook 3.2"), message);
    }

    @Test
    void scorePoseNeedsAFile() {
        assertEquals(2, cli.run("score-pose"));
        assertTrue(cli.error().contains("name at least one landmark CSV file"));
    }
}
