package formlab.deploy.sensor;


/**
 * How the MPU-6050 is configured.
 *
 * @param rateHz     sampling rate, {@code 1000 / n} Hz for a whole n from 1 to 256
 * @param accelRange accelerometer full scale
 * @param gyroRange  gyroscope full scale
 * @param lowPass    digital low-pass bandwidth (keeps the 1 kHz base rate)
 */
public record Mpu6050Settings(double rateHz, AccelRange accelRange, GyroRange gyroRange, LowPassBandwidth lowPass) {

    public Mpu6050Settings {
        double n = 1000.0 / rateHz;
        if (!(rateHz > 0) || Math.abs(n - Math.round(n)) > 1e-9 || n < 1 || n > 256) {
            throw new IllegalArgumentException("rate " + rateHz + " Hz is not 1000/n Hz for a whole n from 1 to 256");
        }
    }

    /** The settings of a validated tracker configuration. */
    public static Mpu6050Settings of(SensorConfig config) {
        return new Mpu6050Settings(config.rateHz(), config.accelRange(), config.gyroRange(), config.lowPass());
    }

    /** {@code SMPLRT_DIV}: {@code 1000 / rate - 1}. */
    public int sampleRateDivider() {
        return (int) Math.round(1000.0 / rateHz) - 1;
    }
}
