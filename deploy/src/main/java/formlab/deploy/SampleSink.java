package formlab.deploy;

import formlab.deploy.sensor.ImuSample;
import java.util.List;

/**
 * What the runtime feeds samples into during a set: exercise recognition plus repetition
 * counting, one sample at a time. The implementation lives with the streaming classifier; the
 * runtime only sees this interface, so the same code serves the Pi, replays and tests.
 */
public interface SampleSink {

    /** Starts a set (or a new segment after a clock jump): forgets every buffered sample. */
    void startSet();

    /**
     * Takes the next reading (each sensor's timestamps strictly increasing within a segment) and
     * returns the results of the windows it completed, usually none or one.
     */
    List<WindowResult> accept(ImuSample sample);

    /** Ends the set: the result over all its samples (final label, confidence and repetitions). */
    WindowResult finishSet();
}
