package formlab.deploy;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import formlab.deploy.config.GpioConfig;
import formlab.deploy.sensor.SensorConfig;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.gpio.ButtonInput;
import formlab.deploy.gpio.Pi4jOutputPin;
import formlab.deploy.gpio.PinListener;
import formlab.deploy.sensor.MonotonicClock;
import formlab.deploy.sensor.Mpu6050;
import formlab.deploy.sensor.Mpu6050Settings;
import formlab.deploy.sensor.Mpu6050Source;
import formlab.deploy.sensor.Pi4jRegisterDevice;
import formlab.deploy.sensor.RecordingSource;
import formlab.deploy.sensor.SensorSource;
import formlab.deploy.session.RawSetWriter;
import formlab.deploy.session.SessionLog;
import formlab.imu.SensorKind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The tracker wired together from a {@link TrackerConfig}: outputs and button on a Pi4J
 * context, the sensor source, the session log, the {@link TrackerRuntime} and its
 * {@link SensorLoop}. {@link #run()} blocks until the loop ends (stop, end of replay, error), by
 * which time every output is off; {@link #close()} then closes the session log.
 */
public final class Tracker implements AutoCloseable {

    private final TrackerConfig config;
    private final SensorSource source;
    private final SessionLog log;
    private final Feedback feedback;
    private final List<Pi4jOutputPin> outputs;
    private final ButtonInput button;
    private final TrackerRuntime runtime;
    private final SensorLoop loop;

    private Tracker(TrackerConfig config, SensorSource source, SessionLog log, Feedback feedback,
                    List<Pi4jOutputPin> outputs, ButtonInput button, TrackerRuntime runtime, SensorLoop loop) {
        this.config = config;
        this.source = source;
        this.log = log;
        this.feedback = feedback;
        this.outputs = outputs;
        this.button = button;
        this.runtime = runtime;
        this.loop = loop;
    }

    /**
     * Wires a tracker.
     *
     * @param config   validated configuration
     * @param pi4j     the Pi4J context (hardware or {@link Pi4jContexts#mock()})
     * @param source   the sensor source (see {@link #source(TrackerConfig, Context)})
     * @param sink     exercise recognition and repetition counting
     * @param pins     told about every output change (timelines), or null
     */
    public static Tracker create(TrackerConfig config, Context pi4j, SensorSource source, SampleSink sink,
                                 PinListener pins) throws IOException {
        GpioConfig gpio = config.gpio();
        Pi4jOutputPin repLed = Pi4jOutputPin.create(pi4j, "rep-led", gpio.repLed(), false);
        Pi4jOutputPin setEnd = Pi4jOutputPin.create(pi4j, "set-end", gpio.setEndOutput(), gpio.setEndActiveLow());
        Pi4jOutputPin statusLed = Pi4jOutputPin.create(pi4j, "status-led", gpio.statusLed(), false);
        List<Pi4jOutputPin> outputs = List.of(repLed, setEnd, statusLed);
        if (pins != null) {
            outputs.forEach(pin -> pin.listen(pins));
        }
        Feedback feedback = new Feedback(repLed, setEnd, statusLed, config.feedback());
        SessionLog log = SessionLog.open(config.session().directory());
        boolean replay = source instanceof RecordingSource;
        String device = replay ? ((RecordingSource) source).recording().info().device()
                : String.format(Locale.ROOT, "%02X%02X", config.sensor().i2cBus(), config.sensor().i2cAddress());
        RawSetWriter raw = new RawSetWriter(log.folder().resolve("raw"), config.session().participant(),
                config.session().intensity(), device);
        TrackerRuntime runtime = new TrackerRuntime(sink, feedback, log, raw, source.rateHz(SensorKind.ACCELEROMETER),
                source.rateHz(SensorKind.GYROSCOPE), config.stream().maxGapMillis(), source.describe());
        Backoff backoff = new Backoff(config.sensor().retryInitialMillis(), config.sensor().retryMaxMillis());
        SensorLoop loop = new SensorLoop(source, runtime, backoff, config.sensor().replaySpeed(), replay);
        ButtonInput button = ButtonInput.create(pi4j, "button", gpio.button(), gpio.buttonActiveLow(),
                gpio.debounceMillis(), loop::press);
        return new Tracker(config, source, log, feedback, outputs, button, runtime, loop);
    }

    /** The source the configuration asks for: a replay of {@code sensor.replay.file}, or the MPU-6050 on I2C. */
    public static SensorSource source(TrackerConfig config, Context pi4j) {
        SensorConfig sensor = config.sensor();
        if (sensor.source() == SensorConfig.SourceKind.REPLAY) {
            return RecordingSource.of(sensor.replayFile().orElseThrow());
        }
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("mpu6050").name("MPU-6050").bus(sensor.i2cBus())
                .device(sensor.i2cAddress()).build());
        Mpu6050 chip = new Mpu6050(new Pi4jRegisterDevice(i2c), Mpu6050Settings.of(sensor));
        return new Mpu6050Source(chip, new MonotonicClock(), sensor.stallTimeoutMillis(), i2c);
    }

    /** Runs the loop on the calling thread until it ends; every output is off afterwards. */
    public void run() {
        loop.run();
    }

    /** Asks the loop to stop (from a shutdown hook or another thread). */
    public void stop() {
        loop.stop();
    }

    /** Switches every output off directly: the last resort when the loop does not stop in time. */
    public void forceSafeState() {
        feedback.safeState(runtime.now());
    }

    /** The runtime (status, reps, listeners). */
    public TrackerRuntime runtime() {
        return runtime;
    }

    /** The loop (button presses, faults). */
    public SensorLoop loop() {
        return loop;
    }

    /** The three outputs: rep LED, set-end buzzer/relay, status LED. */
    public List<Pi4jOutputPin> outputs() {
        return outputs;
    }

    /** The start/stop button. */
    public ButtonInput button() {
        return button;
    }

    /** The sample source. */
    public SensorSource source() {
        return source;
    }

    /** The session log. */
    public SessionLog log() {
        return log;
    }

    /** The configuration it runs with. */
    public TrackerConfig config() {
        return config;
    }

    /** The feedback outputs. */
    public Feedback feedback() {
        return feedback;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
