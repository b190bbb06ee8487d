package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.model.Classifier;
import formlab.posture.PoseScoring;
import formlab.registry.ModelRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/** {@code formlab score-pose <file...>}: the yoga pose and its confidence for each landmark CSV. */
public final class ScorePoseCommand implements Command {

    @Override
    public String name() { return "score-pose"; }

    @Override
    public String summary() { return "yoga pose and confidence of landmark CSV files (PosePilot layout) with the registered pose model"; }

    @Override
    public String usage() {
        return """
                usage: formlab score-pose [--registry DIR] <file.csv...>
                  Scores each file (PosePilot layout: header 0..131,asana, one frame per row) with the
                  registered yoga-pose model (production version, else the latest; notebook 3.2 registers
                  one) and prints file, pose, confidence (share of frames voting for it), mean probability
                  and frames. --registry  model registry folder (default: models/ of this checkout)""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        Path registryRoot = args.path("registry", null);
        List<Path> files = args.positionals().stream().map(Path::of).toList();
        args.rejectUnknown();
        if (files.isEmpty()) {
            throw new UsageException("name at least one landmark CSV file");
        }
        ProjectPaths paths = ProjectPaths.locate();
        ModelRegistry registry = registryRoot == null ? ModelRegistry.of(paths) : new ModelRegistry(registryRoot, paths.root());
        Classifier model = PoseScoring.yogaModel(registry);
        Table scores = PoseScoring.score(files, model);
        out.println(String.join(",", scores.columnNames()));
        for (int row = 0; row < scores.rowCount(); row++) {
            out.printf("%s,%s,%.3f,%.3f,%d%n", scores.stringColumn("file").get(row), scores.stringColumn("pose").get(row),
                    scores.doubleColumn("confidence").get(row), scores.doubleColumn("mean probability").get(row),
                    scores.intColumn("frames").get(row));
        }
        return 0;
    }
}
