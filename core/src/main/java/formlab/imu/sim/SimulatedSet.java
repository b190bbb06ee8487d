package formlab.imu.sim;

import formlab.imu.SetInfo;
import java.util.List;

/**
 * The plan and ground truth of one simulated set.
 *
 * @param info         metadata as it will appear in the file names
 * @param repStarts    start of each repetition, seconds after the set start
 * @param repDurations duration of each repetition, seconds
 * @param seconds      total length of the set
 * @param seed         seed of this set's random choices
 */
public record SimulatedSet(SetInfo info, List<Double> repStarts, List<Double> repDurations, double seconds, long seed) {

    public SimulatedSet {
        repStarts = List.copyOf(repStarts);
        repDurations = List.copyOf(repDurations);
    }

    /** Number of repetitions actually performed (the simulator follows the protocol exactly). */
    public int reps() {
        return repStarts.size();
    }
}
