package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExercisePipeline;
import formlab.imu.ImuDataset;
import formlab.imu.signal.WindowSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;

/** {@code formlab features}: the window feature table of a folder of recordings, as CSV. */
public final class FeaturesCommand implements Command {

    @Override
    public String name() { return "features"; }

    @Override
    public String summary() { return "build the IMU window feature table (CSV) from a folder of recordings"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab features [--data DIR] [--out FILE.csv] [--window SECONDS] [--step SECONDS]",
                ImuOptions.DATA_HELP,
                "  --out FILE       where to write (default: data/processed/exercise-windows-<window>s.csv)",
                "  --window, --step window length and step in seconds (default 4 and 1)",
                "  One row per window of every normal set (lifts and rest): participant, exercise, intensity,",
                "  set_id, window_start_s, then the exercise pipeline's features (orientation included).");
    }

    @Override
    public int run(Args args, PrintStream out) {
        ImuDataset dataset = ImuOptions.dataset(args);
        double length = args.number("window", 4);
        double step = args.number("step", 1);
        Path target = args.option("out").map(Path::of).orElse(null);
        args.rejectUnknown();
        WindowSettings window = new WindowSettings(length, step);
        ExercisePipeline pipeline = ExercisePipeline.defaults().withWindow(window);
        if (target == null) {
            Path cache = ImuOptions.cache();
            if (cache == null) {
                throw new UsageException("not inside a FormLab project: give the output file with --out FILE.csv");
            }
            target = cache.resolve("exercise-windows-" + new java.math.BigDecimal(length).stripTrailingZeros().toPlainString() + "s.csv");
        }
        out.println(dataset.origin().summary());
        ImuOptions.warnAboutCopies(dataset, out);
        out.println("pipeline: " + pipeline.describe());
        ExerciseData data = ExerciseData.build(dataset, pipeline, List.of(window), null, formlab.eval.Progress.none());
        Table table = data.table(window);
        ExerciseData.write(table, target);
        out.printf("%d windows x %d columns -> %s%n", table.rowCount(), table.columnCount(), target);
        out.println(table.countBy("exercise").print());
        return 0;
    }
}
