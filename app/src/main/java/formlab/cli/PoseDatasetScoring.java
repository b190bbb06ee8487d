package formlab.cli;

import formlab.dataset.LoadedDescription;
import formlab.exercise.ExerciseData;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.pose.io.DescribedPose;
import formlab.posture.DescribedPoseScoring;
import formlab.posture.LivePoseTracker;
import formlab.posture.PoseRepCountEvaluation;
import formlab.posture.PoseRepCountTraining;
import formlab.posture.SalientPoseCounter;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.stream.ReplaySource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * {@code score --dataset D} for landmark descriptions: the sequence classifier and, when one is
 * registered, the repetition counter that {@code train --dataset D} registered, run over every
 * sequence the description finds ({@link DescribedPoseScoring}).
 */
final class PoseDatasetScoring {

    /** Options of {@code score --dataset D} for a landmark description, for the usage text. */
    static final String OPTIONS_HELP = String.join("\n",
            "  pose (landmark) datasets: --model NAME[:VERSION] (default <dataset>-class), --reps-model NAME[:VERSION]|none",
            "                   (default <dataset>-reps when registered, else the periodic counter, which needs no training),",
            "                   --out FILE (one row per sequence), --subjects A,B");

    private PoseDatasetScoring() {
    }

    /** {@code formlab score --dataset D [--model NAME] [--reps-model NAME|none] [--out FILE] [--subjects A,B]}. */
    static int score(LoadedDescription description, Args args, PrintStream out) throws IOException {
        String dataset = description.description().name();
        Path file = args.option("out").map(Path::of).orElse(null);
        String classSpec = args.option("model", ModelRegistry.nameFrom(dataset, "class"));
        Optional<String> repsSpec = args.option("reps-model");
        var subjects = PoseDatasetCommands.subjects(args);
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        Models models = models(registry, dataset, classSpec, repsSpec);
        DescribedPoseScoring.ClassModel model = models.classes();
        Optional<SalientPoseCounter> counter = models.counter();
        List<DescribedPose> poses = PoseDatasetCommands.load(description, subjects, false, out);
        model.descriptionWarning(description).ifPresent(out::println);
        List<DescribedPoseScoring.Scored> scored = DescribedPoseScoring.score(model, counter, poses);
        Table table = DescribedPoseScoring.table(scored);
        if (file != null) {
            ExerciseData.write(table, file);
        }
        out.printf("%s with model %s, %s: %d sequences%s%n", dataset, model.card().id(), models.counterName(), scored.size(),
                file == null ? "" : " -> " + file);
        out.println(table.print(table.rowCount()));
        out.print(summary(scored, counter));
        return Main.EXIT_OK;
    }

