package formlab.deploy.sensor;

/**
 * Full-scale ranges of the MPU-6050 gyroscope with their register code ({@code FS_SEL}, bits 4:3
 * of {@code GYRO_CONFIG}) and sensitivity in LSB per deg/s (datasheet, section 6.1).
 */
public enum GyroRange {
    /** +-250 deg/s, 131 LSB/(deg/s). */
    DPS250(250, 0, 131.0),
    /** +-500 deg/s, 65.5 LSB/(deg/s). */
    DPS500(500, 1, 65.5),
    /** +-1000 deg/s, 32.8 LSB/(deg/s). */
    DPS1000(1000, 2, 32.8),
    /** +-2000 deg/s, 16.4 LSB/(deg/s). */
    DPS2000(2000, 3, 16.4);

    private final int degreesPerSecond;
    private final int code;
    private final double lsbPerDps;

    GyroRange(int degreesPerSecond, int code, double lsbPerDps) {
        this.degreesPerSecond = degreesPerSecond;
        this.code = code;
        this.lsbPerDps = lsbPerDps;
    }

    /** Full scale in deg/s. */
    public int degreesPerSecond() {
        return degreesPerSecond;
    }

    /** The value of {@code GYRO_CONFIG}: {@code FS_SEL} shifted into bits 4:3, self-test off. */
    public int registerValue() {
        return code << 3;
    }

    /** Raw counts per deg/s. */
    public double lsbPerDps() {
        return lsbPerDps;
    }

    /** The range of {@code dps} full scale, or null when the sensor has none. */
    public static GyroRange ofDps(int dps) {
        for (GyroRange range : values()) {
            if (range.degreesPerSecond == dps) {
                return range;
            }
        }
        return null;
    }
}
