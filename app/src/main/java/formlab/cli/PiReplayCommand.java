package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.deploy.LiveClassifier;
import formlab.deploy.TrackerMain;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code formlab pi-replay FILE}: the Raspberry Pi tracker on Pi4J's mock platform with a
 * recorded set replayed, as {@code java -jar formlab-tracker.jar --mock --replay FILE} does.
 */
public final class PiReplayCommand implements Command {

    @Override
    public String name() { return "pi-replay"; }

    @Override
    public String summary() { return "run the Raspberry Pi tracker on mock GPIO with a recorded MetaWear set"; }

    @Override
    public String usage() {
        return """
                usage: formlab pi-replay FILE [--speed X|max] [--out DIR] [--config FILE] [--model FILE]
                  FILE is either file of a MetaWear accelerometer/gyroscope pair. Prints the live exercise and
                  repetitions, blinks the mock rep LED once per repetition and logs the set into DIR
                  (default: sessions). Speed 1 is real time (default max: as fast as possible).""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        if (args.positionals().size() != 1) {
            throw new UsageException("expected one recording file");
        }
        List<String> argv = new ArrayList<>(List.of("--mock", "--replay", args.positionals().getFirst(),
                "--speed", args.option("speed", "max")));
        for (String option : List.of("out", "config", "model")) {
            args.option(option).ifPresent(value -> argv.addAll(List.of("--" + option, value)));
        }
        args.rejectUnknown();
        return TrackerMain.run(argv, out, System.err, LiveClassifier::create);
    }
}
