package formlab.deploy.session;

import java.util.List;
import java.util.Map;

/**
 * One line of the session log: a set as the tracker saw it.
 *
 * @param set          set number within the session folder (1, 2, ...)
 * @param start        ISO-8601 time of the set's first sample
 * @param end          ISO-8601 time of its last sample
 * @param startMillis  the same as epoch ms
 * @param endMillis    the same as epoch ms
 * @param exercise     predicted exercise label, or {@code too-short} when the set ended before one window was complete
 * @param confidence   the classifier's probability for it
 * @param reps         repetitions counted
 * @param repPulses    rep-LED pulses given live (differs from {@code reps} only if the count was revised down at the end)
 * @param samples      samples recorded
 * @param segments     stretches between clock jumps or long gaps (1 normally)
 * @param dropped      samples dropped by the timestamp policy, per reason (zero counts left out)
 * @param sensorFaults sensor read failures during the set
 * @param source       what the samples came from
 * @param rawFiles     the set's raw samples as MetaWear CSV files (accelerometer and gyroscope per segment), relative to the log's folder
 */
public record SetRecord(int set, String start, String end, long startMillis, long endMillis, String exercise,
                        double confidence, int reps, int repPulses, int samples, int segments,
                        Map<String, Integer> dropped, int sensorFaults, String source, List<String> rawFiles) {

    public SetRecord {
        dropped = dropped == null ? Map.of() : Map.copyOf(dropped);
        rawFiles = rawFiles == null ? List.of() : List.copyOf(rawFiles);
    }

    /** Duration from first to last sample, seconds. */
    public double seconds() {
        return (endMillis - startMillis) / 1000.0;
    }
}
