package formlab.cli;

import formlab.data.ProjectPaths;
import formlab.eval.validation.DatasetValidation;
import formlab.eval.validation.Finding;
import formlab.eval.validation.Severity;
import formlab.eval.validation.ValidatedDataset;
import formlab.options.Args;
import formlab.notebook.EnvironmentCheck;
import java.io.PrintStream;

/**
 * {@code formlab check}: the environment check of notebook 0.1, as text; with {@code --data}, also
 * the data checks of notebook 4.0 on every file of every dataset.
 */
public final class EnvironmentCommand implements Command {

    @Override
    public String name() { return "check"; }

    @Override
    public String summary() { return "check the Java runtime, libraries, project folders and datasets"; }

    @Override
    public String usage() {
        return """
                usage: formlab check [--data]
                  Without --data: the runtime, libraries, project folders and that each dataset folder exists
                  (file contents are not read). With --data: also validates every file of every dataset (schema,
                  values, rates, duplicates; decoding every image takes a while) and lists each failure.
                  Exit status 1 when anything fails.""";
    }

    @Override
    public int run(Args args, PrintStream out) {
        boolean data = args.flag("data");
        args.rejectUnknown();
        var checks = EnvironmentCheck.runAll();
        for (EnvironmentCheck.Check check : checks) {
            out.printf("%-5s %-40s %s%n", check.status(), check.component(), check.detail());
        }
        boolean failed = checks.stream().anyMatch(check -> check.status() == EnvironmentCheck.Status.FAIL);
        if (!data) {
            out.println("note  dataset contents were not checked, only that the folders exist;"
                    + " `formlab check --data` validates every file");
            return failed ? 1 : 0;
        }
        for (ValidatedDataset dataset : DatasetValidation.all(ProjectPaths.locate(), false).list()) {
            if (!dataset.available()) {
                out.printf("%-5s %-40s %s%n", "WARN", "Data " + dataset.dataset(), "not checked: " + dataset.origin().size());
                continue;
            }
            Severity worst = dataset.worst();
            long fails = dataset.report().with(Severity.FAIL).size();
            long warns = dataset.report().with(Severity.WARN).size();
            out.printf("%-5s %-40s %d failed, %d warnings, %d checks%n", worst == Severity.PASS ? "OK" : worst.name(),
                    "Data " + dataset.dataset(), fails, warns, dataset.report().findings().size());
            for (Finding finding : dataset.report().with(Severity.FAIL)) {
                out.println("      " + finding.check() + ": " + finding.subject() + ": " + finding.message());
            }
            failed |= worst == Severity.FAIL;
        }
        return failed ? 1 : 0;
    }
}
