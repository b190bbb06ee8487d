package formlab.exercise;

import java.util.List;

/**
 * Turns a stream of window probabilities and rest-gate verdicts into what a tracker shows, using
 * only the past: the same object serves batch scoring and the live stream, so both label every
 * window alike.
 *
 * <p>Rules: a rest window is labelled {@code rest} and is not smoothed; other windows get the
 * arg-max of the mean probabilities of the last {@code smoothing} exercise windows of the current
 * set. A set ends when {@code restWindowsToEndSet} windows in a row are rest (the smoother then
 * forgets); the next exercise window starts a new set. A stream (or a segment after a gap) starts
 * inside a set, so a recording of one set is one set from its first sample.
 */
public final class WindowDecisions {

    /** Label of windows the rest gate rejects. */
    public static final String REST = "rest";

    private final List<String> classes;
    private final CausalSmoother smoother;
    private final int restWindowsToEndSet;
    private int restRun;
    private boolean inSet = true;

    /**
     * One decision.
     *
     * @param label      {@code rest} or the smoothed exercise
     * @param confidence smoothed probability of the label; 1 for rest (the gate's verdict is a yes/no)
     * @param smoothed   smoothed probabilities (empty when no exercise window has been seen in this set)
     * @param rest       whether the gate called this window rest
     * @param inSet      whether a set is running after this window
     * @param setStarted true when this window started a new set (after a set had ended)
     * @param setEnded   true when this window ended the set
     */
    public record Step(String label, double confidence, double[] smoothed, boolean rest, boolean inSet,
                       boolean setStarted, boolean setEnded) {
    }

    /**
     * @param classes             class order of the probabilities
     * @param smoothing           exercise windows averaged
     * @param restWindowsToEndSet rest windows in a row that end a set
     */
    public WindowDecisions(List<String> classes, int smoothing, int restWindowsToEndSet) {
        if (restWindowsToEndSet < 1) {
            throw new IllegalArgumentException("restWindowsToEndSet must be at least 1");
        }
        this.classes = List.copyOf(classes);
        this.smoother = new CausalSmoother(smoothing);
        this.restWindowsToEndSet = restWindowsToEndSet;
    }

    /** The decision for the next window. */
    public Step next(double[] probabilities, boolean rest) {
        if (rest) {
            restRun++;
            boolean ended = inSet && restRun >= restWindowsToEndSet;
            if (ended) {
                inSet = false;
                smoother.reset();
            }
            return new Step(REST, 1.0, smoother.current(), true, inSet, false, ended);
        }
        restRun = 0;
        boolean started = !inSet;
        inSet = true;
        double[] smoothed = smoother.add(probabilities);
        int best = 0;
        for (int c = 1; c < smoothed.length; c++) {
            if (smoothed[c] > smoothed[best]) {
                best = c;
            }
        }
        return new Step(classes.get(best), smoothed[best], smoothed, false, true, started, false);
    }

    /** A new segment (stream start or after a long gap): forget everything and start inside a set. */
    public void restart() {
        smoother.reset();
        restRun = 0;
        inSet = true;
    }
}
