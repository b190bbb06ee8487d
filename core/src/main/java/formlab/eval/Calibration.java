package formlab.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Reliability of a classifier's confidence: examples binned by the probability of the predicted
 * class, with each bin's mean confidence and actual accuracy. A calibrated model has accuracy
 * close to confidence in every bin.
 *
 * @param lower          lower edge of each bin
 * @param upper          upper edge of each bin
 * @param count          examples per bin
 * @param meanConfidence mean top-class probability per bin (NaN for empty bins)
 * @param accuracy       fraction correct per bin (NaN for empty bins)
 * @param expectedCalibrationError sum over bins of (bin share) x |accuracy - confidence|
 */
public record Calibration(double[] lower, double[] upper, int[] count, double[] meanConfidence, double[] accuracy,
                          double expectedCalibrationError) {

    /** Bins used for the headline ECE. */
    public static final int DEFAULT_BINS = 10;

    /** Bins {@code confidence} (top-class probability per example) with whether each example was right. */
    public static Calibration of(double[] confidence, boolean[] correct, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("Need at least one bin, got " + bins);
        }
        if (confidence.length != correct.length || confidence.length == 0) {
            throw new IllegalArgumentException("Need as many confidences as outcomes, and at least one: "
                    + confidence.length + " vs " + correct.length);
        }
        double[] lower = new double[bins];
        double[] upper = new double[bins];
        int[] count = new int[bins];
        double[] confidenceSum = new double[bins];
        int[] right = new int[bins];
        for (int b = 0; b < bins; b++) {
            lower[b] = (double) b / bins;
            upper[b] = (double) (b + 1) / bins;
        }
        for (int i = 0; i < confidence.length; i++) {
            double c = confidence[i];
            if (!(c >= 0 && c <= 1 + 1e-9)) {
                throw new IllegalArgumentException("Example " + i + ": confidence " + c + " is not a probability");
            }
            int b = Math.min(bins - 1, (int) Math.floor(c * bins));
            count[b]++;
            confidenceSum[b] += c;
            if (correct[i]) {
                right[b]++;
            }
        }
        double[] meanConfidence = new double[bins];
        double[] accuracy = new double[bins];
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            meanConfidence[b] = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
            accuracy[b] = count[b] == 0 ? Double.NaN : (double) right[b] / count[b];
            if (count[b] > 0) {
                ece += (double) count[b] / confidence.length * Math.abs(accuracy[b] - meanConfidence[b]);
            }
        }
        return new Calibration(lower, upper, count, meanConfidence, accuracy, ece);
    }

    /** One row per bin: lower, upper, count, mean_confidence, accuracy (empty bins have missing values). */
    public Table table() {
        DoubleColumn confidence = DoubleColumn.create("mean_confidence");
        DoubleColumn correct = DoubleColumn.create("accuracy");
        for (int b = 0; b < count.length; b++) {
            if (count[b] == 0) {
                confidence.appendMissing();
                correct.appendMissing();
            } else {
                confidence.append(meanConfidence[b]);
                correct.append(accuracy[b]);
            }
        }
        return Table.create(String.format("Reliability (ECE %.3f)", expectedCalibrationError),
                DoubleColumn.create("lower", lower), DoubleColumn.create("upper", upper),
                IntColumn.create("count", count), confidence, correct);
    }
}
