package formlab.eval.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.model.LabelledData;
import formlab.model.SyntheticFeatures;
import formlab.display.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    private static final List<String> FEATURES = SyntheticFeatures.FEATURES;

    private static double[][] sample(int participants, long seed) {
        return SyntheticFeatures.table(participants, 4, 10, 0.1, seed).x();
    }

    /** Same rows with one feature moved by {@code shift} of its standard deviation. */
    private static double[][] shifted(double[][] rows, int feature, double shift) {
        double sd = Math.sqrt(Arrays.stream(rows).mapToDouble(r -> r[feature] * r[feature]).average().orElseThrow()
                - Math.pow(Arrays.stream(rows).mapToDouble(r -> r[feature]).average().orElseThrow(), 2));
        return Arrays.stream(rows).map(r -> {
            double[] copy = r.clone();
            copy[feature] += shift * sd;
            return copy;
        }).toArray(double[][]::new);
    }

    private static double[][] shuffled(double[][] rows, long seed) {
        List<double[]> list = new ArrayList<>(Arrays.asList(rows));
        java.util.Collections.shuffle(list, new Random(seed));
        return list.toArray(double[][]::new);
    }

    @Test
    void quietOnTheSameDistributionAndFlagsOnlyTheShiftedFeature() {
        // Reference and current come from the same generator with different seeds (new participants).
        DriftDetector detector = new DriftDetector(FEATURES, sample(30, 1), 10, DriftThresholds.defaults());
        double[][] current = sample(30, 2);
        DriftReport same = detector.compare(current);
        assertTrue(same.flagged(DriftFlag.DRIFT).isEmpty(), same.table().print());
        assertTrue(same.maxPsi() < 0.1, same.table().print());

        DriftReport moved = detector.compare(shifted(current, 6, 0.8));
        assertEquals(List.of("acc_dom_freq_hz"), moved.flagged(DriftFlag.DRIFT), moved.table().print());
        assertTrue(moved.get("acc_dom_freq_hz").psi() > 0.25);
        assertTrue(moved.get("acc_dom_freq_hz").ksPValue() < 1e-6);
        assertEquals("acc_dom_freq_hz", moved.table().stringColumn("name").get(0), "worst first");
        assertTrue(Html.of(moved.psiFigure("IMU features")).contains("acc_dom_freq_hz"));
    }

    @Test
    void predictionDistributionDriftIsFlagged() {
        LabelledData data = SyntheticFeatures.table(4, 2, 5, 0.1, 3);
        String[] reference = data.labels();
        Random random = new Random(5);
        String[] balanced = new String[400];
        String[] skewed = new String[400];
        for (int i = 0; i < 400; i++) {
            balanced[i] = reference[random.nextInt(reference.length)];
            skewed[i] = random.nextDouble() < 0.7 ? "squat" : reference[random.nextInt(reference.length)];
        }
        DriftThresholds thresholds = DriftThresholds.defaults();
        assertEquals(DriftFlag.OK, DriftDetector.categorical("predicted", reference, balanced, thresholds).flag());
        FeatureDrift drift = DriftDetector.categorical("predicted", reference, skewed, thresholds);
        assertEquals(DriftFlag.DRIFT, drift.flag());
        assertTrue(drift.current().contains("squat"), drift.current());
        DriftReport report = new DriftDetector(FEATURES, data.x(), 10, thresholds).compare(data.x()).plus(drift);
        assertEquals(DriftFlag.DRIFT, report.worst());
        assertTrue(report.table().doubleColumn("ks_d").isMissing(0), "categorical rows have no KS statistic");
    }

    @Test
    void identicalSamplesHaveZeroPsiAndKsDistance() {
        double[][] rows = sample(5, 9);
        DriftReport report = new DriftDetector(FEATURES, rows, 10, DriftThresholds.defaults()).compare(rows);
        for (FeatureDrift d : report.drifts()) {
            assertEquals(0.0, d.psi(), 1e-12);
            assertEquals(0.0, d.ksDistance(), 1e-12);
        }
    }

    @Test
    void windowedDriftNoticesWhenTheStreamChanges() {
        // One population, shuffled (a recording session comes in exercise order, which is itself a
        // shift, and a window of few participants is clustered): a reference, then 900 rows as they
        // were, then 900 rows with the x-axis orientation moved by one standard deviation.
        double[][] population = shuffled(SyntheticFeatures.table(30, 4, 10, 0.1, 1).x(), 1);
        DriftDetector detector = new DriftDetector(FEATURES, Arrays.copyOfRange(population, 0, 2000), 10, DriftThresholds.defaults());
        double[][] before = Arrays.copyOfRange(population, 2000, 2900);
        double[][] after = shifted(Arrays.copyOfRange(population, 2900, 3800), 0, 1.0);
        WindowedDrift windows = new WindowedDrift(detector, 300, 100);
        List<Long> driftedAt = new ArrayList<>();
        for (double[][] part : List.of(before, after)) {
            for (double[] row : Arrays.copyOf(part, 900)) {
                Optional<WindowedDrift.Window> w = windows.accept(row);
                w.filter(x -> x.report().flagged(DriftFlag.DRIFT).contains("acc_x_mean")).ifPresent(x -> driftedAt.add(x.endRow()));
            }
        }
        assertEquals(16, windows.history().size());
        assertTrue(windows.history().stream().filter(w -> w.endRow() <= 900).allMatch(w -> w.report().flagged(DriftFlag.DRIFT).isEmpty()),
                windows.table().print());
        assertTrue(!driftedAt.isEmpty() && driftedAt.getFirst() > 900 && driftedAt.getFirst() <= 1100, driftedAt.toString());
        assertTrue(windows.history().getLast().report().flagged(DriftFlag.DRIFT).contains("acc_x_mean"));
        assertEquals(16, windows.table().rowCount());
    }
}
