package formlab.deploy;

import com.pi4j.context.Context;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.deploy.config.ConfigException;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.config.TrackerConfigReader;
import formlab.deploy.gpio.PinListener;
import formlab.deploy.sensor.SensorSource;
import formlab.deploy.session.SetRecord;
import formlab.imu.ImuDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tracker's command line, the main class of the Pi bundle:
 * <pre>
 * java -jar formlab-tracker.jar [--config FILE] [--replay FILE] [--speed X|max] [--mock]
 *                               [--out DIR] [--model DIR] [--sample-config]
 * </pre>
 * On the Pi it reads the MPU-6050 and drives the GPIO outputs until stopped (SIGTERM: outputs
 * off, running set saved). {@code --replay} plays a recorded MetaWear set instead and ends with
 * it; {@code --mock} uses Pi4J's mock platform for the GPIO, so the whole tracker runs on a
 * laptop. Exit status: 0 done, 1 failure, 2 bad arguments or configuration.
 */
public final class TrackerMain {

    /** Classpath location of the sample configuration inside the bundle. */
    public static final String SAMPLE_CONFIG = "/formlab/deploy/formlab-tracker.properties";
    /** Name of the configuration file looked for in the working directory when {@code --config} is absent. */
    public static final String DEFAULT_CONFIG = "formlab-tracker.properties";

    private static final String USAGE = """
            usage: java -jar formlab-tracker.jar [options]
              --config FILE    tracker configuration (default: ./formlab-tracker.properties if present, else defaults)
              --replay FILE    replay a recorded MetaWear set (either file of the accelerometer/gyroscope pair)
              --speed X|max    replay speed: 1 = real time (default from the configuration), max = as fast as possible
              --mock           use Pi4J's mock platform for GPIO and I2C (no hardware needed)
              --out DIR        session folder (session log and raw CSV files)
              --model DIR      exercise model version folder (e.g. models/imu-exercise/v1) instead of the bundled one
              --sample-config  print the sample configuration with every key and exit
              --self-test      replay a simulated set on the mock platform and check LED pulses, log and safe state""";

    /** Builds the live classifier for a configuration and a sample source. */
    @FunctionalInterface
    public interface SinkFactory {
        /** The sink the runtime feeds with {@code source}'s readings. */
        SampleSink create(TrackerConfig config, SensorSource source) throws IOException;
    }

    private TrackerMain() {
    }

