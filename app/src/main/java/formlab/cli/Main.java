package formlab.cli;

import formlab.options.Args;
import formlab.options.InputException;
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

    /** Exit status: the command did what was asked. */
    public static final int EXIT_OK = 0;
    /** Exit status: the command failed; the reason is on standard error. */
    public static final int EXIT_FAILURE = 1;
    /**
     * Exit status: the arguments were wrong (the reason and the usage are on standard error) or, for the
     * {@code --dataset} commands, the data they name cannot be used (a description that cannot be read
     * or does not fit its files, a file that breaks its format; the reason alone is on standard error).
     */
    public static final int EXIT_USAGE = 2;
    /**
     * Exit status: the command ran but its check found something (copies found by {@code duplicates},
     * a version not promoted by {@code models --promote}); the findings are on standard output.
     */
    public static final int EXIT_FINDINGS = 3;

    /**
     * Runs one command line and returns its exit status: {@value #EXIT_OK} ok, {@value #EXIT_FAILURE}
     * failure, {@value #EXIT_USAGE} usage or data error, {@value #EXIT_FINDINGS} a check found something.
     * {@code --help} or {@code -h} after a command prints its usage and exits {@value #EXIT_OK}.
     */
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
            return argv.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        Optional<Command> command = find(commands, argv.get(0));
        if (command.isEmpty()) {
            err.println("formlab: unknown command '" + argv.get(0) + "'");
            printCommands(commands, err);
            return 2;
        }
        if (asksForHelp(argv.subList(1, argv.size()))) {
            out.println(command.get().usage());
            return EXIT_OK;
        }
        try {
            return command.get().run(Args.parse(argv.subList(1, argv.size())), out);
        } catch (UsageException e) {
            err.println("formlab " + command.get().name() + ": " + e.getMessage());
            err.println(command.get().usage());
            return EXIT_USAGE;
        } catch (InputException e) {
            err.println("formlab " + command.get().name() + ": " + e.getMessage());
            return EXIT_USAGE;
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

    /** True when {@code --help} or {@code -h} comes before any {@code --} that ends the options. */
    private static boolean asksForHelp(List<String> arguments) {
        for (String token : arguments) {
            if (token.equals("--")) {
                return false;
            }
            if (token.equals("--help") || token.equals("-h")) {
                return true;
            }
        }
        return false;
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
        out.println();
        out.println("Every command answers --help and -h with its usage. Exit status: " + EXIT_OK + " ok, " + EXIT_FAILURE
                + " failure (reason on standard error), " + EXIT_USAGE + " usage error or (--dataset) unusable data, " + EXIT_FINDINGS
                + " a check found something (duplicates: copies found; models --promote: not promoted).");
    }
}
