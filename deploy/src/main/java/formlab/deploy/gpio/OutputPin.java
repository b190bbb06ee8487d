package formlab.deploy.gpio;

/**
 * A switched output (LED, buzzer, relay) seen as on/off, whatever its electrical active level.
 * "Off" is the safe state of every output.
 */
public interface OutputPin {

    /** Switches the output on or off; {@code atMillis} is the runtime time of the change (for timelines). */
    void set(boolean on, long atMillis);

    /** Whether the output is on. */
    boolean isOn();

    /** Name for logs and timelines, e.g. {@code rep-led (BCM 17)}. */
    String name();
}
