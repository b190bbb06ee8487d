package formlab.pose.reps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts repetitions in a sequence of phase labels, e.g. a squat classifier's per-frame
 * {@code up} / {@code down}: a repetition is a run of the active phase followed by a return to
 * rest. Runs shorter than {@code minRun} frames are treated as flicker and absorbed by the phase
 * around them, so one mislabelled frame cannot split a squat in two. Labels other than the two
 * phases (or null) keep the current phase.
 *
 * @param active the phase label of the moving part (e.g. {@code down})
 * @param rest   the phase label between repetitions (e.g. {@code up})
 * @param minRun shortest run, in frames, that counts as a phase change
 */
public record PhaseRepCounter(String active, String rest, int minRun) {

    public PhaseRepCounter {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(rest, "rest");
        if (active.equals(rest)) {
            throw new IllegalArgumentException("active and rest phases must differ, both are '" + active + "'");
        }
        if (minRun < 1) {
            throw new IllegalArgumentException("minRun must be >= 1 frame, got " + minRun);
        }
    }

    /** The repetitions in {@code phases}; one still active at the end is not counted. */
    public List<Repetition> count(List<String> phases) {
        List<Repetition> repetitions = new ArrayList<>();
        String settled = null;
        int settledActiveStart = -1;
        String candidate = null;
        int candidateStart = 0;
        for (int i = 0; i < phases.size(); i++) {
            String phase = phases.get(i);
            if (!active.equals(phase) && !rest.equals(phase)) {
                continue;
            }
            if (!phase.equals(candidate)) {
                candidate = phase;
                candidateStart = i;
            }
            if (!candidate.equals(settled) && i - candidateStart + 1 >= minRun) {
                if (candidate.equals(active)) {
                    settledActiveStart = candidateStart;
                } else if (settled != null && settledActiveStart >= 0) {
                    repetitions.add(new Repetition(settledActiveStart, candidateStart));
                    settledActiveStart = -1;
                }
                settled = candidate;
            }
        }
        return repetitions;
    }
}
