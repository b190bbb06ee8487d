package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@code formlab} command line: {@code formlab <command> [options]}. {@code formlab help}
 * lists the commands; {@code formlab help <command>} shows one command's usage.
 */
public final class Main {

    private Main() {
    }

    /** Entry point; exits with the command's status. */
    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    /** Runs one command line and returns its exit status (0 ok, 1 failure, 2 usage error). */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        List<Command> commands = commands();
        if (argv.isEmpty() || argv.get(0).equals("help") || argv.get(0).equals("--help")) {
            if (argv.size() > 1) {
                Optional<Command> command = find(commands, argv.get(1));
                if (command.isPresent()) {
                    out.println(command.get().usage());
                    return 0;
                }
                err.println("formlab: unknown command '" + argv.get(1) + "'");
                return 2;
            }
            printCommands(commands, out);
            return argv.isEmpty() ? 2 : 0;
        }
        Optional<Command> command = find(commands, argv.get(0));
        if (command.isEmpty()) {
            err.println("formlab: unknown command '" + argv.get(0) + "'");
            printCommands(commands, err);
            return 2;
        }
        try {
            return command.get().run(Args.parse(argv.subList(1, argv.size())), out);
        } catch (UsageException e) {
            err.println("formlab " + command.get().name() + ": " + e.getMessage());
            err.println(command.get().usage());
            return 2;
        } catch (Exception e) {
            err.println("formlab " + command.get().name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("formlab.debug")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** Every command on the classpath, sorted by name. */
    public static List<Command> commands() {
        return ServiceLoader.load(Command.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Command::name)).toList();
    }

    private static Optional<Command> find(List<Command> commands, String name) {
        return commands.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    private static void printCommands(List<Command> commands, PrintStream out) {
        out.println("usage: formlab <command> [options]    (formlab help <command> for details)");
        out.println();
        for (Command command : commands) {
            out.printf("  %-18s %s%n", command.name(), command.summary());
        }
    }
}
