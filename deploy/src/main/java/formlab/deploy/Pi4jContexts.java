package formlab.deploy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

/**
 * The two Pi4J contexts the tracker runs on. Both leave shutting down to the tracker (no Pi4J
 * shutdown hook), which switches its outputs off first and then calls {@link Context#shutdown()}.
 */
public final class Pi4jContexts {

    private Pi4jContexts() {
    }

    /**
     * Pi4J's mock platform: digital outputs and inputs and I2C that exist only in memory (outputs
     * remember their state, {@code MockDigitalInput.mockState} simulates a button, {@code MockI2C}
     * keeps one byte queue per register). Runs anywhere; used by tests, notebooks and {@code --mock}.
     */
    public static Context mock() {
        return Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockI2CProvider.newInstance(), MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .disableShutdownHook().build();
    }

    /**
     * The real board: platforms and providers found on the classpath (the bundle carries
     * pi4j-plugin-raspberrypi, -gpiod for GPIO and -linuxfs for I2C); mock plugins are ignored.
     */
    public static Context hardware() {
        return Pi4J.newContextBuilder().autoDetect().disableShutdownHook().build();
    }
}
