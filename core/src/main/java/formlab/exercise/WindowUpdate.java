package formlab.exercise;

/**
 * What a live tracker reports when a window completes.
 *
 * @param index         window number since the tracker started (counts on across gaps)
 * @param startMillis   epoch time of the window's first grid sample
 * @param endMillis     epoch time just after its last grid sample
 * @param label         what to show: the causally smoothed exercise, or {@code rest}
 * @param confidence    smoothed probability of {@code label} (1 for rest: the gate's verdict is a yes/no)
 * @param rawLabel      the classifier's arg-max for this window alone
 * @param rawConfidence its probability
 * @param probabilities the classifier's probabilities for this window (the model's class order)
 * @param gate          the rest gate's verdict
 * @param inSet         whether a set is running
 * @param setNumber     sets seen so far (1 for the first)
 * @param repExercise   the exercise whose counting rule gives {@code reps} (empty before any exercise window)
 * @param reps          repetitions of the running set so far, or of the last set once it ended
 * @param totalReps     repetitions of every set since the tracker started: {@code reps} plus the last
 *                      count reported for each earlier set
 * @param computeNanos  time spent on this window: channels, features, prediction, gate, smoothing and rep count
 */
public record WindowUpdate(long index, double startMillis, double endMillis, String label, double confidence,
                           String rawLabel, double rawConfidence, double[] probabilities, RestGate.Decision gate,
                           boolean inSet, int setNumber, String repExercise, int reps, int totalReps,
                           long computeNanos) {

    public WindowUpdate {
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
