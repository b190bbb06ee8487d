package formlab.deploy.sensor;

import com.pi4j.io.i2c.I2C;
import formlab.deploy.config.TrackerConfig;
import java.util.function.IntFunction;

/** Public test access to {@link MockMpu6050} for tests in other packages: a simulated chip and its source. */
public final class MockMpu6050Access {

    private final MockMpu6050 device;
    private int initializations;

    private MockMpu6050Access(MockMpu6050 device) {
        this.device = device;
    }

    /** A chip whose data read {@code k} returns the raw counts {@code counts.apply(k)} (ax, ay, az, temp, gx, gy, gz). */
    public static MockMpu6050Access create(I2C i2c, IntFunction<int[]> counts) {
        return new MockMpu6050Access(new MockMpu6050(i2c, k -> {
            int[] c = counts.apply(k);
            return MockMpu6050.frame(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
        }));
    }

    /** Makes data reads {@code from .. from + count - 1} throw a bus error. */
    public void failReads(int from, int count) {
        device.failFrom = from;
        device.failures = count;
    }

    /** Data reads attempted so far. */
    public int dataReads() {
        return device.dataReads;
    }

    /** How often the chip was (re-)initialized. */
    public int initializations() {
        return initializations;
    }

    /** The live source over this chip, configured as {@code config} says. */
    public SensorSource source(TrackerConfig config) {
        RegisterDevice counting = new RegisterDevice() {
            @Override
            public void write(int register, int value) throws SensorException {
                if (register == Mpu6050.PWR_MGMT_1) {
                    initializations++;
                }
                device.write(register, value);
            }

            @Override
            public int read(int register) throws SensorException {
                return device.read(register);
            }

            @Override
            public void read(int register, byte[] buffer) throws SensorException {
                device.read(register, buffer);
            }

            @Override
            public String describe() {
                return device.describe();
            }
        };
        return new Mpu6050Source(new Mpu6050(counting, Mpu6050Settings.of(config.sensor())), new MonotonicClock(),
                config.sensor().stallTimeoutMillis(), null);
    }
}