    /** Entry point. */
    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err, LiveClassifier::create));
    }

    /** Runs the tracker with {@code argv}; returns the exit status. */
    public static int run(List<String> argv, PrintStream out, PrintStream err, SinkFactory sinks) {
        Args args = Args.parse(argv);
        try {
            if (args.flag("help")) {
                out.println(USAGE);
                return 0;
            }
            if (args.flag("sample-config")) {
                args.rejectUnknown();
                out.print(sampleConfig());
                return 0;
            }
            if (!args.positionals().isEmpty()) {
                throw new UsageException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            boolean mock = args.flag("mock");
            if (args.flag("self-test")) {
                Path folder = Files.createTempDirectory("formlab-tracker-self-test-");
                Path file = SelfTest.writeSimulatedSet(folder);
                TrackerConfig config = config(args, Map.of("sensor.source", "replay", "sensor.replay.file", file.toString(),
                        "sensor.replay.speed", "max", "session.dir", folder.resolve("sessions").toString()));
                args.rejectUnknown();
                return SelfTest.check(folder.resolve("sessions"), track(config, true, out, sinks), out);
            }
            TrackerConfig config = config(args, Map.of());
            args.rejectUnknown();
            track(config, mock, out, sinks);
            return 0;
        } catch (UsageException e) {
            err.println("formlab-tracker: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ConfigException | ImuDataException e) {
            err.println("formlab-tracker: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("formlab-tracker: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("formlab.debug")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** The configuration from {@code --config} (or the default file) with the command-line overrides and {@code fixed} on top. */
    static TrackerConfig config(Args args, Map<String, String> fixed) {
        Map<String, String> overrides = new LinkedHashMap<>();
        args.option("replay").ifPresent(file -> {
            overrides.put("sensor.source", "replay");
            overrides.put("sensor.replay.file", file);
        });
        args.option("speed").ifPresent(speed -> overrides.put("sensor.replay.speed", speed));
        args.option("out").ifPresent(dir -> overrides.put("session.dir", dir));
        args.option("model").ifPresent(model -> overrides.put("model.path", model));
        overrides.putAll(fixed);
        Path file = args.option("config").map(Path::of).orElse(null);
        if (file == null && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) {
            file = Path.of(DEFAULT_CONFIG);
        }
        return file == null ? TrackerConfigReader.read(Map.of(), overrides) : TrackerConfigReader.read(file, overrides);
    }

    /** Runs the tracker until it ends; returns the rep LED pulses seen on the output. */
    private static int track(TrackerConfig config, boolean mock, PrintStream out, SinkFactory sinks) throws Exception {
        Context pi4j = mock ? Pi4jContexts.mock() : Pi4jContexts.hardware();
        try {
            SensorSource source = Tracker.source(config, pi4j);
            TimedSink sink = new TimedSink(sinks.create(config, source));
            AtomicInteger repBlinks = new AtomicInteger();
            PinListener pins = (pin, on, at) -> {
                if (on && pin.startsWith("rep-led")) {
                    repBlinks.incrementAndGet();
                }
            };
            try (Tracker tracker = Tracker.create(config, pi4j, source, sink, pins)) {
                tracker.runtime().listen(new ConsoleListener(out));
                tracker.runtime().listen(new TrackerListener() {
                    private boolean reported;

                    @Override
                    public void statusChanged(TrackerStatus status, long atMillis) {
                        if (!reported && (status == TrackerStatus.READY || status == TrackerStatus.RECORDING)) {
                            reported = true;
                            out.printf(Locale.ROOT, "ready %d ms after JVM start (%s%s)%n",
                                    ManagementFactory.getRuntimeMXBean().getUptime(), source.describe(), mock ? ", mock GPIO" : "");
                        }
                    }
                });
                Thread hook = new Thread(() -> stopFromHook(tracker, pi4j), "formlab-tracker-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                tracker.run();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running (SIGTERM): it finishes the shutdown
                }
                List<SetRecord> sets = formlab.deploy.session.SessionLogReader.read(tracker.log().file()).records();
                out.printf(Locale.ROOT, "rep LED pulses: %d (%s)%n", repBlinks.get(), tracker.outputs().get(0).name()
                        + (mock ? " on the mock platform" : ""));
                out.println("session log: " + tracker.log().file() + " (" + sets.size() + " sets)");
                out.println("processing per window: " + sink.windows());
                out.println("processing per sample: " + sink.samples());
                out.println(heap());
            }
            return repBlinks.get();
        } finally {
            if (!pi4j.isShutdown()) {
                pi4j.shutdown();
            }
        }
    }

    /** SIGTERM: stop the loop (outputs off, set saved); if it hangs (a stuck bus read), force the outputs off. */
    private static void stopFromHook(Tracker tracker, Context pi4j) {
        tracker.stop();
        try {
            if (!tracker.loop().awaitStopped(5, TimeUnit.SECONDS)) {
                tracker.forceSafeState();
            }
        } catch (InterruptedException e) {
            tracker.forceSafeState();
            Thread.currentThread().interrupt();
        }
        if (!pi4j.isShutdown()) {
            pi4j.shutdown();
        }
    }

    /** Peak and current heap use of this JVM, for the start-up and memory figures. */
    static String heap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "heap: peak %.1f MB used (sum of pool peaks), %.1f MB used now, max %.0f MB",
                peak / 1048576.0, (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.maxMemory() / 1048576.0);
    }

    /** The sample configuration shipped in the bundle (and in {@code pi/src/main/dist}). */
    public static String sampleConfig() throws IOException {
        try (InputStream in = TrackerMain.class.getResourceAsStream(SAMPLE_CONFIG)) {
            if (in == null) {
                StringBuilder text = new StringBuilder("# FormLab tracker configuration: every key with its default\n");
                TrackerConfigReader.DEFAULTS.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
                return text.toString();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
