package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.stream.ExerciseBenchmark;
import formlab.exercise.ExerciseModel;
import formlab.imu.ImuDataset;
import java.io.PrintStream;

/** {@code formlab bench-imu}: speed of IMU feature extraction, streaming and training. */
public final class BenchImuCommand implements Command {

    @Override
    public String name() { return "bench-imu"; }

    @Override
    public String summary() { return "benchmark IMU features (windows/s), streaming latency (p50/p99) and GBT training"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab bench-imu [--data DIR] [--runs N] [--model NAME[:VERSION] --models DIR]",
                ImuOptions.DATA_HELP,
                "  --runs N         timed repetitions per measurement, median reported (default 5)",
                "  --model          a registered model to stream with (default: one trained here in seconds)",
                "  Each number is printed with a baseline measured in the same run (plain default features,",
                "  batch scoring per window, gradient boosting on all features).");
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        ImuDataset dataset = ImuOptions.dataset(args);
        int runs = args.integer("runs", 5);
        if (runs < 1) {
            throw new UsageException("--runs must be at least 1");
        }
        ExerciseModel model = args.option("model").isPresent() ? ImuOptions.model(args, ImuOptions.registry(args)) : null;
        args.option("models");
        args.rejectUnknown();
        ExerciseBenchmark.run(dataset, model, runs, out);
        return 0;
    }
}
