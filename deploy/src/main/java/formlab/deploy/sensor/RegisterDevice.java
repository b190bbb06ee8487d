package formlab.deploy.sensor;

/**
 * A chip addressed by 8-bit registers, as on I2C: the narrow view the {@link Mpu6050} driver
 * needs. {@link Pi4jRegisterDevice} implements it over a Pi4J {@code I2C}; tests wrap it to
 * inject failures.
 */
public interface RegisterDevice {

    /** Writes one byte to {@code register}. */
    void write(int register, int value) throws SensorException;

    /** Reads one byte (0-255) from {@code register}. */
    int read(int register) throws SensorException;

    /** Reads {@code buffer.length} bytes starting at {@code register} (the chip auto-increments). */
    void read(int register, byte[] buffer) throws SensorException;

    /** A short description, e.g. {@code I2C bus 1 address 0x68}. */
    String describe();
}
