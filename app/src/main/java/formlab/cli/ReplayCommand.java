package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.exercise.ExerciseModel;
import formlab.exercise.WindowUpdate;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.stream.LiveExerciseTracker;
import formlab.stream.ReplaySource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code formlab replay}: plays a recording as a live stream, printing label and reps per window. */
public final class ReplayCommand implements Command {

    @Override
    public String name() { return "replay"; }

    @Override
    public String summary() {
        return "replay an IMU recording or a landmark sequence as a live stream: label, confidence and reps per window";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab replay (--accelerometer FILE --gyroscope FILE | --data DIR [--set TEXT])",
                "                      [--speed X] [--model NAME[:VERSION]] [--models DIR]",
                "       formlab replay --dataset D --recording ID [--speed X] [--model NAME[:VERSION]] [--models DIR]",
                "                                                                     (IMU descriptions)",
                "       formlab replay --dataset D --recording ID [--fps F] [--model NAME[:VERSION]]",
                "                      [--reps-model NAME[:VERSION]|none] [--models DIR]   (landmark descriptions)",
                "  --accelerometer, --gyroscope   the two MetaWear files of one set",
                "  --data DIR --set TEXT          the first set in DIR whose id contains TEXT (default: the first set)",
                "  --speed X        (IMU) 1 = real time, 10 = ten times faster, 0 = as fast as possible (default 0)",
                "  --model          registered model (default imu-exercise, newest version; with --dataset D: D's model)",
                "  --dataset D --recording ID     one recording of a dataset description (ID as score --dataset lists it)",
                "                   IMU: streamed through the live tracker with a model of formlab train --dataset D",
                "                   [--units ...] (default model <dataset>-exercise): one stream per sensor unit the",
                "                   model's card names, matched by time",
                "                   landmarks: played frame by frame; after each window of the sequence classifier of",
                "                   train --dataset D (default <dataset>-class) the class so far and the repetitions",
                "                   counted so far (counter <dataset>-reps when registered, else the periodic counter)",
                "  --fps F          (landmarks) play F frames a second (default 0: as fast as possible)",
                "  --reps-model     (landmarks) the repetition counter, or none",
                ImuOptions.MODELS_HELP);
    }

    /** Header of the lines {@link #print} writes. */
    static final String HEADER = "window  start_s  label   confidence  reps  (raw label, gate)";

    /** One window of a replay, as the live tracker reports it; {@code origin}: epoch milliseconds of second 0. */
    static void print(PrintStream out, WindowUpdate u, double origin) {
        out.printf(Locale.ROOT, "%6d  %7.1f  %-6s  %10.2f  %4d  (%s %.2f%s)%n",
                u.index(), (u.startMillis() - origin) / 1000.0, u.label(), u.confidence(), u.reps(), u.rawLabel(),
                u.rawConfidence(), u.gate().rest() ? ", rest: " + u.gate().reason() : "");
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        java.util.Optional<String> described = args.option("dataset");
        if (described.isPresent()) {
            return DatasetCommands.replay(described.get(), args, out);
        }
        ImuRecording recording;
        if (args.option("accelerometer").isPresent() || args.option("gyroscope").isPresent()) {
            recording = MetaWearDatasetLoader.defaults().loadPair(Path.of(args.required("accelerometer")),
                    Path.of(args.required("gyroscope")));
        } else {
            if (args.option("data").isEmpty()) {
                throw new UsageException("give --accelerometer and --gyroscope, or --data DIR");
            }
            ImuDataset dataset = ImuOptions.dataset(args);
            String text = args.option("set", "");
            List<ImuRecording> matching = dataset.recordings().stream().filter(r -> r.info().id().contains(text)).toList();
            if (matching.isEmpty()) {
                throw new UsageException("no set in " + dataset.origin().location() + " has an id containing '" + text + "'");
            }
            recording = matching.getFirst();
        }
        double speed = args.number("speed", 0);
        ExerciseModel model = ImuOptions.model(args, ImuOptions.registry(args));
        args.rejectUnknown();
        out.println("replaying " + recording + " at " + (speed == 0 ? "full speed" : speed + "x"));
        out.println(HEADER);
        LiveExerciseTracker tracker = new LiveExerciseTracker(model);
        double origin = Math.max(recording.accelerometer().startMillis(), recording.gyroscope().startMillis());
        new ReplaySource(recording, speed).play(tracker, u -> print(out, u, origin));
        out.printf(Locale.ROOT, "final: %d reps of %s (protocol: %s); %d samples dropped, %d restarts%n", tracker.repCount(),
                tracker.repExercise().isEmpty() ? "-" : tracker.repExercise(),
                recording.info().expectedReps().isPresent() ? recording.info().expectedReps().getAsInt() + " reps of "
                        + recording.info().exercise().label() : recording.info().exercise().label(),
                tracker.droppedSamples(), tracker.restarts());
        return 0;
    }
}
