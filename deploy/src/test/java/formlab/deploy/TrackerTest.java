package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.config.TrackerConfigReader;
import formlab.deploy.gpio.Pi4jOutputPin;
import formlab.deploy.sensor.ImuSample;
import formlab.deploy.sensor.Mpu6050;
import formlab.deploy.sensor.MockMpu6050Access;
import formlab.deploy.sensor.RecordingSource;
import formlab.deploy.session.SessionLog;
import formlab.deploy.session.SessionLogReader;
import formlab.deploy.session.SetRecord;
import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.Intensity;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tracker on Pi4J's mock platform: GPIO outputs, button and I2C exist only in memory. */
class TrackerTest {

    @TempDir
    Path dir;
    private Context pi4j;

    @BeforeEach
    void mockPlatform() {
        pi4j = Pi4jContexts.mock();
    }

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private TrackerConfig config(Map<String, String> values) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(values);
        all.putIfAbsent("session.dir", dir.resolve("sessions").toString());
        return TrackerConfigReader.read(all, Map.of());
    }

    /** Counts low-to-high transitions of a Pi4J output as Pi4J reports them. */
    private static AtomicInteger rises(DigitalOutput output) {
        AtomicInteger rises = new AtomicInteger();
        output.addListener(event -> {
            if (event.state() == DigitalState.HIGH) {
                rises.incrementAndGet();
            }
        });
        return rises;
    }

    @Test
    void aReplayedSetBlinksTheMockLedOncePerRepetitionAndIsLogged() throws Exception {
        Path file = SimulatedSets.write(dir, Exercise.SQUAT, Intensity.MEDIUM);
        TrackerConfig config = config(Map.of("sensor.source", "replay", "sensor.replay.file", file.toString(),
                "sensor.replay.speed", "max"));
        ScriptedSink sink = new ScriptedSink(12, 30, "squat");
        List<String> timeline = new CopyOnWriteArrayList<>();
        try (Tracker tracker = Tracker.create(config, pi4j, Tracker.source(config, pi4j), sink,
                (pin, on, at) -> timeline.add(pin + (on ? " on" : " off")))) {
            AtomicInteger ledRises = rises(tracker.outputs().get(0).output());
            AtomicInteger buzzerRises = rises(tracker.outputs().get(1).output());
            tracker.run();
            int samples = ((RecordingSource) tracker.source()).size();
            assertEquals(samples, sink.all().size(), "every recorded sample reaches the sink, in order");
            int reps = samples / 30;
            assertEquals(reps, ledRises.get(), "one LED pulse per counted repetition");
            assertEquals(1, buzzerRises.get());
            for (Pi4jOutputPin pin : tracker.outputs()) {
                assertEquals(DigitalState.LOW, pin.output().state(), pin.name() + " is off after the run");
            }
            assertEquals(TrackerStatus.STOPPED, tracker.runtime().status());
            assertEquals(reps, timeline.stream().filter(s -> s.equals("rep-led (BCM 17) on")).count());
        }
        SessionLogReader.Result log = SessionLogReader.read(dir.resolve("sessions").resolve(SessionLog.FILE_NAME));
        assertEquals(1, log.records().size());
        SetRecord record = log.records().get(0);
        assertEquals("squat", record.exercise());
        assertEquals(sink.all().size() / 30, record.reps());
        assertEquals(2, record.rawFiles().size());
        ImuRecording original = RecordingSource.of(file).recording();
        ImuRecording copy = MetaWearDatasetLoader.defaults().load(dir.resolve("sessions/raw")).get(0);
        assertEquals(original.accelerometer().size(), copy.accelerometer().size(), "the raw copy holds every sample");
        assertEquals(original.gyroscope().size(), copy.gyroscope().size());
        assertEquals(original.gyroscope().nominalRateHz(), copy.gyroscope().nominalRateHz());
        assertEquals(original.gyroscope().epochMillis(100), copy.gyroscope().epochMillis(100));
    }

    @Test
    void theButtonStartsAndEndsSetsOnALiveSensorAndInjectedBusErrorsAreRecovered() throws Exception {
        TrackerConfig config = config(Map.of("sensor.rate.hz", "200", "sensor.lowpass.hz", "94",
                "sensor.retry.initial.ms", "2", "sensor.retry.max.ms", "16", "gpio.set.end.active.low", "true"));
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("imu").bus(1).device(0x68).build());
        MockMpu6050Access chip = MockMpu6050Access.create(i2c, k -> new int[] {k % 50 * 100, 0, 8192, 0, 0, 0, k % 7});
        chip.failReads(40, 5);
        ScriptedSink sink = new ScriptedSink(20, 40, "bench");
        List<TrackerStatus> statuses = new CopyOnWriteArrayList<>();
        try (Tracker tracker = Tracker.create(config, pi4j, chip.source(config), sink, null)) {
            tracker.runtime().listen(new TrackerListener() {
                @Override
                public void statusChanged(TrackerStatus status, long atMillis) {
                    statuses.add(status);
                }
            });
            AtomicInteger ledRises = rises(tracker.outputs().get(0).output());
            DigitalOutput relay = tracker.outputs().get(1).output();
            assertEquals(DigitalState.HIGH, relay.state(), "an active-low relay is off at a high level");
            Thread loop = new Thread(tracker::run, "tracker-loop");
            loop.start();
            MockDigitalInput button = (MockDigitalInput) tracker.button().input();
            waitFor(() -> chip.dataReads() >= 10);
            press(button);
            waitFor(() -> tracker.runtime().recording());
            waitFor(() -> chip.dataReads() >= 200);
            press(button);
            waitFor(() -> !tracker.runtime().recording());
            waitFor(() -> ledRises.get() == tracker.runtime().reps()); // blinks still owed at the end play out
            tracker.stop();
            assertTrue(tracker.loop().awaitStopped(5, TimeUnit.SECONDS));
            loop.join(5000);

            assertEquals(5, tracker.loop().faults(), "each injected error is one fault");
            assertTrue(statuses.contains(TrackerStatus.SENSOR_FAULT), statuses.toString());
            int fault = statuses.indexOf(TrackerStatus.SENSOR_FAULT);
            assertTrue(statuses.subList(fault, statuses.size()).contains(TrackerStatus.RECORDING),
                    "back to recording after the recovery: " + statuses);
            // errors 1-2 are retried as reads; from the third on, every attempt re-initializes first
            assertEquals(1 + 3, chip.initializations());
            SetRecord record = SessionLogReader.read(tracker.log().file()).records().get(0);
            assertEquals(5, record.sensorFaults());
            assertEquals(sink.all().size(), record.samples());
            assertEquals(record.reps(), ledRises.get());
            assertTrue(record.reps() >= 3, "at 200 Hz the set holds well over 120 samples: " + record);
            assertEquals(DigitalState.HIGH, relay.state(), "the relay is off again (active low)");
            assertEquals(DigitalState.LOW, tracker.outputs().get(2).output().state());
        }
    }

    @Test
    void stoppingMidSetSwitchesEverythingOffAndSavesTheSet() throws Exception {
        TrackerConfig config = config(Map.of("sensor.rate.hz", "100", "sensor.lowpass.hz", "44"));
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("imu").bus(1).device(0x68).build());
        MockMpu6050Access chip = MockMpu6050Access.create(i2c, k -> new int[] {k % 30 * 200, 100, 8192, 0, 5, 0, k % 3});
        ScriptedSink sink = new ScriptedSink(5, 10, "ohp");
        try (Tracker tracker = Tracker.create(config, pi4j, chip.source(config), sink, null)) {
            Thread loop = new Thread(tracker::run, "tracker-loop");
            loop.start();
            press((MockDigitalInput) tracker.button().input());
            waitFor(() -> tracker.runtime().recording() && sink.all().size() > 40 && tracker.outputs().get(0).isOn());
            tracker.stop(); // what the SIGTERM shutdown hook does
            assertTrue(tracker.loop().awaitStopped(5, TimeUnit.SECONDS));
            for (Pi4jOutputPin pin : tracker.outputs()) {
                assertFalse(pin.isOn(), pin.name());
                assertEquals(DigitalState.LOW, pin.output().state(), pin.name());
            }
            List<SetRecord> records = SessionLogReader.read(tracker.log().file()).records();
            assertEquals(1, records.size(), "the interrupted set is saved");
            assertTrue(records.get(0).samples() > 40);
        }
    }

    @Test
    void anExceptionInTheClassifierLeavesEveryOutputOff() throws Exception {
        Path file = SimulatedSets.write(dir, Exercise.BENCH, Intensity.HEAVY);
        TrackerConfig config = config(Map.of("sensor.source", "replay", "sensor.replay.file", file.toString(),
                "sensor.replay.speed", "max"));
        ScriptedSink failing = new ScriptedSink(5, 10, "bench") {
            @Override
            public List<WindowResult> accept(ImuSample sample) {
                List<WindowResult> results = super.accept(sample);
                if (all().size() == 60) {
                    throw new IllegalStateException("classifier bug");
                }
                return results;
            }
        };
        try (Tracker tracker = Tracker.create(config, pi4j, Tracker.source(config, pi4j), failing, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, tracker::run);
            assertEquals("classifier bug", e.getMessage());
            for (Pi4jOutputPin pin : tracker.outputs()) {
                assertEquals(DigitalState.LOW, pin.output().state(), pin.name());
            }
        }
    }

    /** A press of a button to ground with pull-up: released (high), pressed (low), released. */
    private static void press(MockDigitalInput button) {
        button.mockState(DigitalState.HIGH);
        button.mockState(DigitalState.LOW);
        button.mockState(DigitalState.HIGH);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
