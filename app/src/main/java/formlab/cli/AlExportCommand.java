package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.data.Settings;
import formlab.label.BarbellLabelling;
import formlab.label.DatasetVersion;
import formlab.label.ExportedRound;
import formlab.label.LabelDatasets;
import formlab.label.LabelStudioExport;
import formlab.label.LabellingRound;
import formlab.label.QueryStrategy;
import formlab.label.Uncertainty;
import formlab.label.UnlabelledPool;
import formlab.model.Classifier;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** {@code formlab al-export}: choose the next items to label and write them as Label Studio tasks. */
public final class AlExportCommand implements Command {

    @Override
    public String name() { return "al-export"; }

    @Override
    public String summary() { return "choose items to label (active learning) and export them as Label Studio tasks"; }

    @Override
    public String usage() {
        return """
                usage: formlab al-export [--batch 20] [--strategy margin|least-confidence|entropy|random] [--max-per-set 3]
                                         [--seed 1] [--out FOLDER] [--document-root FOLDER] [--labels FOLDER] [--registry FOLDER]
                  Scores the unlabelled barbell IMU windows with the production model of imu-exercise-al (random choice
                  before there is one), picks --batch of them and writes round-<n>/ with tasks.json (pre-annotated),
                  label_config.xml, images/ and round.json. Default --out: data/interim/labelling/imu-barbell/round-<n>,
                  --document-root: data/ (start Label Studio with LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT there).""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        int batch = args.integer("batch", 20);
        String strategyName = args.option("strategy", "margin");
        int maxPerSet = args.integer("max-per-set", 3);
        long seed = args.integer("seed", 1);
        Optional<String> outFolder = args.option("out");
        Optional<String> documentRoot = args.option("document-root");
        ProjectPaths paths = ProjectPaths.locate();
        LabelDatasets datasets = args.option("labels").map(f -> new LabelDatasets(Path.of(f))).orElseGet(() -> LabelDatasets.of(paths));
        ModelRegistry registry = args.option("registry").map(f -> new ModelRegistry(Path.of(f), paths.root()))
                .orElseGet(() -> ModelRegistry.of(paths));
        args.rejectUnknown();
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }

        BarbellLabelling labelling = BarbellLabelling.load(Settings.smoke());
        Optional<DatasetVersion> latest = datasets.latest(BarbellLabelling.DATASET);
        UnlabelledPool open = labelling.pool().without(latest.map(v -> v.labelById().keySet()).orElse(java.util.Set.of()));
        double[][] labelledX = labelling.pool().items().stream()
                .filter(i -> latest.map(v -> v.labelById().containsKey(i.id())).orElse(false))
                .map(formlab.label.PoolItem::features).toArray(double[][]::new);
        Optional<ModelCard> production = registry.names().contains(BarbellLabelling.MODEL)
                ? registry.production(BarbellLabelling.MODEL) : Optional.empty();
        Optional<Classifier> model = production.isEmpty() ? Optional.empty()
                : Optional.of(registry.load(BarbellLabelling.MODEL, production.get().version()));
        Uncertainty measure = strategyName.equals("random") ? Uncertainty.MARGIN : measure(strategyName);
        QueryStrategy strategy = model.isEmpty() || strategyName.equals("random") ? QueryStrategy.random()
                : QueryStrategy.uncertain(measure, maxPerSet);
        if (model.isEmpty() && !strategyName.equals("random")) {
            out.println("No production model of " + BarbellLabelling.MODEL + " yet: choosing at random this round.");
        }
        int round = latest.map(DatasetVersion::version).orElse(0) + 1;
        Path folder = outFolder.map(Path::of).orElse(paths.interim().resolve("labelling").resolve(BarbellLabelling.DATASET).resolve("round-" + round));
        Path root = documentRoot.map(Path::of).orElse(paths.root().resolve("data"));
        ExportedRound exported = LabelStudioExport.write(folder, root, BarbellLabelling.DATASET, round, labelling.classes(),
                production.map(ModelCard::id).orElse("none"), strategy.name(),
                LabellingRound.tasks(model, strategy, measure, open, labelledX, batch, seed), labelling.pictures());
        out.printf(Locale.ROOT, "%s: round %d, %d tasks chosen by %s from %d unlabelled windows (%s)%n", BarbellLabelling.DATASET, round,
                exported.items().size(), strategy.name(), open.size(), labelling.origin().summary());
        out.println("wrote " + folder.toAbsolutePath());
        out.println("import " + folder.resolve(ExportedRound.TASKS) + " into a Label Studio project using " + folder.resolve(ExportedRound.CONFIG)
                + ", label, export as JSON, then: formlab al-import --round " + folder + " --file <export.json>");
        return 0;
    }

    private static Uncertainty measure(String name) throws UsageException {
        for (Uncertainty u : Uncertainty.values()) {
            if (u.label().equals(name)) {
                return u;
            }
        }
        throw new UsageException("unknown strategy '" + name + "'; expected margin, least-confidence, entropy or random");
    }
}
