package formlab.imu.reps;

/**
 * The result of counting one set (or the buffer so far).
 *
 * @param count       repetitions found
 * @param repSeconds  time of each counted extreme, seconds from the start of the signal
 * @param parameters  the rule that was used
 */
public record RepCount(int count, double[] repSeconds, RepCountParameters parameters) {

    public RepCount {
        repSeconds = repSeconds.clone();
    }

    @Override
    public double[] repSeconds() {
        return repSeconds.clone();
    }
}
