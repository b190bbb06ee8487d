package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.registry.ModelRegistry;
import formlab.registry.PromotionPolicy;
import formlab.registry.PromotionReport;
import java.io.PrintStream;
import java.nio.file.Files;

/** {@code formlab models}: list registered models and versions, show a card, promote a version. */
public final class ModelsCommand implements Command {

    /** Exit status of {@code --copy-preferred} when the model has no version. */
    static final int NO_MODEL = 3;

    @Override
    public String name() { return "models"; }

    @Override
    public String summary() { return "list registered models, show a model card, promote a version"; }

    @Override
    public String usage() {
        return """
                usage: formlab models [NAME] [--card VERSION] [--promote VERSION [--min-group-accuracy 0.8]
                                      [--metric balanced_accuracy]] [--copy-preferred FOLDER] [--registry FOLDER]
                  Without NAME: the model names. With NAME: its versions and stages.
                  --card prints the JSON card; --promote checks the gates and promotes when all pass
                  (exit status 3 when not promoted, 1 when the version does not load); --copy-preferred empties FOLDER
                  and copies the preferred version (production, else newest) into it, card and hash-checked parameters
                  (exit status 3 when NAME has no version). The registry is the project's models/ unless --registry.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        var folder = args.option("registry");
        int card = args.integer("card", 0);
        int promote = args.integer("promote", 0);
        double minGroup = args.number("min-group-accuracy", 0.8);
        String metric = args.option("metric", "balanced_accuracy");
        var copyTo = args.option("copy-preferred");
        args.rejectUnknown();
        ModelRegistry registry = folder.map(f -> new ModelRegistry(java.nio.file.Path.of(f), null))
                .orElseGet(() -> ModelRegistry.of(ProjectPaths.locate()));
        if (args.positionals().isEmpty()) {
            out.println(registry.names().isEmpty() ? "no models under " + registry.root() : String.join("\n", registry.names()));
            return 0;
        }
        String name = args.positionals().getFirst();
        if (copyTo.isPresent()) {
            var preferred = registry.preferred(name);
            if (preferred.isEmpty()) {
                out.println("no model '" + name + "' under " + registry.root());
                return NO_MODEL;
            }
            int version = preferred.get().version();
            registry.copyVersion(name, version, java.nio.file.Path.of(copyTo.get()));
            out.println("copied " + preferred.get().id() + " (" + preferred.get().stage().toString().toLowerCase(java.util.Locale.ROOT)
                    + ") from " + registry.versionFolder(name, version) + " to " + copyTo.get());
            return 0;
        }
        if (registry.versions(name).isEmpty()) {
            throw new UsageException("no model '" + name + "' under " + registry.root());
        }
        if (card > 0) {
            registry.card(name, card); // refuses a missing, malformed or misplaced card
            out.println(Files.readString(registry.versionFolder(name, card).resolve(ModelRegistry.CARD_FILE)));
            return 0;
        }
        if (promote > 0) {
            PromotionReport report = registry.promote(name, promote, PromotionPolicy.standard(minGroup, metric));
            out.print(report);
            return report.promoted() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
        }
        out.println(registry.table(name, "accuracy", "balanced_accuracy", "min_group_accuracy", "ece").print());
        return 0;
    }
}
