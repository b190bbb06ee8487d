package formlab.deploy.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.TimeUnit;

/**
 * A push button on a Pi4J digital input that runs an action on each press (not on release).
 * With {@code activeLow} the button connects the pin to ground and the internal pull-up holds
 * it high otherwise; Pi4J's debounce filters contact bounce. The action runs on Pi4J's event
 * thread, so it should only hand the press over (e.g. queue a command).
 */
public final class ButtonInput {

    private final DigitalInput input;

    private ButtonInput(DigitalInput input) {
        this.input = input;
    }

    /**
     * Creates the input {@code id} on BCM pin {@code bcm}.
     *
     * @param activeLow      true when a press pulls the pin low (internal pull-up), false for pull-down
     * @param debounceMillis contact bounce to ignore
     * @param onPress        run on every press
     */
    public static ButtonInput create(Context pi4j, String id, int bcm, boolean activeLow, long debounceMillis,
                                     Runnable onPress) {
        DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(id).address(bcm)
                .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .debounce(debounceMillis * 1000, TimeUnit.MICROSECONDS).build());
        DigitalState pressed = activeLow ? DigitalState.LOW : DigitalState.HIGH;
        input.addListener(event -> {
            if (event.state() == pressed) {
                onPress.run();
            }
        });
        return new ButtonInput(input);
    }

    /** The Pi4J input (tests drive the mock's state). */
    public DigitalInput input() {
        return input;
    }
}
