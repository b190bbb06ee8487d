package formlab.cli;

import formlab.options.Args;
import formlab.imu.ImuDataset;
import formlab.imu.reps.RepCountEvaluation;
import formlab.imu.reps.RepCountModel;
import formlab.imu.reps.RepCountSearch;
import java.io.PrintStream;

/** {@code formlab reps}: repetition-count report, rules learned leave one participant out. */
public final class RepsCommand implements Command {

    @Override
    public String name() { return "reps"; }

    @Override
    public String summary() { return "repetition-count report per set (rules learned leave one participant out)"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab reps [--data DIR]",
                "       formlab reps --dataset D [--units all|UNIT|best] [--json]",
                ImuOptions.DATA_HELP,
                "  --dataset D      an IMU dataset description with repetition counts: each recording counted with the rule",
                "                   and unit chosen per class on the other subjects (leave-one-subject-out); exact, within",
                "                   one, mean absolute error; a landmark description with annotated repetition boundaries:",
                "                   the salient-pose counter, leave-one-subject-out (as evaluate --dataset D --task reps;",
                "                   options --context, --trees, --subjects)",
                "  Counts the repetitions of every lift set with rules learned on the other participants and compares",
                "  with the protocol (heavy 5, medium 10) and with the published baseline.");
    }

    @Override
    public int run(Args args, PrintStream out) throws java.io.IOException {
        java.util.Optional<String> described = args.option("dataset");
        if (described.isPresent()) {
            return DatasetCommands.reps(described.get(), args, out);
        }
        ImuDataset dataset = ImuOptions.dataset(args);
        args.rejectUnknown();
        out.println(dataset.origin().summary());
        RepCountEvaluation evaluation = RepCountEvaluation.leaveOneParticipantOut(dataset.recordings(), RepCountSearch.defaults());
        out.println(evaluation.perSet().print(200));
        out.println(evaluation.perExercise().print());
        out.println("learned (leave one participant out): " + evaluation.learned());
        out.println("baseline (0.4 Hz, most-variance axis): " + evaluation.baseline());
        out.println("rules learned on all sets:\n" + RepCountModel.fit(dataset.recordings(), RepCountSearch.defaults()));
        return 0;
    }
}
