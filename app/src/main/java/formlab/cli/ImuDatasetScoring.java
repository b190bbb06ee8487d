package formlab.cli;

import formlab.data.DataFileException;
import formlab.dataset.LoadedDescription;
import formlab.exercise.DescribedImuModel;
import formlab.exercise.DescribedImuRepetitions;
import formlab.exercise.DescribedImuScoring;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseModel;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.options.Args;
import formlab.options.InputException;
import formlab.options.UsageException;
import formlab.registry.ModelRegistry;
import formlab.stream.LiveExerciseTracker;
import formlab.stream.ReplaySource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * {@code score --dataset D} and {@code replay --dataset D} for IMU descriptions: a model registered by
 * {@code train --dataset D} ({@link DescribedImuModel}) scores every recording the description finds,
 * or one recording is streamed through the live tracker. Every input problem (description, data files,
 * model, recording id) is a usage error found before anything is written.
 */
final class ImuDatasetScoring {

    private ImuDatasetScoring() {
    }

    /** {@code formlab score --dataset D [--model NAME] [--out FILE] [--sets FILE]}. */
    static int score(LoadedDescription description, Args args, PrintStream out) throws IOException {
        Path windowsFile = args.option("out").map(Path::of).orElse(null);
        Path setsFile = args.option("sets").map(Path::of).orElse(null);
        String spec = args.option("model", defaultModel(description));
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        DescribedImuModel model = model(registry, spec);
        List<DescribedImuRecording> recordings = recordings(description, model);
        model.descriptionWarning(description).ifPresent(out::println);
        List<DescribedImuScoring.Scored> scored;
        try {
            scored = DescribedImuScoring.score(model, recordings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Table windows = DescribedImuScoring.windowTable(scored);
        Table sets = DescribedImuScoring.recordingTable(scored);
        if (windowsFile != null) {
            ExerciseData.write(windows, windowsFile);
        }
        if (setsFile != null) {
            ExerciseData.write(sets, setsFile);
        }
        out.printf("%s with model %s (units %s): %d recordings, %d windows%s%n", description.description().name(),
                model.card().id(), String.join("+", model.units()), sets.rowCount(), windows.rowCount(),
                windowsFile == null && setsFile == null ? "" : " -> " + (windowsFile == null ? "" : windowsFile)
                        + (windowsFile != null && setsFile != null ? " and " : "") + (setsFile == null ? "" : setsFile));
        out.println(sets.print(sets.rowCount()));
        out.print(summary(scored, model));
        return Main.EXIT_OK;
    }

    /** Recordings whose class is known and right; repetition counts where the description gives one. */
    private static String summary(List<DescribedImuScoring.Scored> scored, DescribedImuModel model) {
        long right = scored.stream().filter(s -> s.label().equals(s.recording().label())).count();
        long windows = scored.stream().mapToLong(s -> s.windows().size()).sum();
        long rest = scored.stream().mapToLong(DescribedImuScoring.Scored::restWindows).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "recording label = description's class: %d of %d; rest windows: %d of %d (rest classes: %s)%n", right,
                scored.size(), rest, windows, model.restClasses().isEmpty() ? "none declared" : String.join(", ",
                        model.restClasses())));
        DescribedImuRepetitions counted = DescribedImuScoring.counts(scored, model);
        if (model.repRules().isEmpty()) {
            text.append("repetitions: not counted (the training recordings had no repetition counts)\n");
        } else if (!counted.rows().isEmpty()) {
            text.append(String.format(Locale.ROOT, "repetitions of %d recordings with a known count: exact %.3f, within one"
                    + " %.3f, MAE %.3f (rules chosen on these recordings at training: not a held-out measure; formlab reps"
                    + " --dataset D gives the leave-one-subject-out one)%n", counted.rows().size(), counted.exact(),
                    counted.withinOne(), counted.meanAbsoluteError()));
        }
        return text.toString();
    }