    /** {@code formlab replay --dataset D --recording ID [--model NAME] [--reps-model NAME|none] [--fps F]}. */
    static int replay(LoadedDescription description, Args args, PrintStream out) throws IOException {
        String dataset = description.description().name();
        String id = args.required("recording");
        double fps = args.number("fps", 0);
        if (fps < 0 || Double.isNaN(fps)) {
            throw new UsageException("--fps expects 0 (as fast as possible) or the frames per second to play at; got " + fps);
        }
        String classSpec = args.option("model", ModelRegistry.nameFrom(dataset, "class"));
        Optional<String> repsSpec = args.option("reps-model");
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        Models models = models(registry, dataset, classSpec, repsSpec);
        List<DescribedPose> poses = PoseDatasetCommands.described(description, false);
        DescribedPose pose = poses.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsageException("--recording " + id + ": no such sequence in " + description.file()
                        + "; expected one of its " + poses.size() + " ids, e.g. " + String.join(", ",
                                poses.stream().limit(5).map(DescribedPose::id).toList())
                        + " (formlab score --dataset D lists them all)"));
        models.classes().descriptionWarning(description).ifPresent(out::println);
        out.println("replaying " + pose + " with " + models.classes().card().id() + " and " + models.counterName() + " at "
                + (fps == 0 ? "full speed" : fps + " frames/s"));
        out.println(REPLAY_HEADER);
        LivePoseTracker tracker = new LivePoseTracker(models.classes(), models.counter());
        ReplaySource.Pacer pacer = ReplaySource.wallClock();
        for (double[][] frame : pose.frames()) {
            tracker.accept(frame).ifPresent(u -> print(out, u));
            if (fps > 0) {
                pacer.waitUntil(Math.round(tracker.frames() / fps * 1e9));
            }
        }
        Optional<LivePoseTracker.Update> last = tracker.finish();
        out.printf(Locale.ROOT, "final: %s, %s reps (description: %s, %s reps); %d frames, %d windows, %d without a person%n",
                last.map(LivePoseTracker.Update::label).orElse("- (fewer than 2 frames with a person)"),
                last.flatMap(LivePoseTracker.Update::reps).map(String::valueOf).orElse("-"),
                pose.label() == null ? "no class" : pose.label(),
                pose.repetitions().isEmpty() ? "no" : String.valueOf(pose.repetitions().size()),
                tracker.frames(), last.map(LivePoseTracker.Update::windows).orElse(0), tracker.framesWithoutPerson());
        return Main.EXIT_OK;
    }

    /** Header of the lines {@link #replay} writes per window. */
    static final String REPLAY_HEADER = " frame  windows  label            confidence  reps";

    private static void print(PrintStream out, LivePoseTracker.Update u) {
        out.printf(Locale.ROOT, "%6d  %7d  %-15s  %10.2f  %4s%n", u.frame(), u.windows(), u.label(), u.confidence(),
                u.reps().map(String::valueOf).orElse("-"));
    }

    /**
     * The models a landmark dataset is scored with.
     *
     * @param classes     the sequence classifier
     * @param counter     the repetition counter; empty with {@code --reps-model none}
     * @param counterCard the counter's card; empty for the periodic counter (none registered)
     */
    private record Models(DescribedPoseScoring.ClassModel classes, Optional<SalientPoseCounter> counter,
            Optional<ModelCard> counterCard) {

        /** The counter in words, for the header of score and replay. */
        String counterName() {
            return counter.isEmpty() ? "no repetition counter" : counterCard.map(c -> "repetition counter " + c.id())
                    .orElse("the periodic repetition counter (no trained counter registered)");
        }
    }

    /** Loads the sequence classifier and the counter; a bad name or version is a usage error naming the option. */
    private static Models models(ModelRegistry registry, String dataset, String classSpec, Optional<String> repsSpec)
            throws IOException {
        DescribedPoseScoring.ClassModel model;
        try {
            model = DescribedPoseScoring.ClassModel.load(registry, classSpec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        Optional<ModelCard> counterCard = Optional.empty();
        Optional<SalientPoseCounter> counter = Optional.empty();
        if (repsSpec.filter("none"::equals).isEmpty()) {
            try {
                counterCard = counterCard(registry, repsSpec.orElse(ModelRegistry.nameFrom(dataset, "reps")), repsSpec.isPresent());
                counter = Optional.of(counterCard.isEmpty() ? SalientPoseCounter.periodic()
                        : PoseRepCountTraining.load(registry, counterCard.get().name(), counterCard.get().version()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--reps-model: " + e.getMessage());
            }
        }
        return new Models(model, counter, counterCard);
    }

    /** The card of the counter {@code spec} names; empty when the default (not {@code asked} for) is not registered. */
    private static Optional<ModelCard> counterCard(ModelRegistry registry, String spec, boolean asked) throws IOException {
        try {
            return Optional.of(registry.find(spec, "formlab train --dataset D --task reps"));
        } catch (IllegalArgumentException notRegistered) {
            if (asked) {
                throw notRegistered;
            }
            return Optional.empty();
        }
    }

    private static String summary(List<DescribedPoseScoring.Scored> scored, Optional<SalientPoseCounter> counter) {
        StringBuilder text = new StringBuilder();
        long classified = scored.stream().filter(s -> s.label() != null).count();
        long known = scored.stream().filter(s -> s.pose().label() != null).count();
        long right = scored.stream().filter(s -> s.label() != null && s.label().equals(s.pose().label())).count();
        text.append(String.format(Locale.ROOT, "classified %d of %d sequences (the rest have fewer than 2 detected frames);"
                + " %d of %d with a class in the description get it (%.3f; an unclassified sequence counts as wrong)%n",
                classified, scored.size(), right, known, known == 0 ? Double.NaN : right / (double) known));
        if (counter.isPresent()) {
            PoseRepCountEvaluation counts = DescribedPoseScoring.counts(scored, counter.get());
            if (counts.rows().isEmpty()) {
                text.append("repetitions: no sequence has annotated repetitions to compare with\n");
            } else {
                text.append(String.format(Locale.ROOT, "repetitions of %d annotated sequences, counted for the predicted class:"
                        + " MAE %.3f (relative), within one %.3f, exact %.3f%n", counts.rows().size(),
                        counts.meanRelativeError(), counts.withinOne(), counts.exact()));
            }
        }
        return text.toString();
    }
}
