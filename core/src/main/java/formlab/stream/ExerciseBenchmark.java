package formlab.stream;

import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseScoring;
import formlab.exercise.ExerciseTraining;
import formlab.exercise.FeatureSet;
import formlab.exercise.RestGate;
import formlab.eval.Progress;
import formlab.features.FeatureSettings;
import formlab.features.ImuFeatures;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.TimeOrderedSamples;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import formlab.model.LabelledData;
import formlab.model.SmileGradientBoostingTrainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speed of the exercise pipeline on a dataset, each number next to a baseline measured in the same
 * run: feature extraction (single-window path with orientation and motion features, and without motion, vs the plain default
 * features; table path on all cores), streaming latency per window (p50 and p99 of the tracker's
 * own time per window, against the batch scorer's mean cost per window), and gradient-boosting
 * training time on the orientation-robust features vs all features. Timings are medians of
 * {@code runs} repetitions after one warm-up.
 */
public final class ExerciseBenchmark {

    private ExerciseBenchmark() {
    }

    /** Runs every measurement on {@code dataset} and prints them; {@code model} may be null (a quick one is trained). */
    public static void run(ImuDataset dataset, ExerciseModel model, int runs, PrintStream out) {
        out.println(dataset.origin().summary());
        out.printf(Locale.ROOT, "%d cores, Java %s, %d timed runs after a warm-up%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), runs);
        if (model == null) {
            var space = new ExerciseEvaluation.SearchSpace(List.of(new WindowSettings(5, 1)), List.of(FeatureSet.ROBUST),
                    List.of(Map.of("trees", 120)), 42, 5, RestGate.DEFAULT_QUANTILE, ExerciseEvaluation.Refinement.pressing());
            ExerciseData data = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), null, Progress.none());
            model = ExerciseTraining.train(data, space, Progress.none()).model();
            out.println("model: trained here (5 s windows, robust features, 120 trees; "
                    + ExerciseEvaluation.Refinement.pressing().describe() + ")");
        }
        ExercisePipeline pipeline = model.pipeline();
        out.println("pipeline: " + pipeline.describe());
        features(dataset, pipeline, runs, out);
        streaming(dataset, model, out);
        training(dataset, pipeline, runs, out);
    }

    private static void features(ImuDataset dataset, ExercisePipeline pipeline, int runs, PrintStream out) {
        List<Window> windows = pipeline.windows(dataset.normalSets());
        FeatureSettings plain = FeatureSettings.defaults();
        double baseline = median(runs, () -> {
            for (Window w : windows) {
                ImuFeatures.extract(w, plain);
            }
        });
        ExercisePipeline withoutMotion = new ExercisePipeline(pipeline.signal(), pipeline.window(),
                pipeline.features().withMotion(false), pipeline.maxGapSeconds());
        double noMotion = median(runs, () -> {
            for (Window w : windows) {
                withoutMotion.features(w);
            }
        });
        double single = median(runs, () -> {
            for (Window w : windows) {
                pipeline.features(w);
            }
        });
        double table = median(runs, () -> pipeline.featureTable(windows));
        double prepare = median(runs, () -> pipeline.windows(dataset.normalSets()));
        int n = windows.size();
        out.printf(Locale.ROOT, "%nFeature extraction, %d windows x %d channels:%n", n, windows.getFirst().channelCount());
        out.printf(Locale.ROOT, "  baseline: default features (%d), one thread   %8.0f windows/s%n",
                ImuFeatures.featureNames(windows.getFirst().names(), plain).size(), n / baseline);
        out.printf(Locale.ROOT, "  pipeline features without motion (%d)          %8.0f windows/s  (%.2f x baseline)%n",
                withoutMotion.featureNames().size(), n / noMotion, baseline / noMotion);
        out.printf(Locale.ROOT, "  pipeline features (%d, orientation%s)  %8.0f windows/s  (%.2f x baseline)%n",
                pipeline.featureNames().size(), pipeline.features().motion() ? " + motion" : " incl.", n / single, baseline / single);
        out.printf(Locale.ROOT, "  table path, parallel on %d cores               %8.0f windows/s  (%.2f x baseline)%n",
                Runtime.getRuntime().availableProcessors(), n / table, baseline / table);
        out.printf(Locale.ROOT, "  alignment + windows + channels (all sets)      %8.0f windows/s%n", n / prepare);
    }

    private static void streaming(ImuDataset dataset, ExerciseModel model, PrintStream out) {
        List<ImuRecording> sets = dataset.liftSets();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        List<Long> wallNanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        long[] samples = {0};
        int[] windows = {0};
        for (int pass = 0; pass < 3; pass++) {
            wallNanos.clear();
            cpuNanos.clear();
            samples[0] = 0;
            windows[0] = 0;
            long start = System.nanoTime();
            for (ImuRecording set : sets) {
                LiveExerciseTracker tracker = new LiveExerciseTracker(model);
                TimeOrderedSamples.forEach(set, (sensor, t, x, y, z) -> {
                    long cpu = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                    long wall = System.nanoTime();
                    List<formlab.exercise.WindowUpdate> updates = tracker.add(sensor, t, x, y, z);
                    windows[0] += updates.size();
                    if (!updates.isEmpty()) {
                        wallNanos.add(System.nanoTime() - wall);
                        cpuNanos.add(cpuClock ? threads.getCurrentThreadCpuTime() - cpu : 0);
                    }
                    samples[0]++;
                });
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            if (pass == 2) {
                long[] wall = wallNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                long[] cpu = cpuNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                double batch = median(3, () -> sets.forEach(s -> ExerciseScoring.score(model, s)));
                double batchPerWindow = batch / windows[0] * 1e3;
                out.printf(Locale.ROOT, "%nStreaming (%d sets replayed as fast as possible, %d windows, %d samples;"
                        + " latency = time of the add() call that completes a window, all its work included):%n",
                        sets.size(), windows[0], samples[0]);
                out.printf(Locale.ROOT, "  latency per window, wall clock: p50 %.3f ms, p99 %.3f ms, max %.3f ms (limit 5 ms)%n",
                        percentile(wall, 50) / 1e6, percentile(wall, 99) / 1e6, wall[wall.length - 1] / 1e6);
                if (cpuClock) {
                    out.printf(Locale.ROOT, "  latency per window, thread CPU:  p50 %.3f ms, p99 %.3f ms, max %.3f ms"
                            + " (what the work costs when the thread is not descheduled)%n",
                            percentile(cpu, 50) / 1e6, percentile(cpu, 99) / 1e6, cpu[cpu.length - 1] / 1e6);
                }
                out.printf(Locale.ROOT, "  baseline: batch scoring, mean per window %.3f ms -> stream p50 = %.2f x batch%n",
                        batchPerWindow, percentile(wall, 50) / 1e6 / batchPerWindow);
                out.printf(Locale.ROOT, "  whole replay: %.0f samples/s (%.0f x real time)%n", samples[0] / wallSeconds,
                        sets.stream().mapToDouble(ImuRecording::overlapSeconds).sum() / wallSeconds);
                out.printf(Locale.ROOT, "  machine load average while measuring: %.1f%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static void training(ImuDataset dataset, ExercisePipeline pipeline, int runs, PrintStream out) {
        ExerciseData data = ExerciseData.build(dataset, pipeline, List.of(pipeline.window()), null, Progress.none());
        var lifts = data.lifts(pipeline.window());
        LabelledData robust = ExerciseEvaluation.labelled(lifts, FeatureSet.ROBUST.select(pipeline.featureNames()));
        LabelledData all = ExerciseEvaluation.labelled(lifts, FeatureSet.ALL.select(pipeline.featureNames()));
        SmileGradientBoostingTrainer trainer = new SmileGradientBoostingTrainer(120, 6, 6, 3, 0.1, 0.8, 42);
        double robustSeconds = median(runs, () -> trainer.fit(robust));
        double allSeconds = median(runs, () -> trainer.fit(all));
        out.printf(Locale.ROOT, "%nGradient boosting (Smile, 120 trees, 6 leaves) on %d lift windows:%n", lifts.rowCount());
        out.printf(Locale.ROOT, "  baseline: all %d features      %.2f s%n", all.features().size(), allSeconds);
        out.printf(Locale.ROOT, "  robust %d features             %.2f s  (%.2f x baseline)%n", robust.features().size(),
                robustSeconds, robustSeconds / allSeconds);
    }

    /** Median seconds of {@code runs} timed runs of {@code work} after one warm-up run. */
    static double median(int runs, Runnable work) {
        work.run();
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
