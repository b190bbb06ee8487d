package formlab.deploy.sensor;

/**
 * Settings of the MPU-6050 digital low-pass filter ({@code DLPF_CFG}, bits 2:0 of {@code CONFIG})
 * by accelerometer bandwidth. Setting 0 (260 Hz) is left out on purpose: it switches the gyroscope
 * output rate from 1 kHz to 8 kHz, which would change the meaning of the sample-rate divider, and
 * a 260 Hz bandwidth aliases at every rate this tracker samples at.
 */
public enum LowPassBandwidth {
    /** 184 Hz (gyro 188 Hz). */
    HZ184(184, 1),
    /** 94 Hz (gyro 98 Hz). */
    HZ94(94, 2),
    /** 44 Hz (gyro 42 Hz). */
    HZ44(44, 3),
    /** 21 Hz (gyro 20 Hz). */
    HZ21(21, 4),
    /** 10 Hz. */
    HZ10(10, 5),
    /** 5 Hz. */
    HZ5(5, 6);

    private final int hz;
    private final int code;

    LowPassBandwidth(int hz, int code) {
        this.hz = hz;
        this.code = code;
    }

    /** Accelerometer bandwidth in Hz. */
    public int hz() {
        return hz;
    }

    /** The value of {@code CONFIG} ({@code DLPF_CFG}; no frame sync). */
    public int registerValue() {
        return code;
    }

    /** The setting with bandwidth {@code hz}, or null. */
    public static LowPassBandwidth ofHz(int hz) {
        for (LowPassBandwidth b : values()) {
            if (b.hz == hz) {
                return b;
            }
        }
        return null;
    }
}
