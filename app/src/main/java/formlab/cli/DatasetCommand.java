package formlab.cli;

import formlab.dataset.DatasetCheck;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DatasetReport;
import formlab.dataset.LoadedDescription;
import formlab.options.Args;
import formlab.options.UsageException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code formlab dataset check D}: reads a dataset description, finds its recordings and prints what
 * it found; {@code formlab dataset list}: the built-in descriptions.
 */
public final class DatasetCommand implements Command {

    @Override
    public String name() { return "dataset"; }

    @Override
    public String summary() { return "check a dataset description against the files: recordings, subjects, classes, rates"; }

    @Override
    public String usage() {
        return """
                usage: formlab dataset check D
                       formlab dataset list
                  check: D is a description file (JSON, see docs/dataset-descriptions.md), a dataset folder holding
                  formlab-dataset.json, a dataset folder named like a built-in description, or the name of a
                  built-in description (its folder is looked up under FORMLAB_DATA_DIR). Prints the files taken and
                  not taken, recordings, subjects, classes, durations, actual rates (median time step), repetition
                  annotations, notes and errors.
                  list: the built-in descriptions.
                  Exit status: 0 every recording fits the description; 1 a description or data error (file, line
                  and key are named); 2 usage error (no such file, folder or built-in description).""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        args.rejectUnknown();
        List<String> words = args.positionals();
        if (words.isEmpty()) {
            throw new UsageException("expected 'check D' or 'list'");
        }
        switch (words.getFirst()) {
            case "list" -> {
                if (words.size() != 1) {
                    throw new UsageException("'list' takes no argument");
                }
                for (String name : DatasetDescriptions.builtInNames()) {
                    LoadedDescription description = DatasetDescriptions.builtIn(name);
                    out.printf("%-26s %s%n", name, description.description().title() == null ? "" : description.description().title());
                }
                return Main.EXIT_OK;
            }
            case "check" -> {
                if (words.size() != 2) {
                    throw new UsageException("'check' takes one description: a file, a dataset folder or a built-in name");
                }
                LoadedDescription description;
                try {
                    description = DatasetDescriptions.locate(words.get(1));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                DatasetReport report = DatasetCheck.run(description);
                out.print(report.text());
                return report.ok() ? Main.EXIT_OK : Main.EXIT_FAILURE;
            }
            default -> throw new UsageException("unknown sub-command '" + words.getFirst() + "': expected check or list");
        }
    }
}
