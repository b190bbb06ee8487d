package formlab.cli;

import formlab.options.Args;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseTraining;
import formlab.imu.ImuDataset;
import java.io.PrintStream;

/** {@code formlab evaluate}: nested leave-one-participant-out report of exercise recognition. */
public final class EvaluateCommand implements Command {

    @Override
    public String name() { return "evaluate"; }

    @Override
    public String summary() { return "nested leave-one-participant-out evaluation of exercise recognition (IMU)"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab evaluate [--data DIR] [--search default|quick]",
                "       formlab evaluate --dataset D [--task exercise|quality|reps] [--units all|UNIT|best] [--features SET] [--window S] [--step S]"
                        + " [--trees N] [--json]",
                ImuOptions.DATA_HELP,
                ImuOptions.SEARCH_HELP,
                "  Prints per participant (window, live and set accuracy, rest gate), per-class precision/recall/F1,",
                "  confusion matrices, the sets recognised wrongly and the heavy/medium generalisation split.",
                "  With --dataset: leave-one-subject-out on any dataset description, per window (or repetition) and",
                "  per recording.",
                DatasetCommands.HELP);
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        java.util.Optional<String> described = args.option("dataset");
        if (described.isPresent()) {
            return DatasetCommands.evaluate(described.get(), args, out);
        }
        ImuDataset dataset = ImuOptions.dataset(args);
        ExerciseEvaluation.SearchSpace space = ImuOptions.search(args);
        args.rejectUnknown();
        out.println(dataset.origin().summary());
        long start = System.nanoTime();
        ExerciseData data = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), ImuOptions.cache(),
                Progress.printing(out));
        ExerciseEvaluation evaluation = ExerciseEvaluation.leaveOneParticipantOut(data, space, Progress.printing(out));
        out.println(evaluation.perParticipant().print());
        Evaluation windows = evaluation.windowEvaluation();
        out.println("Per window (classifier alone), pooled over left-out participants: " + windows);
        out.println(windows.perClass().print());
        out.println(windows.confusionMatrix().print());
        Evaluation sets = evaluation.setEvaluation(false);
        out.println("Per set (mean probability over the set's windows): " + sets);
        out.println(sets.perClass().print());
        out.println(sets.confusionMatrix().print());
        out.println(evaluation.wrongSets().print());
        out.println("Rest gate (fitted on the other participants' exercise windows): " + evaluation.gateEvaluation());
        out.println(evaluation.gateEvaluation().confusionMatrix().print());
        ExerciseEvaluation.Choice choice = ExerciseEvaluation.select(data, data.participants(), space, Progress.none());
        out.println("Across loads with the configuration chosen on all participants (" + choice.describe() + "):");
        out.println(ExerciseTraining.intensitySplit(data, choice, space.smoothing()).print());
        out.println(evaluation);
        out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
