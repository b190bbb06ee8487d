package formlab.deploy.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link OutputPin} on a Pi4J digital output. Active-low modules (many relay boards) are on
 * at a low level; either way the pin is created off, and Pi4J is told to leave it off when its
 * context shuts down, so a crash that still runs shutdown hooks cannot leave a buzzer sounding.
 */
public final class Pi4jOutputPin implements OutputPin {

    private final DigitalOutput output;
    private final String name;
    private final boolean activeLow;
    private final List<PinListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean on;

    private Pi4jOutputPin(DigitalOutput output, String name, boolean activeLow) {
        this.output = output;
        this.name = name;
        this.activeLow = activeLow;
    }

    /**
     * Creates the output {@code id} on BCM pin {@code bcm}, off.
     *
     * @param activeLow true when the device is on at a low level
     */
    public static Pi4jOutputPin create(Context pi4j, String id, int bcm, boolean activeLow) {
        DigitalState off = activeLow ? DigitalState.HIGH : DigitalState.LOW;
        DigitalOutput output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(id).address(bcm)
                .initial(off).shutdown(off).build());
        return new Pi4jOutputPin(output, id + " (BCM " + bcm + ")", activeLow);
    }

    /** Adds a listener told about every change. */
    public Pi4jOutputPin listen(PinListener listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void set(boolean on, long atMillis) {
        if (on == this.on) {
            return;
        }
        output.state(on != activeLow ? DigitalState.HIGH : DigitalState.LOW);
        this.on = on;
        for (PinListener listener : listeners) {
            listener.changed(name, on, atMillis);
        }
    }

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public String name() {
        return name;
    }

    /** The Pi4J output (tests read its electrical state). */
    public DigitalOutput output() {
        return output;
    }
}
