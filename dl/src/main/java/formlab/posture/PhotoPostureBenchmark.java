package formlab.posture;

import formlab.cnn.CnnImageClassifier;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.ImageDecoder;
import formlab.image.ManifestEntry;
import formlab.image.Split;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Time of one photo through the whole combination ({@link PhotoPostureClassifier}: pose
 * estimator, landmark forest, CNN, pooling), after loading and a warm-up, on the dataset's test
 * photos as decoded (decoding itself not timed, as in the CNN's own latency figure). Every photo is
 * timed twice, with the CNN and the pose estimator running concurrently
 * ({@link PhotoPostureClassifier#predict}, the figure against the budget) and one after the other
 * ({@link PhotoPostureClassifier#predictSequentially}, the baseline), in alternating order so that
 * both meet the same machine load.
 */
public final class PhotoPostureBenchmark {

    /** Budget of the median single-photo time with landmarks, in milliseconds (issue 20). */
    public static final double LATENCY_BUDGET_MS = 60;

    /** Start of the report line, as wide as the labels of the CNN benchmark's report. */
    public static final String LABEL = "latency, with landmarks ";

    /** Photos timed (cycled) after the warm-up. */
    public static final int RUNS = 100;

    /** Untimed photos first. */
    public static final int WARM_UP = 10;

    private PhotoPostureBenchmark() {
    }

    /**
     * The figures.
     *
     * @param photos                 distinct photos cycled through
     * @param medianMillis           median time of one photo, CNN and pose estimator concurrently
     * @param p95Millis              95th percentile of the same
     * @param sequentialMedianMillis median time of one photo, CNN and pose estimator one after the other
     * @param sequentialP95Millis    95th percentile of the same
     * @param landmarksShare         share of the timed answers in which a person was found (the forest took part)
     */
    public record Result(int photos, double medianMillis, double p95Millis, double sequentialMedianMillis,
                         double sequentialP95Millis, double landmarksShare) {

        /** True when the median is within {@link #LATENCY_BUDGET_MS}. */
        public boolean withinBudget() {
            return medianMillis <= LATENCY_BUDGET_MS;
        }

        /** One aligned line for the bench-cnn report. */
        public String report() {
            return String.format(Locale.ROOT, LABEL + "median %.1f ms, p95 %.1f ms (budget %.0f ms: %s; CNN concurrently with"
                            + " pose estimator, + landmark forest; one after the other in the same run: median %.1f ms, p95 %.1f ms;"
                            + " person found in %.0f %% of %d photos)", medianMillis, p95Millis, LATENCY_BUDGET_MS,
                    withinBudget() ? "OK" : "OVER", sequentialMedianMillis, sequentialP95Millis, 100 * landmarksShare, photos);
        }
    }

    /**
     * Fits the combination for {@code cnn} on {@code data} (landmark cache in its default file,
     * forest of {@code trees} trees, seed 42), then times {@link PhotoPostureClassifier#predict} on
     * up to 64 test photos with a one-thread pose estimator.
     *
     * @throws IllegalStateException when the pose models are not provisioned
     */
    public static Result run(ImageDataset data, CnnImageClassifier cnn, int trees, Consumer<String> log) {
        PoseModels models = PoseModels.locate();
        if (!models.isProvisioned(CnnLandmarkCombination.VARIANT)) {
            throw new IllegalStateException(models.describe(CnnLandmarkCombination.VARIANT));
        }
        log.accept("fitting the CNN + landmark combination (landmark cache " + PhotoLandmarks.defaultFile(data,
                CnnLandmarkCombination.landmarkModelName(CnnLandmarkCombination.VARIANT)) + ") ...");
        CnnLandmarkCombination.Result fitted = CnnLandmarkCombination.onDataset(data, data.prepare(cnn.preprocessing().size()), cnn,
                trees, 42, Progress.none());
        return time(data, cnn, fitted.combiner(), RUNS, log);
    }

    /**
     * Times {@link PhotoPostureClassifier#predict} and {@link PhotoPostureClassifier#predictSequentially}
     * with an already fitted {@code combiner} on up to 64 test photos of {@code data}: {@value #WARM_UP}
     * untimed, then {@code runs} timed, each photo both ways.
     */
    public static Result time(ImageDataset data, CnnImageClassifier cnn, PhotoPostureClassifier.Combiner combiner, int runs,
                              Consumer<String> log) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        PoseModels models = PoseModels.locate();
        ImageDecoder decoder = new ImageDecoder();
        List<BufferedImage> photos = new ArrayList<>();
        for (ManifestEntry entry : data.manifest().entries(Split.TEST)) {
            if (photos.size() == 64) {
                break;
            }
            photos.add(decoder.decode(data.scan().resolve(entry.path())).image());
        }
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("the split has no test photos to time");
        }
        log.accept("timing the combination on " + photos.size() + " test photos ...");
        try (PoseEstimator estimator = new PoseEstimator(models, CnnLandmarkCombination.VARIANT, 1);
             PhotoPostureClassifier classifier = new PhotoPostureClassifier(cnn, estimator::estimate, combiner)) {
            for (int i = 0; i < WARM_UP; i++) {
                classifier.predict(photos.get(i % photos.size()));
                classifier.predictSequentially(photos.get(i % photos.size()));
            }
            double[] concurrent = new double[runs];
            double[] sequential = new double[runs];
            boolean[] landmarksUsed = new boolean[runs];
            for (int i = 0; i < runs; i++) {
                BufferedImage photo = photos.get(i % photos.size());
                int run = i;
                Runnable timedConcurrent = () -> landmarksUsed[run] = classifier.predict(photo).landmarksUsed();
                if (i % 2 == 0) {
                    concurrent[i] = millis(timedConcurrent);
                    sequential[i] = millis(() -> classifier.predictSequentially(photo));
                } else {
                    sequential[i] = millis(() -> classifier.predictSequentially(photo));
                    concurrent[i] = millis(timedConcurrent);
                }
            }
            int withLandmarks = 0;
            for (boolean used : landmarksUsed) {
                withLandmarks += used ? 1 : 0;
            }
            return new Result(photos.size(), percentile(concurrent, 50), percentile(concurrent, 95), percentile(sequential, 50),
                    percentile(sequential, 95), (double) withLandmarks / runs);
        }
    }

    private static double millis(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
