package formlab.deploy.sensor;

/**
 * Full-scale ranges of the MPU-6050 accelerometer with their register code ({@code AFS_SEL},
 * bits 4:3 of {@code ACCEL_CONFIG}) and sensitivity in LSB per g (datasheet, section 6.2).
 */
public enum AccelRange {
    /** +-2 g, 16384 LSB/g. */
    G2(2, 0, 16384.0),
    /** +-4 g, 8192 LSB/g. */
    G4(4, 1, 8192.0),
    /** +-8 g, 4096 LSB/g. */
    G8(8, 2, 4096.0),
    /** +-16 g, 2048 LSB/g. */
    G16(16, 3, 2048.0);

    private final int g;
    private final int code;
    private final double lsbPerG;

    AccelRange(int g, int code, double lsbPerG) {
        this.g = g;
        this.code = code;
        this.lsbPerG = lsbPerG;
    }

    /** Full scale in g (2, 4, 8 or 16). */
    public int g() {
        return g;
    }

    /** The value of {@code ACCEL_CONFIG}: {@code AFS_SEL} shifted into bits 4:3, self-test off. */
    public int registerValue() {
        return code << 3;
    }

    /** Raw counts per g. */
    public double lsbPerG() {
        return lsbPerG;
    }

    /** The range of {@code g} full scale, or null when the sensor has none. */
    public static AccelRange ofG(int g) {
        for (AccelRange range : values()) {
            if (range.g == g) {
                return range;
            }
        }
        return null;
    }
}
