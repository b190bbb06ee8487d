package formlab.cli;

import formlab.data.DataFileException;
import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.options.Args;
import formlab.options.InputException;
import formlab.options.UsageException;
import formlab.pose.io.DescribedPose;
import formlab.pose.io.DescribedPoses;
import formlab.posture.PoseDatasetTraining;
import formlab.registry.DataFingerprint;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code formlab train --dataset D} and {@code formlab evaluate --dataset D} for a landmark (pose)
 * dataset description: windows of landmark frames, a random forest per window, a vote per sequence
 * ({@link PoseDatasetTraining}), measured by leave-one-subject-out. Train registers the model trained
 * on every subject, its card holding the description's name, file and SHA-256 ({@link DescriptionHash}).
 */
public final class PoseDatasetCommands {

    /** The options both commands take, to append to their usage text. */
    public static final String OPTIONS_HELP = String.join("\n",
            "  pose (landmark) datasets: windows of landmark frames -> random forest -> mean window probability per sequence",
            "  --window N       frames per window (default 30)",
            "  --step N         frames between window starts (default 15)",
            "  --trees N        trees of the random forest (default 300)",
            "  --subjects A,B   only these subjects (default: all); leave-one-subject-out needs two (--task reps: three,",
            "                   as its thresholds are chosen on the training subjects)",
            "  --task exercise|reps   the sequence's class (default), or repetition counts by a salient-pose frame model",
            "                   learnt from the annotated repetition boundaries (--trees default 100 for reps)",
            "  --context none|true|predicted   reps: one frame model and thresholds for every exercise (default), or the",
            "                   sequence's class as a feature of the frame model with thresholds per exercise; evaluated,",
            "                   true gives each sequence its true class (as if classified without error), predicted the",
            "                   class of the landmark exercise classifier trained without the subject",
            "  --inner-folds K  reps: folds of training subjects the thresholds are chosen on (default 3; at most one per",
            "                   training subject; more folds train each inner model on more subjects, and take longer)",
            "  --name NAME      train: registry name (default <dataset>-class, or <dataset>-reps for --task reps)",
            "  --models DIR     train: model registry folder (default: models/ of the project)");

    private PoseDatasetCommands() {
    }

    /**
     * Measures the model by leave-one-subject-out, trains it on every subject and registers it.
     *
     * @return 0 when registered
     */
    public static int train(LoadedDescription description, Args args, PrintStream out) throws IOException {
        if (reps(args)) {
            return PoseRepCommands.train(description, args, out);
        }
        PoseDatasetTraining.Settings settings = settings(args);
        Set<String> subjects = subjects(args);
        String name = ImuOptions.modelName(args, description.description().name(), "class");
        ModelRegistry registry = ImuOptions.trainingRegistry(args);
        args.rejectUnknown();
        String hash = DescriptionHash.of(description);
        List<DescribedPose> poses = load(description, subjects, out);
        PoseDatasetTraining.Result result = PoseDatasetTraining.evaluate(poses, settings, Progress.printing(out));
        out.println(result.summary());
        Classifier model = settings.trainer().fit(result.windows());
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("description", description.description().name());
        pipeline.put("descriptionFile", description.file().toAbsolutePath().normalize().toString());
        pipeline.put("descriptionSha256", hash);
        pipeline.put("subjects", result.windows().groupNames());
        pipeline.putAll(settings.asMap());
        TrainingRecipe recipe = TrainingRecipe.of("class of a landmark sequence of " + description.description().name(),
                result.windows(), settings.trainer(), SplitSpec.leaveOneGroupOut()).withPipeline(pipeline);
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("sequence_accuracy", result.perSequence().accuracy());
        extra.put("sequence_balanced_accuracy", result.perSequence().balancedAccuracy());
        TrainingRun run = new TrainingRun(recipe, model, result.perWindow(),
                "leave-one-subject-out (per window; sequence_* metrics: mean window probability per sequence; model refit on all subjects)",
                DataFingerprint.sha256(result.windows()), result.windows().size(), result.windows().groupNames(), extra);
        Path folder = description.folder().orElseThrow();
        List<Path> files = poses.stream().map(p -> folder.resolve(p.file())).toList();
        ModelCard card = registry.register(name, run, files);
        out.println("registered " + card.id() + " in " + registry.versionFolder(name, card.version())
                + " (description sha256 " + hash + ")");
        return 0;
    }

