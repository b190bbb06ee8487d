package formlab.deploy;

/**
 * What the tracker is doing, shown on the status LED and printed on every change.
 */
public enum TrackerStatus {
    /** Opening the sensor: the status LED blinks slowly (1 Hz). */
    STARTING,
    /** Sensor running, no set: a short heartbeat flash every 2 s. */
    READY,
    /** A set is being recorded: steady on. */
    RECORDING,
    /** The sensor fails or stalls and is being retried: fast blink (4 Hz). */
    SENSOR_FAULT,
    /** Shut down: off (the safe state). */
    STOPPED;

    /** Whether the status LED is lit {@code sinceMillis} ms after entering this status. */
    public boolean lit(long sinceMillis) {
        long t = Math.max(0, sinceMillis);
        return switch (this) {
            case STARTING -> t % 1000 < 500;
            case READY -> t % 2000 < 100;
            case RECORDING -> true;
            case SENSOR_FAULT -> t % 250 < 125;
            case STOPPED -> false;
        };
    }
}
