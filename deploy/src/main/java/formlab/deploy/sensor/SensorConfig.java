package formlab.deploy.sensor;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where samples come from and how the MPU-6050 is set up.
 *
 * @param source             the real sensor or a replayed recording
 * @param replayFile         one file of a MetaWear accelerometer/gyroscope pair (replay only)
 * @param replaySpeed        replay speed relative to real time; {@code 0} = as fast as possible
 * @param i2cBus             I2C bus number ({@code /dev/i2c-N}; 1 on a Raspberry Pi 4)
 * @param i2cAddress         7-bit device address (0x68, or 0x69 with AD0 high)
 * @param rateHz             sampling rate: {@code 1000 / (1 + SMPLRT_DIV)}
 * @param accelRange         accelerometer full scale
 * @param gyroRange          gyroscope full scale
 * @param lowPass            on-chip low-pass bandwidth (below half the rate)
 * @param stallTimeoutMillis a sensor whose readings do not change for this long counts as stalled
 * @param retryInitialMillis first wait after a failed read; doubles on each further failure
 * @param retryMaxMillis     longest wait between retries
 */
public record SensorConfig(SourceKind source, Optional<Path> replayFile, double replaySpeed, int i2cBus, int i2cAddress,
                           double rateHz, AccelRange accelRange, GyroRange gyroRange, LowPassBandwidth lowPass,
                           long stallTimeoutMillis, long retryInitialMillis, long retryMaxMillis) {

    /** Which sensor source the runtime reads. */
    public enum SourceKind {
        /** An MPU-6050 on I2C. */
        MPU6050,
        /** A recorded MetaWear set played back. */
        REPLAY
    }

    /** The nominal time between samples, ms. */
    public double periodMillis() {
        return 1000.0 / rateHz;
    }
}