    /** {@code formlab replay --dataset D --recording ID [--speed X] [--model NAME]}. */
    static int replay(LoadedDescription description, Args args, PrintStream out) throws IOException {
        String id = args.required("recording");
        double speed = args.number("speed", 0);
        if (speed < 0 || Double.isNaN(speed)) {
            throw new UsageException("--speed expects 0 (as fast as possible) or a positive factor; got " + speed);
        }
        String spec = args.option("model", defaultModel(description));
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        DescribedImuModel model = model(registry, spec);
        ExerciseModel live;
        try {
            live = model.live();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<DescribedImuRecording> recordings = recordings(description, model);
        DescribedImuRecording recording = recordings.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsageException("--recording " + id + ": no such recording in " + description.file()
                        + "; expected one of its " + recordings.size() + " ids, e.g. " + String.join(", ",
                                recordings.stream().limit(5).map(DescribedImuRecording::id).toList())
                        + " (formlab score --dataset D lists them all)"));
        model.descriptionWarning(description).ifPresent(out::println);
        List<ReplaySource.UnitSeries> units = model.units().stream().map(unit -> {
            DescribedImuRecording.Sensors sensors = recording.sensors(unit);
            return new ReplaySource.UnitSeries(unit, sensors.accelerometer(), sensors.gyroscope());
        }).toList();
        ReplaySource.UnitSeries first = units.getFirst();
        out.println("replaying " + recording.id() + " (" + (units.size() == 1 ? "unit " : "units ") + String.join("+", model.units())
                + ") with " + model.card().id() + " at " + (speed == 0 ? "full speed" : speed + "x"));
        out.println(ReplayCommand.HEADER);
        LiveExerciseTracker tracker = new LiveExerciseTracker(live, units.stream().map(u -> new LiveExerciseTracker.SensorRates(
                u.accelerometer().nominalRateHz(), u.gyroscope().nominalRateHz())).toList());
        double origin = Math.max(first.accelerometer().startMillis(), first.gyroscope().startMillis());
        int[] rest = {0};
        int windows;
        try {
            windows = ReplaySource.ofUnits(units, speed).play(tracker, u -> {
                ReplayCommand.print(out, u, origin);
                if (u.gate().rest()) {
                    rest[0]++;
                }
            });
        } catch (IllegalStateException e) {
            throw new UsageException(description.file() + ": recording " + recording.id() + ": " + e.getMessage());
        }
        var verdict = tracker.verdict();
        String unitProblems = unitProblems(tracker);
        out.printf(Locale.ROOT, "final: %s, %d reps (description: %s, %s reps); %d windows, %d rest; %d samples dropped,"
                        + " %d restarts%s%n", verdict.map(LiveExerciseTracker.Verdict::label).orElse("-"),
                verdict.map(LiveExerciseTracker.Verdict::reps).orElse(0), recording.label(),
                recording.count() == null ? "unknown" : recording.count().toString(), windows, rest[0], tracker.droppedSamples(),
                tracker.restarts(), unitProblems);
        if (!unitProblems.isEmpty()) {
            out.println("warning: not every window had all of the model's units (" + unitProblems.substring(2)
                    + "); the verdict leaves those windows out");
        }
        return Main.EXIT_OK;
    }

    /** What went wrong between the units of a replay, in words; empty when every unit's windows were matched. */
    private static String unitProblems(LiveExerciseTracker tracker) {
        StringBuilder text = new StringBuilder();
        if (tracker.unmatchedWindows() > 0) {
            text.append("; ").append(tracker.unmatchedWindows()).append(" windows dropped without every unit's");
        }
        if (!tracker.waitingWindows().isEmpty()) {
            text.append("; windows without every unit's at the end: ").append(tracker.waitingWindows());
        }
        if (!tracker.stalledUnits().isEmpty()) {
            text.append("; stalled units: ").append(String.join(", ", tracker.stalledUnits()));
        }
        return text.toString();
    }

    private static String defaultModel(LoadedDescription description) {
        return ModelRegistry.nameFrom(description.description().name(), "exercise");
    }

    private static DescribedImuModel model(ModelRegistry registry, String spec) throws IOException {
        try {
            return DescribedImuModel.load(registry, spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
    }

    /** The description's recordings, checked against the model's units and rate. */
    private static List<DescribedImuRecording> recordings(LoadedDescription description, DescribedImuModel model) {
        try {
            List<DescribedImuRecording> recordings = DescribedImuReader.read(description);
            model.check(description, recordings);
            return recordings;
        } catch (DataFileException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
