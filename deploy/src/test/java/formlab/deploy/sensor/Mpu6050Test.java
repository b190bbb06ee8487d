package formlab.deploy.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import formlab.deploy.Pi4jContexts;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Mpu6050Test {

    private Context pi4j;
    private I2C i2c;

    @BeforeEach
    void mockPlatform() {
        pi4j = Pi4jContexts.mock();
        i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("imu").bus(1).device(0x68).build());
    }

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private static Mpu6050Settings settings(AccelRange accel, GyroRange gyro) {
        return new Mpu6050Settings(50, accel, gyro, LowPassBandwidth.HZ21);
    }

    @Test
    void initializeWakesTheChipAndWritesRateFilterAndRanges() throws SensorException {
        MockMpu6050 device = new MockMpu6050(i2c, k -> new byte[14]);
        new Mpu6050(device, new Mpu6050Settings(50, AccelRange.G4, GyroRange.DPS500, LowPassBandwidth.HZ21)).initialize();
        assertEquals(0x01, i2c.readRegister(Mpu6050.PWR_MGMT_1), "awake (SLEEP bit clear) with the X-gyro PLL");
        assertEquals(19, i2c.readRegister(Mpu6050.SMPLRT_DIV), "1 kHz / (1 + 19) = 50 Hz");
        assertEquals(4, i2c.readRegister(Mpu6050.CONFIG), "DLPF_CFG 4 = 21 Hz");
        assertEquals(0x08, i2c.readRegister(Mpu6050.GYRO_CONFIG), "FS_SEL 1 = +-500 deg/s in bits 4:3");
        assertEquals(0x08, i2c.readRegister(Mpu6050.ACCEL_CONFIG), "AFS_SEL 1 = +-4 g in bits 4:3");
    }

    @Test
    void otherRatesAndRangesGiveTheirRegisterValues() throws SensorException {
        MockMpu6050 device = new MockMpu6050(i2c, k -> new byte[14]);
        new Mpu6050(device, new Mpu6050Settings(12.5, AccelRange.G16, GyroRange.DPS2000, LowPassBandwidth.HZ5)).initialize();
        i2c.readRegister(Mpu6050.PWR_MGMT_1);
        assertEquals(79, i2c.readRegister(Mpu6050.SMPLRT_DIV));
        assertEquals(6, i2c.readRegister(Mpu6050.CONFIG));
        assertEquals(0x18, i2c.readRegister(Mpu6050.GYRO_CONFIG));
        assertEquals(0x18, i2c.readRegister(Mpu6050.ACCEL_CONFIG));
    }

    @Test
    void aDifferentChipIsRejectedWithItsIdentity() {
        MockMpu6050 device = new MockMpu6050(i2c, k -> new byte[14]);
        device.identity = 0x70;
        SensorException e = assertThrows(SensorException.class,
                () -> new Mpu6050(device, settings(AccelRange.G4, GyroRange.DPS500)).initialize());
        assertEquals(SensorException.Kind.WRONG_DEVICE, e.kind());
        assertTrue(e.getMessage().contains("0x70") && e.getMessage().contains("bus 1") && e.getMessage().contains("0x68"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(AccelRange.class)
    void accelerometerCountsScaleWithTheRange(AccelRange range) throws SensorException {
        int oneG = (int) range.lsbPerG();
        MockMpu6050 device = new MockMpu6050(i2c, k -> MockMpu6050.frame(oneG, -oneG / 2, -32768, 0x1234, 0, 0, 0));
        ImuSample s = new Mpu6050(device, settings(range, GyroRange.DPS250)).read(1000);
        assertEquals(1.0, s.ax(), 1e-12);
        assertEquals(-0.5, s.ay(), 1e-12);
        assertEquals(-range.g(), s.az(), 1e-12, "-32768 counts is the negative full scale");
        assertEquals(1000, s.epochMillis());
    }

    @ParameterizedTest
    @EnumSource(GyroRange.class)
    void gyroscopeCountsScaleWithTheRange(GyroRange range) throws SensorException {
        int hundredDps = (int) Math.round(100 * range.lsbPerDps());
        MockMpu6050 device = new MockMpu6050(i2c, k -> MockMpu6050.frame(0, 0, 0, 0, hundredDps, -hundredDps, 32767));
        ImuSample s = new Mpu6050(device, settings(AccelRange.G2, range)).read(0);
        assertEquals(100, s.gx(), 0.5 / range.lsbPerDps() * 100);
        assertEquals(-100, s.gy(), 0.5 / range.lsbPerDps() * 100);
        assertEquals(32767 / range.lsbPerDps(), s.gz(), 1e-9);
        assertTrue(Math.abs(s.gz() - range.degreesPerSecond()) < 0.01 * range.degreesPerSecond(),
                "+32767 counts is about the positive full scale");
    }

    @Test
    void bytesAreBigEndianSignedWords() throws SensorException {
        byte[] frame = {(byte) 0xFF, (byte) 0xFE, 0x01, 0x00, 0x7F, (byte) 0xFF, 0, 0, (byte) 0x80, 0x00, 0, 1, 0, 0};
        MockMpu6050 device = new MockMpu6050(i2c, k -> frame);
        Mpu6050 chip = new Mpu6050(device, settings(AccelRange.G2, GyroRange.DPS250));
        ImuSample s = chip.read(0);
        assertEquals(-2 / 16384.0, s.ax(), 1e-15);
        assertEquals(256 / 16384.0, s.ay(), 1e-15);
        assertEquals(32767 / 16384.0, s.az(), 1e-15);
        assertEquals(-32768 / 131.0, s.gx(), 1e-12);
        assertEquals(1 / 131.0, s.gy(), 1e-12);
        assertArrayEquals(frame, chip.lastFrame());
    }

    @Test
    void aShortReadIsAReadFailureNamingTheRegister() {
        RegisterDevice bus = new Pi4jRegisterDevice(i2c);
        i2c.writeRegister(Mpu6050.ACCEL_XOUT_H, new byte[6], 0, 6);
        SensorException e = assertThrows(SensorException.class, () -> new Mpu6050(bus,
                settings(AccelRange.G4, GyroRange.DPS500)).read(0));
        assertEquals(SensorException.Kind.READ_FAILED, e.kind());
        assertTrue(e.getMessage().contains("0x3B") && e.getMessage().contains("6 of 14"), e.getMessage());
    }

    @Test
    void frozenReadingsAreReportedAsAStallAfterTheTimeout() throws SensorException {
        AtomicLong clock = new AtomicLong(0);
        MockMpu6050 device = new MockMpu6050(i2c, k -> k < 5 ? MockMpu6050.frame(k, 0, 8192, 0, 0, 0, 0)
                : MockMpu6050.frame(4, 0, 8192, 0, 0, 0, 0));
        Mpu6050Source source = new Mpu6050Source(new Mpu6050(device, settings(AccelRange.G4, GyroRange.DPS500)),
                clock::get, 500, null);
        source.open();
        for (int k = 0; k < 5; k++) {
            clock.set(k * 20L);
            source.read();
        }
        // from read 4 on the frame repeats; at 20 ms per read the stall shows 500 ms after read 4 (t = 80 ms)
        for (long t = 100; t < 580; t += 20) {
            clock.set(t);
            source.read();
        }
        clock.set(580);
        SensorException e = assertThrows(SensorException.class, source::read);
        assertEquals(SensorException.Kind.STALLED, e.kind());
        assertTrue(e.getMessage().contains("500 ms"), e.getMessage());
    }
}
