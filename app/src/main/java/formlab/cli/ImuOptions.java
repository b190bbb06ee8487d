package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExerciseTraining;
import formlab.imu.ImuDataset;
import formlab.imu.dataset.ImuDatasets;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Options shared by the IMU exercise commands: where the recordings, models and caches are. */
final class ImuOptions {

    static final String DATA_HELP = "  --data DIR       folder of MetaWear CSV exports (default: the barbell dataset under"
            + " FORMLAB_DATA_DIR, else the simulated one)";
    static final String MODELS_HELP = "  --models DIR     model registry folder (default: models/ of the project)";
    static final String SEARCH_HELP = "  --search default|no-refinement|before-motion|quick   nested search space: default (5 s windows,"
            + " two feature sets, 60/120 trees, bench/ohp re-decided on movement features), no-refinement (the same without"
            + " the second stage), before-motion (the earlier search: 4 and 5 s windows, no second stage) or quick (one candidate)";

    private ImuOptions() {
    }

    /** The recordings named by {@code --data}, or the default barbell dataset. */
    static ImuDataset dataset(Args args) {
        Optional<String> folder = args.option("data");
        if (folder.isEmpty()) {
            return ImuDatasets.barbell();
        }
        Path path = Path.of(folder.get());
        if (!Files.isDirectory(path)) {
            throw new UsageException("--data " + path + ": no such folder; expected a folder of MetaWear CSV exports");
        }
        return ImuDatasets.folder(path);
    }

    /** Prints a warning naming every group of recordings that are copies of each other; returns how many groups. */
    static int warnAboutCopies(ImuDataset dataset, PrintStream out) {
        List<String> copies = dataset.describeCopies();
        for (String line : copies) {
            out.println("warning: recordings are copies of each other, so the same set counts twice: " + line);
        }
        return copies.size();
    }

    /** The search space named by {@code --search}. */
    static ExerciseEvaluation.SearchSpace search(Args args) {
        String name = args.option("search", "default");
        return switch (name) {
            case "default" -> ExerciseEvaluation.SearchSpace.defaults();
            case "no-refinement" -> ExerciseEvaluation.SearchSpace.defaults().withoutRefinementStage();
            case "before-motion" -> ExerciseEvaluation.SearchSpace.withoutRefinement();
            case "quick" -> ExerciseEvaluation.SearchSpace.quick();
            default -> throw new UsageException("--search expects default, no-refinement, before-motion or quick; got '"
                    + name + "'");
        };
    }

    /** The registry named by {@code --models}, or the project's. */
    static ModelRegistry registry(Args args) {
        Optional<String> folder = args.option("models");
        ProjectPaths paths = projectPaths().orElse(null);
        if (folder.isPresent()) {
            return new ModelRegistry(Path.of(folder.get()), paths == null ? null : paths.root());
        }
        if (paths == null) {
            throw new UsageException("not inside a FormLab project: give the registry folder with --models DIR");
        }
        return ModelRegistry.of(paths);
    }

    /**
     * The registry a {@code train} command registers in, checked before anything is trained: a plain
     * file in its place or a folder that cannot be written is a usage error naming {@code --models}.
     */
    static ModelRegistry trainingRegistry(Args args) {
        ModelRegistry registry = registry(args);
        try {
            registry.requireWritable();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--models: " + e.getMessage());
        }
        return registry;
    }

    /**
     * The model name of a {@code train} command: {@code --name}, or {@code dataset-suffix} made a valid
     * name ({@link ModelRegistry#nameFrom}); checked before anything is trained.
     */
    static String modelName(Args args, String dataset, String suffix) {
        Optional<String> given = args.option("name");
        String name = given.orElse(ModelRegistry.nameFrom(dataset, suffix));
        try {
            ModelRegistry.requireName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(given.isPresent() ? "--name: " + e.getMessage()
                    : e.getMessage() + " (made from the dataset name '" + dataset + "'); give one with --name");
        }
        return name;
    }

    /** {@code --model NAME[:VERSION]} (default imu-exercise, newest version) loaded from the registry. */
    static ExerciseModel model(Args args, ModelRegistry registry) throws IOException {
        String spec = args.option("model", ExerciseTraining.MODEL_NAME);
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
            return ExerciseModel.loadPreferred(registry, spec);
        }
        try {
            return ExerciseModel.load(registry, spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new UsageException("--model expects NAME or NAME:VERSION, got '" + spec + "'");
        }
    }

    /** The cache folder for feature tables (data/processed), if inside a project. */
    static Path cache() {
        return projectPaths().map(ProjectPaths::processed).orElse(null);
    }

    static Optional<ProjectPaths> projectPaths() {
        try {
            return Optional.of(ProjectPaths.locate());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
