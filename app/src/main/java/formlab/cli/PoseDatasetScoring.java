package formlab.cli;

import formlab.dataset.LoadedDescription;
import formlab.exercise.ExerciseData;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.pose.io.DescribedPose;
import formlab.posture.DescribedPoseScoring;
import formlab.posture.PoseRepCountEvaluation;
import formlab.posture.PoseRepCountTraining;
import formlab.posture.SalientPoseCounter;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
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
        String classSpec = args.option("model", dataset + "-class");
        Optional<String> repsSpec = args.option("reps-model");
        var subjects = PoseDatasetCommands.subjects(args);
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        DescribedPoseScoring.ClassModel model;
        try {
            model = DescribedPoseScoring.ClassModel.load(registry, classSpec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
        boolean counting = repsSpec.filter("none"::equals).isEmpty();
        Optional<ModelCard> counterCard = Optional.empty();
        Optional<SalientPoseCounter> counter = Optional.empty();
        if (counting) {
            try {
                counterCard = counterCard(registry, repsSpec.orElse(dataset + "-reps"), repsSpec.isPresent());
                counter = Optional.of(counterCard.isEmpty() ? SalientPoseCounter.periodic()
                        : PoseRepCountTraining.load(registry, counterCard.get().name(), counterCard.get().version()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--reps-model: " + e.getMessage());
            }
        }
        List<DescribedPose> poses = PoseDatasetCommands.load(description, subjects, out);
        model.descriptionWarning(description).ifPresent(out::println);
        List<DescribedPoseScoring.Scored> scored = DescribedPoseScoring.score(model, counter, poses);
        Table table = DescribedPoseScoring.table(scored);
        if (file != null) {
            ExerciseData.write(table, file);
        }
        out.printf("%s with model %s, %s: %d sequences%s%n", dataset, model.card().id(), counter.isEmpty()
                ? "no repetition counter" : counterCard.map(c -> "repetition counter " + c.id())
                .orElse("the periodic repetition counter (no trained counter registered)"), scored.size(),
                file == null ? "" : " -> " + file);
        out.println(table.print(table.rowCount()));
        out.print(summary(scored, counter));
        return Main.EXIT_OK;
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
