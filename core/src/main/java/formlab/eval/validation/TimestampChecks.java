package formlab.eval.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks on the timestamps of one recording: strictly increasing, the nominal sample rate, gaps
 * and jitter. MetaWear accelerometer files are nominally 12.5 Hz and gyroscope files 25 Hz.
 */
public final class TimestampChecks {

    /** A step longer than this many median steps counts as a gap. */
    public static final double GAP_FACTOR = 3.0;

    private TimestampChecks() {
    }

    /**
     * Checks {@code seconds} (sample times in seconds, in file order) of {@code subject} against
     * {@code expectedHz}: fail when times go backwards or repeat, or when the median rate is off by
     * more than {@code tolerance} (relative); warn on gaps and on jitter (standard deviation of the
     * steps that are not gaps) above 20% of the median step.
     */
    public static List<Finding> sampleRate(String subject, double[] seconds, double expectedHz, double tolerance) {
        String check = "sample rate";
        List<Finding> findings = new ArrayList<>();
        if (seconds.length < 3) {
            findings.add(Finding.fail(check, subject, "only " + seconds.length + " samples"));
            return findings;
        }
        double[] steps = new double[seconds.length - 1];
        int backwards = 0;
        int firstBackwards = -1;
        for (int i = 0; i < steps.length; i++) {
            steps[i] = seconds[i + 1] - seconds[i];
            if (!(steps[i] > 0)) {
                backwards++;
                firstBackwards = firstBackwards < 0 ? i + 1 : firstBackwards;
            }
        }
        if (backwards > 0) {
            findings.add(Finding.fail("timestamp order", subject, backwards + " samples do not advance in time (first at sample "
                    + firstBackwards + ")"));
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double rate = 1 / median;
        String rateMessage = String.format("median rate %.3f Hz (expected %.3f Hz), %d samples over %.1f s",
                rate, expectedHz, seconds.length, seconds[seconds.length - 1] - seconds[0]);
        findings.add(Math.abs(rate - expectedHz) / expectedHz > tolerance ? Finding.fail(check, subject, rateMessage)
                : Finding.pass(check, subject, rateMessage));
        int gaps = 0;
        double largest = 0;
        int largestAt = -1;
        double sum = 0;
        double sumSquares = 0;
        int regular = 0;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] > GAP_FACTOR * median) {
                gaps++;
                if (steps[i] > largest) {
                    largest = steps[i];
                    largestAt = i + 1;
                }
                continue; // a gap is reported once, as a gap, not again as jitter
            }
            regular++;
            sum += steps[i];
            sumSquares += steps[i] * steps[i];
        }
        if (gaps > 0) {
            findings.add(Finding.warn("gaps", subject, String.format("%d gaps longer than %.0f samples; largest %.3f s before sample %d",
                    gaps, GAP_FACTOR, largest, largestAt)));
        }
        double mean = regular == 0 ? 0 : sum / regular;
        double jitter = regular == 0 ? 0 : Math.sqrt(Math.max(0, sumSquares / regular - mean * mean)) / median;
        if (jitter > 0.2) {
            findings.add(Finding.warn("jitter", subject, String.format("step standard deviation is %.0f%% of the median step", 100 * jitter)));
        }
        return findings;
    }
}
