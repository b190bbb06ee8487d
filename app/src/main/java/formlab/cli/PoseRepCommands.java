package formlab.cli;

import formlab.dataset.LoadedDescription;
import formlab.eval.Progress;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.pose.io.DescribedPose;
import formlab.posture.PoseRepCountEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code formlab evaluate --dataset D --task reps} for a landmark description with annotated repetition
 * boundaries: repetition counts of the salient-pose counter ({@link PoseRepCountEvaluation}), each
 * subject counted by a frame model and thresholds learnt without it.
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
        out.printf(Locale.ROOT, "exercise context: %s; %.1f s%n", settings.exerciseContext()
                ? "the true class (as if the exercise were classified without error)" : "none",
                (System.nanoTime() - start) / 1e9);
        return Main.EXIT_OK;
    }

    /** {@code train --task reps}: not offered; the counter is measured by evaluate. */
    static int train(LoadedDescription description, Args args, PrintStream out) {
        throw new UsageException("train --task reps is not offered for pose datasets yet; measure the repetition counter with"
                + " formlab evaluate --dataset " + description.description().name() + " --task reps");
    }

    static PoseRepCountEvaluation.Settings settings(Args args) {
        PoseRepCountEvaluation.Settings defaults = PoseRepCountEvaluation.Settings.defaults();
        String context = args.option("context", "none");
        if (!context.equals("true") && !context.equals("none")) {
            throw new UsageException("--context expects none or true; got '" + context + "'");
        }
        try {
            return new PoseRepCountEvaluation.Settings(defaults.labelling(), context.equals("true"),
                    args.integer("trees", defaults.trees()), defaults.innerFolds(), defaults.seed());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trees: " + e.getMessage());
        }
    }
}
