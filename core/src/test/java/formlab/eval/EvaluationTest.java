package formlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.display.Html;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class EvaluationTest {

    private static final List<String> CLASSES = List.of("bench", "row", "squat");
    // 4 bench (3 right, 1 as row), 3 row (2 right, 1 as squat), 2 squat (both right), 1 extra bench predicted as squat.
    private static final String[] TRUTH = {"bench", "bench", "bench", "bench", "row", "row", "row", "squat", "squat", "bench"};
    private static final String[] PREDICTED = {"bench", "bench", "bench", "row", "row", "row", "squat", "squat", "squat", "squat"};
    private static final String[] GROUPS = {"A", "A", "B", "B", "A", "B", "B", "A", "B", "A"};

    @Test
    void metricsMatchTheirDefinitionsOnAHandCountedExample() {
        Evaluation e = Evaluation.of(CLASSES, TRUTH, PREDICTED, null, GROUPS);
        assertArrayEquals(new long[][] {{3, 1, 1}, {0, 2, 1}, {0, 0, 2}}, e.confusionCounts());
        assertEquals(7 / 10.0, e.accuracy(), 1e-12);
        double[] recall = {3 / 5.0, 2 / 3.0, 2 / 2.0};
        double[] precision = {3 / 3.0, 2 / 3.0, 2 / 4.0};
        assertEquals((recall[0] + recall[1] + recall[2]) / 3, e.balancedAccuracy(), 1e-12);
        assertEquals((precision[0] + precision[1] + precision[2]) / 3, e.macroPrecision(), 1e-12);
        double[] f1 = new double[3];
        for (int c = 0; c < 3; c++) {
            f1[c] = 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        assertEquals((f1[0] + f1[1] + f1[2]) / 3, e.macroF1(), 1e-12);
        assertEquals((5 * f1[0] + 3 * f1[1] + 2 * f1[2]) / 10, e.weightedF1(), 1e-12);
        assertEquals(e.accuracy(), e.weightedRecall(), 1e-12);

        Table perClass = e.perClass();
        assertEquals(5, perClass.rowCount());
        assertEquals(5, perClass.intColumn("support").get(0));
        Table normalised = e.confusionMatrixNormalised();
        assertEquals(3 / 5.0, normalised.doubleColumn("bench").get(0), 1e-12);
        assertEquals(1 / 3.0, normalised.doubleColumn("squat").get(1), 1e-12);

        // A: bench,bench,row,squat,bench(->squat) = 4/5; B: bench,bench(->row),row,row(->squat),squat = 3/5
        Table groups = e.perGroup();
        assertEquals(List.of("A", "B"), groups.stringColumn("group").asList());
        assertEquals(0.8, groups.doubleColumn("accuracy").get(0), 1e-12);
        assertEquals(0.6, groups.doubleColumn("accuracy").get(1), 1e-12);
        assertEquals(0.6, e.metric("min_group_accuracy"), 1e-12);
    }

    @Test
    void aClassMissingFromTheTruthDoesNotCountInMacroAverages() {
        Evaluation e = Evaluation.of(List.of("a", "b", "c"), new String[] {"a", "a", "b"}, new String[] {"a", "c", "b"}, null, null);
        assertEquals((0.5 + 1.0) / 2, e.balancedAccuracy(), 1e-12);
        assertTrue(e.perClass().doubleColumn("recall").isMissing(2));
    }

    @Test
    void calibrationSeparatesHonestFromOverconfidentProbabilities() {
        Random random = new Random(4);
        int n = 4000;
        String[] truth = new String[n];
        double[][] honest = new double[n][];
        double[][] overconfident = new double[n][];
        for (int i = 0; i < n; i++) {
            double p = 0.5 + 0.5 * random.nextDouble();
            boolean right = random.nextDouble() < p;
            truth[i] = right ? "yes" : "no";
            honest[i] = new double[] {p, 1 - p};
            double q = Math.min(1, p + 0.3);
            overconfident[i] = new double[] {q, 1 - q};
        }
        List<String> classes = List.of("yes", "no");
        double honestEce = Evaluation.ofProbabilities(classes, truth, honest, null).expectedCalibrationError(10).orElseThrow();
        double overEce = Evaluation.ofProbabilities(classes, truth, overconfident, null).expectedCalibrationError(10).orElseThrow();
        assertTrue(honestEce < 0.03, "honest ECE " + honestEce);
        assertTrue(overEce > 0.15, "overconfident ECE " + overEce);
        Calibration bins = Evaluation.ofProbabilities(classes, truth, honest, null).calibration(10).orElseThrow();
        assertEquals(n, java.util.Arrays.stream(bins.count()).sum());
        assertEquals(0, bins.count()[0] + bins.count()[4], "no top-class confidence below 0.5");
    }

    @Test
    void poolingConcatenatesExamples() {
        Evaluation first = Evaluation.of(CLASSES, java.util.Arrays.copyOf(TRUTH, 5), java.util.Arrays.copyOf(PREDICTED, 5), null, java.util.Arrays.copyOf(GROUPS, 5));
        Evaluation second = Evaluation.of(CLASSES, java.util.Arrays.copyOfRange(TRUTH, 5, 10), java.util.Arrays.copyOfRange(PREDICTED, 5, 10), null, java.util.Arrays.copyOfRange(GROUPS, 5, 10));
        Evaluation pooled = Evaluation.pool(List.of(first, second));
        assertArrayEquals(Evaluation.of(CLASSES, TRUTH, PREDICTED, null, GROUPS).confusionCounts(), pooled.confusionCounts());
    }

    @Test
    void figuresCarryLabelsCountsAndGroups() {
        double[][] probabilities = new double[TRUTH.length][];
        for (int i = 0; i < TRUTH.length; i++) {
            probabilities[i] = new double[3];
            probabilities[i][CLASSES.indexOf(PREDICTED[i])] = 0.7;
            probabilities[i][(CLASSES.indexOf(PREDICTED[i]) + 1) % 3] = 0.3;
        }
        Evaluation e = Evaluation.of(CLASSES, TRUTH, PREDICTED, probabilities, GROUPS);
        String heatmap = Html.of(e.confusionMatrixFigure("IMU exercises"));
        assertTrue(heatmap.contains("squat") && heatmap.contains("3 (60%)"), "heatmap lacks labels or counts");
        assertTrue(Html.of(e.reliabilityFigure("Reliability", 5).orElseThrow()).contains("ECE"));
        assertTrue(Html.of(e.perGroupAccuracyFigure("Per participant")).contains("Per participant"));
        assertTrue(e.metrics().containsKey("ece"));
    }

    @Test
    void inconsistentInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(CLASSES, TRUTH, new String[] {"bench"}, null, null));
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(CLASSES, new String[] {"dead"}, new String[] {"bench"}, null, null));
        assertTrue(unknown.getMessage().contains("'dead'"));
    }
}
