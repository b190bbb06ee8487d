package formlab.cli;

import formlab.options.Args;
import formlab.notebook.EnvironmentCheck;
import java.io.PrintStream;

/** {@code formlab check}: the environment check of notebook 0.1, as text. */
public final class EnvironmentCommand implements Command {

    @Override
    public String name() { return "check"; }

    @Override
    public String summary() { return "check the Java runtime, libraries, project folders and datasets"; }

    @Override
    public String usage() { return "usage: formlab check"; }

    @Override
    public int run(Args args, PrintStream out) {
        args.rejectUnknown();
        var checks = EnvironmentCheck.runAll();
        for (EnvironmentCheck.Check check : checks) {
            out.printf("%-5s %-40s %s%n", check.status(), check.component(), check.detail());
        }
        return checks.stream().anyMatch(check -> check.status() == EnvironmentCheck.Status.FAIL) ? 1 : 0;
    }
}
