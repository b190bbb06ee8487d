package formlab.exercise;

import formlab.features.ImuFeatures;
import formlab.imu.ImuDataset;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.signal.Window;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Speed of the deployed {@link ExercisePipeline} (causal alignment, windows, derived channels) and
 * of its feature extraction on the barbell dataset (real if {@code FORMLAB_DATA_DIR} holds it,
 * else simulated). Prints the median of several timed runs after warm-up:
 * {@code java -cp "app/target/dependency/*" formlab.exercise.FeatureBenchmark}.
 */
public final class FeatureBenchmark {

    private FeatureBenchmark() {
    }

    /** Runs the benchmark; optional argument: number of timed runs (default 5). */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ImuDataset dataset = ImuDatasets.barbell();
        System.out.println(dataset.origin().summary());
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        List<Window> windows = pipeline.windows(dataset.normalSets());
        double[] prepare = new double[runs];
        double[] table = new double[runs];
        double[] single = new double[runs];
        Table result = null;
        for (int run = -2; run < runs; run++) {
            long t0 = System.nanoTime();
            List<Window> again = pipeline.windows(dataset.normalSets());
            long t1 = System.nanoTime();
            result = pipeline.featureTable(again);
            long t2 = System.nanoTime();
            double checksum = 0;
            for (Window w : windows) {
                checksum += pipeline.features(w)[0];
            }
            long t3 = System.nanoTime();
            if (run >= 0) {
                prepare[run] = (t1 - t0) / 1e9;
                table[run] = (t2 - t1) / 1e9;
                single[run] = (t3 - t2) / 1e9;
            }
            if (Double.isNaN(checksum)) {
                System.out.println("NaN feature");
            }
        }
        int n = windows.size();
        System.out.printf(Locale.ROOT, "%d sets -> %d windows (%.1f s every %.1f s at %.1f Hz), %d channels, %d features%n",
                dataset.normalSets().size(), n, pipeline.window().lengthSeconds(), pipeline.window().stepSeconds(), pipeline.rateHz(),
                windows.get(0).channelCount(), result.columnCount() - ImuFeatures.METADATA_COLUMNS.size());
        System.out.printf(Locale.ROOT, "align + window (causal alignment, channels):   %.3f s%n", median(prepare));
        System.out.printf(Locale.ROOT, "feature table (parallel, %d cores):           %.3f s = %.0f windows/s%n",
                Runtime.getRuntime().availableProcessors(), median(table), n / median(table));
        System.out.printf(Locale.ROOT, "single-window path (one thread):             %.1f us/window = %.0f windows/s%n",
                1e6 * median(single) / n, n / median(single));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
