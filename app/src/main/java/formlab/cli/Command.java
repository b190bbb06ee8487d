package formlab.cli;

import formlab.options.Args;
import java.io.PrintStream;

/**
 * One {@code formlab <command>} of the command line. Implementations are listed in
 * {@code META-INF/services/formlab.cli.Command} and found with {@link java.util.ServiceLoader}.
 * A command is thin: it parses its arguments and calls the library.
 */
public interface Command {

    /** The word that selects the command, e.g. {@code train}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Usage text shown by {@code formlab help <command>} and on bad arguments. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit status (0 = success)
     * @throws UsageException when the arguments are wrong (the usage is printed)
     * @throws Exception      any other failure; its message is printed without a stack trace
     */
    int run(Args args, PrintStream out) throws Exception;
}
