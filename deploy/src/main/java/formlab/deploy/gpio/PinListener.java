package formlab.deploy.gpio;

/** Told about every change of an {@link OutputPin}, with the runtime time it happened at. */
@FunctionalInterface
public interface PinListener {

    /**
     * @param pin      the output's name
     * @param on       its new state
     * @param atMillis runtime time (sample time base) of the change
     */
    void changed(String pin, boolean on, long atMillis);
}
