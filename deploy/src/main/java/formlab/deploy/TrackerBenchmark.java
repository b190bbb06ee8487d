package formlab.deploy;

import formlab.exercise.ExerciseModel;
import formlab.imu.ImuRecording;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Speed and memory of the tracker, as a command (speed targets belong in benchmarks, not in unit
 * tests): every recording replayed through the whole runtime on the mock platform, one after the
 * other in one JVM ({@code -Dlimit=N}: only the first N), {@code -Dpasses=N} times (default 2); then the processing time per window over the
 * windows of the last pass (warm, as after a few minutes on the Pi), the first window of the first
 * set (cold: class loading and JIT), and the heap.
 * <pre>
 * java -Xmx64m -XX:+UseSerialGC -cp pi/target/dist/formlab-tracker.jar formlab.deploy.TrackerBenchmark [RECORDINGS_DIR [MODEL_DIR]]
 * </pre>
 * Without a folder it replays simulated sets; without a model folder it uses the bundled model.
 */
public final class TrackerBenchmark {

    private TrackerBenchmark() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ExerciseModel model = TrackerModel.load(args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty());
        long modelMillis = (System.nanoTime() - start) / 1_000_000;
        List<ImuRecording> sets = args.length > 0 ? MetaWearDatasetLoader.defaults().load(Path.of(args[0])) : simulated();
        sets = sets.subList(0, Math.min(sets.size(), Integer.getInteger("limit", Integer.MAX_VALUE)));
        Path sessions = Files.createTempDirectory("formlab-tracker-benchmark-");
        List<Double> warm = new ArrayList<>();
        double cold = Double.NaN;
        int windows = 0;
        int passes = Integer.getInteger("passes", 2);
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < sets.size(); i++) {
                ReplayDemo run = ReplayDemo.run(sets.get(i), LiveClassifier.of(model), sessions.resolve("p" + pass + "-set-" + i));
                double[] perWindow = run.windowMillis();
                if (pass == 0 && i == 0 && perWindow.length > 0) {
                    cold = perWindow[0];
                }
                if (pass == passes - 1) {
                    windows += perWindow.length;
                    Arrays.stream(perWindow).forEach(warm::add);
                }
            }
        }
        double[] sorted = warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d sets, %d windows; model loaded in %d ms; JVM uptime now %d ms%n", sets.size(),
                windows, modelMillis, ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.printf(Locale.ROOT, "processing per window (pass %d of %d over every set): median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                passes, passes, rank(sorted, 0.5), rank(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        System.out.printf(Locale.ROOT, "first window of the first set (cold: class loading, JIT): %.3f ms%n", cold);
        System.out.println(TrackerMain.heap());
    }

    private static List<ImuRecording> simulated() {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(3, 2, 1, 1, true, 0.05));
        return simulator.plan().stream().map(simulator::simulate).toList();
    }

    private static double rank(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
