package formlab.cnn;

import formlab.image.PreparedImage;
import formlab.image.PreparedImages;
import formlab.image.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Measures a CNN on this machine's CPU: training images per second, inference images per second
 * at batch 1 and batch 32, single-image latency after loading a saved model, and peak heap and
 * resident memory. A short training on the given images provides the training figure and the
 * model for the inference figures (saved and loaded again, so load time and latency are those of
 * a deployed model).
 */
public final class CnnBenchmark {

    /** The latency budget for one image after loading, in milliseconds. */
    public static final double LATENCY_BUDGET_MS = 50;

    private CnnBenchmark() {
    }

    /**
     * The measurements.
     *
     * @param inputSize              network input side in pixels
     * @param parameters             trainable parameters of the timed model (all its networks)
     * @param networks               networks in the timed model (more than one for an ensemble)
     * @param trainImages            images per training epoch
     * @param trainThreads           intra-op threads of training ({@link TorchRuntime#trainingThreads()})
     * @param trainImagesPerSecond   training throughput (forward, backward, update, augmentation) on those threads
     * @param allCores               threads of the baseline: every core of this machine
     * @param allCoresImagesPerSecond training throughput of the same config on every core, measured in the
     *                               same run as the baseline (NaN when that training diverged)
     * @param loadMillis             time to load the saved model (card check, parameters, network)
     * @param latencyMedianMillis    median single-image latency: letterbox, normalise, forward, softmax
     * @param latencyP95Millis       95th percentile of the same
     * @param fileLatencyMedianMillis median latency from a 400x300 JPEG file (decoding included)
     * @param batch1ImagesPerSecond  inference throughput one image at a time
     * @param batch32ImagesPerSecond inference throughput in batches of 32
     * @param peakHeapBytes          highest Java heap use seen while measuring
     * @param peakRssBytes           peak resident set size of the process (Linux VmHWM; -1 elsewhere)
     */
    public record Result(int inputSize, long parameters, int networks, int trainImages, int trainThreads, double trainImagesPerSecond,
                         int allCores, double allCoresImagesPerSecond, double loadMillis,
                         double latencyMedianMillis, double latencyP95Millis, double fileLatencyMedianMillis,
                         double batch1ImagesPerSecond,
                         double batch32ImagesPerSecond, long peakHeapBytes, long peakRssBytes) {

        /** True when the median single-image latency is within {@link #LATENCY_BUDGET_MS}. */
        public boolean withinLatencyBudget() {
            return latencyMedianMillis <= LATENCY_BUDGET_MS;
        }

        private String baseline() {
            if (Double.isNaN(allCoresImagesPerSecond)) {
                return "training on all " + allCores + " cores diverged (the multi-threaded CPU backward pass is not reliable)";
            }
            return String.format(Locale.ROOT, "%.1f images/s on all %d cores, not reproducible (%.2fx the reproducible speed)",
                    allCoresImagesPerSecond, allCores, allCoresImagesPerSecond / trainImagesPerSecond);
        }

        /** The figures as aligned lines. */
        public String report() {
            return String.format(Locale.ROOT, """
                    timed model             %d network(s), %d px input, %,d parameters
                    training                %.1f images/s on %d thread(s), reproducible (%d images per epoch, one network)
                    training, baseline      %s
                    load saved model        %.0f ms
                    latency, 1 image        median %.1f ms, p95 %.1f ms (budget %.0f ms: %s)
                    latency, 1 JPEG file    median %.1f ms (decoding included)
                    inference, batch 1      %.1f images/s
                    inference, batch 32     %.1f images/s
                    peak heap               %.0f MB
                    peak RSS                %s""",
                    networks, inputSize, parameters, trainImagesPerSecond, trainThreads, trainImages, baseline(), loadMillis, latencyMedianMillis, latencyP95Millis,
                    LATENCY_BUDGET_MS, withinLatencyBudget() ? "OK" : "OVER", fileLatencyMedianMillis, batch1ImagesPerSecond, batch32ImagesPerSecond,
                    peakHeapBytes / 1e6, peakRssBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", peakRssBytes / 1e6));
        }
    }

    /**
     * Trains {@code config} for its epochs on {@code data} (training throughput), then times
     * inference of the model saved in {@code savedModel} or, when that is null, of the model just
     * trained (saved and loaded again first).
     *
     * @param savedModel a saved CNN (a model file, or a legacy folder: {@link CnnModelStore#load}) to time, or null
     * @param log        receives progress lines
     */
    public static Result run(PreparedImages data, CnnConfig config, Path savedModel, Consumer<String> log) throws IOException {
        HeapWatcher heap = new HeapWatcher();
        heap.start();
        Path temp = Files.createTempDirectory("formlab-bench-cnn");
        try {
            log.accept("training " + config.maxEpochs() + " epoch(s) for the training throughput ...");
            int allCores = Runtime.getRuntime().availableProcessors();
            log.accept("baseline: the same training on all " + allCores + " cores ...");
            double allCoresSpeed = baselineSpeed(data, config, allCores);
            CnnTrainingRun run = CnnTrainer.train(data, config, TrainingProgress.silent());
            Path folder = savedModel;
            if (folder == null) {
                folder = temp.resolve("bench.flm");
                run.model().describedBy(CnnModelCard.describe("bench", List.of(run), "benchmark", "none", Map.of(), Map.of()));
                formlab.model.ModelFiles.save(run.model(), folder);
            }
            run.model().close();
            long start = System.nanoTime();
            try (CnnImageClassifier model = CnnModelStore.load(folder)) {
                double loadMillis = (System.nanoTime() - start) / 1e6;
                List<BufferedImage> images = originals(data);
                log.accept("timing " + (savedModel == null ? "the model just trained" : savedModel) + " ("
                        + model.members().size() + " network(s)) on " + images.size() + " images ...");
                double[] latencies = latencies(model, images, 10, 100);
                Path jpeg = temp.resolve("photo.jpg");
                javax.imageio.ImageIO.write(images.get(0), "jpeg", jpeg.toFile());
                double[] fileLatencies = new double[50];
                for (int i = 0; i < fileLatencies.length; i++) {
                    long t = System.nanoTime();
                    model.probabilities(jpeg);
                    fileLatencies[i] = (System.nanoTime() - t) / 1e6;
                }
                double batch1 = throughput(model, images, 1, 64);
                double batch32 = throughput(model, images, 32, 8);
                return new Result(model.preprocessing().size(), model.parameterCount(), model.members().size(), run.trainImages(),
                        TorchRuntime.trainingThreads(), run.trainImagesPerSecond(), allCores, allCoresSpeed, loadMillis, percentile(latencies, 50), percentile(latencies, 95),
                        percentile(fileLatencies, 50), batch1,
                        batch32, heap.peak(), peakRss());
            }
        } finally {
            formlab.data.AtomicFiles.deleteRecursively(temp);
            heap.stop();
        }
    }

    /** Training images per second of {@code config} on {@code threads} threads; NaN when that training diverges. */
    private static double baselineSpeed(PreparedImages data, CnnConfig config, int threads) {
        try {
            CnnTrainingRun run = CnnTrainer.train(data, config, TrainingProgress.silent(), threads);
            run.model().close();
            return run.trainImagesPerSecond();
        } catch (TrainingDivergedException e) {
            return Double.NaN;
        }
    }

    /** Test images upscaled back to a typical photo size, so letterboxing is part of the latency. */
    private static List<BufferedImage> originals(PreparedImages data) {
        List<PreparedImage> pool = data.split(Split.TEST).isEmpty() ? data.images() : data.split(Split.TEST);
        List<BufferedImage> images = new ArrayList<>();
        for (PreparedImage image : pool.subList(0, Math.min(64, pool.size()))) {
            images.add(formlab.image.Letterbox.resize(image.source(), 400, 300));
        }
        return images;
    }

    private static double[] latencies(CnnImageClassifier model, List<BufferedImage> images, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            model.probabilities(images.get(i % images.size()));
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            model.probabilities(images.get(i % images.size()));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double throughput(CnnImageClassifier model, List<BufferedImage> images, int batch, int batches) {
        List<BufferedImage> chunk = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            chunk.add(images.get(i % images.size()));
        }
        model.probabilities(chunk);
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            if (batch == 1) {
                model.probabilities(chunk.get(0));
            } else {
                model.probabilities(chunk);
            }
        }
        return (double) batch * batches / ((System.nanoTime() - start) / 1e9);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Peak resident set size from /proc/self/status (VmHWM), or -1 where that does not exist. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Samples heap use every 20 ms on a daemon thread and keeps the maximum. */
    private static final class HeapWatcher {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "formlab-heap-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        long peak() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }
    }
}
