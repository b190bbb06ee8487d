package formlab.deploy.config;

import formlab.deploy.sensor.SensorConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.sensor.AccelRange;
import formlab.deploy.sensor.GyroRange;
import formlab.deploy.sensor.LowPassBandwidth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerConfigReaderTest {

    @TempDir
    Path dir;

    private static ConfigException fails(String text) {
        return assertThrows(ConfigException.class, () -> TrackerConfigReader.parse("t.properties", text, Path.of("/base"), Map.of()));
    }

    @Test
    void defaultsDescribeAPi4WithAnMpu6050At25Hz() {
        TrackerConfig config = TrackerConfig.defaults();
        assertEquals(SensorConfig.SourceKind.MPU6050, config.sensor().source());
        assertEquals(1, config.sensor().i2cBus());
        assertEquals(0x68, config.sensor().i2cAddress());
        assertEquals(25, config.sensor().rateHz());
        assertEquals(AccelRange.G4, config.sensor().accelRange());
        assertEquals(GyroRange.DPS500, config.sensor().gyroRange());
        assertEquals(LowPassBandwidth.HZ5, config.sensor().lowPass());
        assertEquals(17, config.gpio().repLed());
        assertTrue(config.model().isEmpty(), "the bundled model");
    }

    @Test
    void valuesAreReadWithHexAddressesAndRelativePathsFromTheWorkingDirectory() throws Exception {
        Path file = dir.resolve("tracker.properties");
        Files.writeString(file, """
                # comment
                i2c.address = 0x69
                sensor.rate.hz = 100
                sensor.lowpass.hz: 44
                gpio.rep.led=5
                session.dir = logs
                session.intensity = heavy
                """);
        TrackerConfig config = TrackerConfigReader.read(file, Map.of());
        assertEquals(0x69, config.sensor().i2cAddress());
        assertEquals(100, config.sensor().rateHz());
        assertEquals(LowPassBandwidth.HZ44, config.sensor().lowPass());
        assertEquals(5, config.gpio().repLed());
        assertEquals(Path.of("logs").toAbsolutePath(), config.session().directory());
        assertEquals(formlab.imu.Intensity.HEAVY, config.session().intensity());
    }

    @Test
    void errorsNameFileLineKeyValueAndWhatWasExpected() {
        ConfigException e = fails("sensor.rate.hz = 25\n\ngpio.rep.led = 40\n");
        assertEquals("gpio.rep.led", e.key());
        assertEquals("t.properties:3: gpio.rep.led = '40': expected a whole number from 0 to 27 (BCM numbering)", e.getMessage());
        assertTrue(fails("sensor.accel.range.g = 3").getMessage().contains("expected 2, 4, 8 or 16"));
        assertTrue(fails("gpio.button.active.low = maybe").getMessage().contains("expected true or false"));
        assertTrue(fails("i2c.address = 0x70").getMessage().contains("i2c.address = '0x70'"));
    }

    @Test
    void aTypoIsAnUnknownKeyWithASuggestion() {
        ConfigException e = fails("gpio.rep.lde = 5");
        assertTrue(e.getMessage().startsWith("t.properties:1: gpio.rep.lde is not a known key (did you mean gpio.rep.led?)"),
                e.getMessage());
    }

    @Test
    void ratesMustDivideTheChipsOneKilohertz() {
        assertTrue(fails("sensor.rate.hz = 30").getMessage().contains("1000/n Hz"));
        ConfigException aliasing = fails("sensor.rate.hz = 25\nsensor.lowpass.hz = 21");
        assertEquals("sensor.lowpass.hz", aliasing.key());
        assertTrue(aliasing.getMessage().contains("half the sampling rate (12.5 Hz)"), aliasing.getMessage());
    }

    @Test
    void pinsMustBeDistinctAndStayOffTheSensorsI2cLines() {
        ConfigException twice = fails("gpio.status.led = 17");
        assertTrue(twice.getMessage().contains("BCM 17, which gpio.rep.led already uses"), twice.getMessage());
        ConfigException sda = fails("gpio.button = 2");
        assertTrue(sda.getMessage().contains("SDA line of I2C bus 1"), sda.getMessage());
    }

    @Test
    void replayNeedsAnExistingFileAndCommandLineOverridesAreNamed() {
        ConfigException missing = fails("sensor.source = replay");
        assertEquals("sensor.replay.file", missing.key());
        ConfigException override = assertThrows(ConfigException.class, () -> TrackerConfigReader.parse("t.properties", "",
                dir, Map.of("sensor.source", "replay", "sensor.replay.file", "nope.csv")));
        assertTrue(override.getMessage().startsWith("command line: sensor.replay.file = 'nope.csv': names no file"),
                override.getMessage());
        assertEquals(0, TrackerConfigReader.parse("t", "sensor.replay.speed = max", dir, Map.of()).sensor().replaySpeed());
    }

    @Test
    void retryLimitsMustBeOrdered() {
        assertEquals("sensor.retry.max.ms", fails("sensor.retry.initial.ms = 500\nsensor.retry.max.ms = 100").key());
    }
}
