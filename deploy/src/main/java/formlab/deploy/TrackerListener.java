package formlab.deploy;

import formlab.deploy.session.SetRecord;

/** Told what the tracker does (console output, timelines, tests); every method is optional. */
public interface TrackerListener {

    /** The status changed. */
    default void statusChanged(TrackerStatus status, long atMillis) {
    }

    /** Set {@code set} started. */
    default void setStarted(int set, long atMillis) {
    }

    /** A window was classified; {@code totalReps} counts the whole set so far. */
    default void window(WindowResult result, int totalReps) {
    }

    /** The shown repetition count rose to {@code totalReps} (the LED blinks for each new one). */
    default void repCounted(int totalReps, long atMillis) {
    }

    /** A set ended and was logged. */
    default void setEnded(SetRecord record) {
    }

    /** The timestamp policy started a new segment. */
    default void discontinuity(TimestampGuard.Verdict verdict, long atMillis) {
    }

    /** The sensor failed (the loop retries with backoff). */
    default void sensorFault(String message, long atMillis) {
    }
}
