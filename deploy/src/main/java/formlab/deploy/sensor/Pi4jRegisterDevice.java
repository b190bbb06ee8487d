package formlab.deploy.sensor;

import com.pi4j.io.i2c.I2C;

/**
 * {@link RegisterDevice} over a Pi4J {@link I2C} handle (linuxfs on a Pi, the mock provider in
 * tests). Pi4J reports bus errors as unchecked exceptions and short reads as small counts; both
 * become {@link SensorException}s naming bus, address and register.
 */
public final class Pi4jRegisterDevice implements RegisterDevice {

    private final I2C i2c;

    /** Wraps an open Pi4J I2C device. */
    public Pi4jRegisterDevice(I2C i2c) {
        this.i2c = i2c;
    }

    @Override
    public void write(int register, int value) throws SensorException {
        try {
            i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new SensorException(SensorException.Kind.WRITE_FAILED, describe() + ": writing register "
                    + hex(register) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(int register) throws SensorException {
        byte[] one = new byte[1];
        read(register, one);
        return one[0] & 0xFF;
    }

    @Override
    public void read(int register, byte[] buffer) throws SensorException {
        int count;
        try {
            count = i2c.readRegister(register, buffer, 0, buffer.length);
        } catch (RuntimeException e) {
            throw new SensorException(SensorException.Kind.READ_FAILED, describe() + ": reading " + buffer.length
                    + " bytes from register " + hex(register) + " failed: " + e.getMessage(), e);
        }
        if (count != buffer.length) {
            throw new SensorException(SensorException.Kind.READ_FAILED, describe() + ": reading register "
                    + hex(register) + " returned " + count + " of " + buffer.length + " bytes");
        }
    }

    @Override
    public String describe() {
        return "I2C bus " + i2c.bus() + " address " + hex(i2c.device());
    }

    static String hex(int value) {
        return String.format("0x%02X", value);
    }
}
