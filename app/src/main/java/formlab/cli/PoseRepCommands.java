package formlab.cli;

import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.eval.Progress;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.pose.io.DescribedPose;
import formlab.posture.PoseRepCountEvaluation;
import formlab.posture.PoseRepCountTraining;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code formlab evaluate --dataset D --task reps} for a landmark description with annotated repetition
 * boundaries: repetition counts of the salient-pose counter ({@link PoseRepCountEvaluation}), each
 * subject counted by a frame model and thresholds learnt without it; {@code formlab train --dataset D --task reps}
 * measures the same and registers the counter trained on every subject.
 */
final class PoseRepCommands {

    private PoseRepCommands() {
    }

    /** Counts every annotated sequence leave-one-subject-out and prints counts, per-exercise and overall metrics. */
    static int evaluate(LoadedDescription description, Args args, PrintStream out) throws IOException {
        PoseRepCountEvaluation.Settings settings = settings(args);
        var subjects = PoseDatasetCommands.subjects(args);
        args.rejectUnknown();
        List<DescribedPose> poses = PoseDatasetCommands.load(description, subjects, out);
        long start = System.nanoTime();
        PoseRepCountEvaluation evaluation;
        try {
            evaluation = PoseRepCountEvaluation.leaveOneSubjectOut(poses, settings, Progress.printing(out));
        } catch (IllegalArgumentException e) {
            throw new UsageException(description.file() + ": " + e.getMessage());
        }
        out.print(evaluation.text());
        out.printf(Locale.ROOT, "exercise context: %s; %.1f s%n", !settings.exerciseContext() ? "none"
                : settings.predictedClass() ? "the class predicted by the landmark exercise classifier trained without the subject"
                : "the true class (as if the exercise were classified without error)",
                (System.nanoTime() - start) / 1e9);
        return Main.EXIT_OK;
    }

    /**
     * {@code train --task reps}: measures the counter leave-one-subject-out, trains it on every subject
     * with annotated repetitions and registers it ({@link PoseRepCountTraining}) as {@code <dataset>-reps}
     * (or {@code --name}), its card holding the settings, the counter's thresholds and the description's
     * name, file and SHA-256. Nothing is registered when training fails.
     */
    static int train(LoadedDescription description, Args args, PrintStream out) throws IOException {
        PoseRepCountEvaluation.Settings settings = settings(args);
        var subjects = PoseDatasetCommands.subjects(args);
        String name = ImuOptions.modelName(args, description.description().name(), "reps");
        ModelRegistry registry = ImuOptions.trainingRegistry(args);
        args.rejectUnknown();
        String hash = DescriptionHash.of(description);
        List<DescribedPose> poses = PoseDatasetCommands.load(description, subjects, out);
        List<DescribedPose> annotated = poses.stream().filter(p -> !p.repetitions().isEmpty()).toList();
        if (annotated.isEmpty()) {
            throw new UsageException(description.file() + ": no sequence has annotated repetition boundaries; train --task reps"
                    + " learns from them: give the annotation a boundaryPrefix (columns of each repetition's start and end)");
        }
        long start = System.nanoTime();
        PoseRepCountTraining.Result result;
        try {
            result = PoseRepCountTraining.train(annotated, settings, Progress.printing(out));
        } catch (IllegalArgumentException e) {
            throw new UsageException(description.file() + ": " + e.getMessage());
        }
        out.print(result.counts().text());
        out.printf(Locale.ROOT, "frame states (boundary/middle) of held-out subjects: accuracy %.3f (%d frames)%n",
                result.frames().accuracy(), result.frames().size());
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("description", description.description().name());
        pipeline.put("descriptionFile", description.file().toAbsolutePath().normalize().toString());
        pipeline.put("descriptionSha256", hash);
        Path folder = description.folder().orElseThrow();
        List<Path> files = annotated.stream().map(p -> folder.resolve(p.file())).toList();
        ModelCard card = PoseRepCountTraining.register(registry, name, "repetitions of a landmark sequence of "
                + description.description().name() + " (salient-pose frame states)", result, settings, pipeline, files);
        out.printf(Locale.ROOT, "counter: %s%s; exercise context: %s; %.1f s%n", result.counter().thresholds(),
                result.counter().perExercise().isEmpty() ? "" : "; per exercise " + result.counter().perExercise(),
                settings.exerciseContext() ? "the sequence's class" : "none", (System.nanoTime() - start) / 1e9);
        out.println("registered " + card.id() + " in " + registry.versionFolder(name, card.version())
                + " (description sha256 " + hash + ")");
        return Main.EXIT_OK;
    }

    static PoseRepCountEvaluation.Settings settings(Args args) {
        PoseRepCountEvaluation.Settings defaults = PoseRepCountEvaluation.Settings.defaults();
        String context = args.option("context", "none");
        if (!context.equals("true") && !context.equals("none") && !context.equals("predicted")) {
            throw new UsageException("--context expects none, true or predicted; got '" + context + "'");
        }
        int innerFolds = args.integer("inner-folds", defaults.innerFolds());
        if (innerFolds < 2) {
            throw new UsageException("--inner-folds expects at least 2 folds of training subjects; got " + innerFolds);
        }
        try {
            return new PoseRepCountEvaluation.Settings(defaults.labelling(), !context.equals("none"),
                    args.integer("trees", defaults.trees()), innerFolds, defaults.seed(), context.equals("predicted"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trees: " + e.getMessage());
        }
    }
}
