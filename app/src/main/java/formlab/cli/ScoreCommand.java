package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExerciseScoring;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** {@code formlab score}: batch scoring of a folder of recordings to CSV. */
public final class ScoreCommand implements Command {

    @Override
    public String name() { return "score"; }

    @Override
    public String summary() { return "score a folder of IMU recordings in batch: label, confidence and reps per window/set (CSV)"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab score --data DIR --out WINDOWS.csv [--sets SETS.csv] [--model NAME[:VERSION]] [--models DIR]",
                "       formlab score --dataset D [--model NAME[:VERSION]] [--out WINDOWS.csv] [--sets RECORDINGS.csv] [--models DIR]",
                                "  --data DIR       folder of MetaWear CSV exports (every set in it is scored)",
                                "  --out FILE       one row per window: file, set_id, window, window_start_s, label, confidence, raw_label,",
                                "                   raw_confidence, rest, gate_reason, set_label, set_reps",
                                "  --sets FILE      one row per set: file, set_id, windows, rest_windows, label, confidence, reps, ...",
                                "  --model          registered model (default imu-exercise, newest version)",
                                "  --dataset D      every recording of an IMU dataset description, scored with a model of",
                                "                   formlab train --dataset D (default <dataset>-exercise): per window label and",
                                "                   confidence, per recording label and repetitions (--sets: one row per recording);",
                                "                   of a landmark description, per sequence label, confidence and repetitions",
                PoseDatasetScoring.OPTIONS_HELP,
                ImuOptions.MODELS_HELP);
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        java.util.Optional<String> described = args.option("dataset");
        if (described.isPresent()) {
            return DatasetCommands.score(described.get(), args, out);
        }
        if (args.option("data").isEmpty()) {
            throw new UsageException("missing option --data");
        }
        Path windowsFile = Path.of(args.required("out"));
        Path setsFile = args.option("sets").map(Path::of).orElse(null);
        ImuDataset dataset = ImuOptions.dataset(args);
        ExerciseModel model = ImuOptions.model(args, ImuOptions.registry(args));
        args.rejectUnknown();
        ImuOptions.warnAboutCopies(dataset, out);
        List<ExerciseScoring.SetScore> scores = new ArrayList<>();
        for (ImuRecording recording : dataset.recordings()) {
            scores.add(ExerciseScoring.score(model, recording));
        }
        Table windows = ExerciseScoring.windowTable(scores);
        Table sets = ExerciseScoring.setTable(scores);
        ExerciseData.write(windows, windowsFile);
        if (setsFile != null) {
            ExerciseData.write(sets, setsFile);
        }
        out.printf("%d sets, %d windows -> %s%s%n", sets.rowCount(), windows.rowCount(), windowsFile,
                setsFile == null ? "" : " and " + setsFile);
        out.println(sets.print());
        return 0;
    }
}
