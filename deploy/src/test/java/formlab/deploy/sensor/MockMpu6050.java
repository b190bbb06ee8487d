package formlab.deploy.sensor;

import com.pi4j.io.i2c.I2C;
import formlab.deploy.sensor.SensorException.Kind;
import java.util.function.IntFunction;

/**
 * An MPU-6050 simulated on Pi4J's MockI2C: Pi4J's mock keeps one byte queue per register
 * (writes append, reads pop), so before each data read this device queues the next 14-byte frame
 * into {@code ACCEL_XOUT_H}, and before each {@code WHO_AM_I} read the identity byte. Register
 * writes stay queued in the mock where tests can pop and check them. Optionally the first
 * {@code failFrom}..{@code failFrom + failures - 1} data reads throw (an injected bus error).
 */
final class MockMpu6050 implements RegisterDevice {

    final I2C i2c;
    private final RegisterDevice bus;
    private final IntFunction<byte[]> frames;
    int identity = Mpu6050.WHO_AM_I_VALUE;
    int dataReads;
    int failFrom = Integer.MAX_VALUE;
    int failures;

    /** @param frames the frame of data read {@code k} (0-based) */
    MockMpu6050(I2C i2c, IntFunction<byte[]> frames) {
        this.i2c = i2c;
        this.bus = new Pi4jRegisterDevice(i2c);
        this.frames = frames;
    }

    @Override
    public void write(int register, int value) throws SensorException {
        bus.write(register, value);
    }

    @Override
    public int read(int register) throws SensorException {
        if (register == Mpu6050.WHO_AM_I) {
            i2c.writeRegister(register, (byte) identity);
        }
        return bus.read(register);
    }

    @Override
    public void read(int register, byte[] buffer) throws SensorException {
        if (register == Mpu6050.ACCEL_XOUT_H) {
            int k = dataReads++;
            if (k >= failFrom && k < failFrom + failures) {
                throw new SensorException(Kind.READ_FAILED, describe() + ": injected bus error on read " + k);
            }
            byte[] frame = frames.apply(k);
            i2c.writeRegister(register, frame, 0, frame.length);
        }
        bus.read(register, buffer);
    }

    @Override
    public String describe() {
        return "mock " + bus.describe();
    }

    /** A 14-byte frame holding the given raw counts (accel x,y,z, temperature, gyro x,y,z). */
    static byte[] frame(int ax, int ay, int az, int temperature, int gx, int gy, int gz) {
        int[] words = {ax, ay, az, temperature, gx, gy, gz};
        byte[] bytes = new byte[Mpu6050.FRAME_BYTES];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) (words[i] >> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return bytes;
    }
}
