package formlab.pose.reps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts repetitions in any one-dimensional signal that leaves a rest level and comes back once
 * per repetition (a knee angle in a squat, a hip height, an elbow angle in a curl), with two
 * thresholds so that noise near one threshold cannot count twice (a Schmitt trigger).
 *
 * <p>The signal is at rest above {@code exitAbove}. A repetition starts when it falls below
 * {@code enterBelow} and is counted when it rises back above {@code exitAbove}, provided the active
 * phase lasted at least {@code minActive} samples. Signals that rise during a repetition can be
 * negated first. NaN samples (a joint not seen) keep the current state. The counter works one
 * sample at a time ({@link #push(double)}), so the batch result ({@link #count(double[])}) is what
 * a live feed gets.
 *
 * <p>Relation to {@code formlab.imu.reps}: that package counts wrist-IMU repetitions by filtering
 * accelerometer channels and keeping peaks of sufficient prominence
 * ({@code formlab.imu.reps.Peaks}), which needs the whole recording. A pose signal has a known
 * rest level (standing), so a two-threshold state machine counts it live, one frame at a time,
 * with the same result as the batch count. Both are generic over a plain {@code double[]}.
 */
public final class HysteresisRepCounter {

    private final double enterBelow;
    private final double exitAbove;
    private final int minActive;

    private boolean active;
    private int activeSince;
    private int index;
    private final List<Repetition> repetitions = new ArrayList<>();

    /**
     * @param enterBelow the signal below this starts a repetition
     * @param exitAbove  the signal above this ends it; must exceed {@code enterBelow}
     * @param minActive  shortest active phase, in samples, that counts
     */
    public HysteresisRepCounter(double enterBelow, double exitAbove, int minActive) {
        if (!(exitAbove > enterBelow)) {
            throw new IllegalArgumentException("exitAbove (" + exitAbove + ") must be greater than enterBelow (" + enterBelow + ")");
        }
        if (minActive < 1) {
            throw new IllegalArgumentException("minActive must be >= 1 sample, got " + minActive);
        }
        this.enterBelow = enterBelow;
        this.exitAbove = exitAbove;
        this.minActive = minActive;
    }

    /**
     * Thresholds learnt from a labelled signal: {@code exitAbove} is the {@code restPercentile}
     * percentile of the rest samples (so nearly every rest sample is above it) and
     * {@code enterBelow} lies {@code gap} below it. Returns {enterBelow, exitAbove}.
     */
    public static double[] thresholds(double[] signal, boolean[] activeLabel, double restPercentile, double gap) {
        if (signal.length != activeLabel.length) {
            throw new IllegalArgumentException(signal.length + " samples but " + activeLabel.length + " labels");
        }
        double[] rest = new double[signal.length];
        int n = 0;
        for (int i = 0; i < signal.length; i++) {
            if (!activeLabel[i] && Double.isFinite(signal[i])) {
                rest[n++] = signal[i];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no finite rest samples to learn thresholds from");
        }
        double[] sorted = Arrays.copyOf(rest, n);
        Arrays.sort(sorted);
        double exit = sorted[(int) Math.min(n - 1, Math.max(0, Math.floor(restPercentile / 100 * n)))];
        return new double[] {exit - gap, exit};
    }

    /** Feeds the next sample; returns the repetition completed by it, or null. */
    public Repetition push(double value) {
        int i = index++;
        if (Double.isNaN(value)) {
            return null;
        }
        if (!active && value < enterBelow) {
            active = true;
            activeSince = i;
        } else if (active && value > exitAbove) {
            active = false;
            if (i - activeSince >= minActive) {
                Repetition repetition = new Repetition(activeSince, i);
                repetitions.add(repetition);
                return repetition;
            }
        }
        return null;
    }

    /** Repetitions counted so far. */
    public List<Repetition> repetitions() {
        return List.copyOf(repetitions);
    }

    /** True while a repetition is in progress. */
    public boolean isActive() {
        return active;
    }

    /** Forgets everything (new recording). */
    public void reset() {
        active = false;
        activeSince = 0;
        index = 0;
        repetitions.clear();
    }

    /** Counts the repetitions of a whole signal with a fresh state (this counter's state is not touched). */
    public List<Repetition> count(double[] signal) {
        HysteresisRepCounter fresh = new HysteresisRepCounter(enterBelow, exitAbove, minActive);
        for (double value : signal) {
            fresh.push(value);
        }
        return fresh.repetitions();
    }
}