    /**
     * Measures the model by leave-one-subject-out and prints the accuracy per sequence and per window,
     * per subject, the sequences' precision and recall per class and their confusion matrix; registers
     * nothing.
     *
     * @return 0
     */
    public static int evaluate(LoadedDescription description, Args args, PrintStream out) throws IOException {
        if (reps(args)) {
            return PoseRepCommands.evaluate(description, args, out);
        }
        PoseDatasetTraining.Settings settings = settings(args);
        Set<String> subjects = subjects(args);
        args.rejectUnknown();
        List<DescribedPose> poses = load(description, subjects, out);
        PoseDatasetTraining.Result result = PoseDatasetTraining.evaluate(poses, settings, Progress.printing(out));
        out.println(result.perSequence().perGroup().print());
        out.println(result.perSequence().perClass().print());
        out.println(result.perSequence().confusionMatrix().print());
        out.println(result.summary());
        return 0;
    }

    /** True for {@code --task reps}; a usage error for a task other than exercise or reps. */
    private static boolean reps(Args args) {
        String task = args.option("task", "exercise");
        if (!task.equals("exercise") && !task.equals("reps")) {
            throw new UsageException("--task expects exercise or reps for a pose dataset; got '" + task + "'");
        }
        return task.equals("reps");
    }

    private static PoseDatasetTraining.Settings settings(Args args) {
        PoseDatasetTraining.Settings defaults = PoseDatasetTraining.Settings.defaults();
        try {
            return new PoseDatasetTraining.Settings(args.integer("window", defaults.window()),
                    args.integer("step", defaults.step()), args.integer("trees", defaults.trees()), defaults.seed());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Set<String> subjects(Args args) {
        return args.option("subjects").map(list -> (Set<String>) new TreeSet<>(Arrays.stream(list.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList())).orElse(Set.of());
    }

    static List<DescribedPose> load(LoadedDescription description, Set<String> subjects, PrintStream out)
            throws IOException {
        return load(description, subjects, true, out);
    }

    /**
     * The sequences of {@code subjects} (all when empty); {@code labelled} requires each to have a class
     * (training, evaluation), otherwise one without class is scored with none.
     */
    static List<DescribedPose> load(LoadedDescription description, Set<String> subjects, boolean labelled, PrintStream out)
            throws IOException {
        List<DescribedPose> all = described(description, labelled);
        List<DescribedPose> poses = subjects.isEmpty() ? all
                : all.stream().filter(p -> subjects.contains(p.subject())).toList();
        Set<String> found = new TreeSet<>(poses.stream().map(DescribedPose::subject).toList());
        if (!subjects.isEmpty() && !found.containsAll(subjects)) {
            Set<String> missing = new TreeSet<>(subjects);
            missing.removeAll(found);
            throw new UsageException("--subjects: no recordings of " + missing + " in " + description.description().name()
                    + "; subjects: " + new TreeSet<>(all.stream().map(DescribedPose::subject).toList()));
        }
        long unlabelled = poses.stream().filter(p -> p.label() == null).count();
        out.println(description.description().name() + ": " + poses.size() + " sequences of " + found.size()
                + " subjects, classes " + new TreeSet<>(poses.stream().map(DescribedPose::label).filter(Objects::nonNull).toList())
                + (unlabelled == 0 ? "" : ", " + unlabelled + " without class"));
        return poses;
    }

    /**
     * The sequences {@link DescribedPoses} reads; data that does not fit the description is an
     * {@link InputException} (exit 2, no usage text).
     */
    static List<DescribedPose> described(LoadedDescription description, boolean labelled) throws IOException {
        try {
            return labelled ? DescribedPoses.load(description) : DescribedPoses.loadUnlabelled(description);
        } catch (DataFileException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
