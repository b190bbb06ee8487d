package formlab.deploy.sensor;

/**
 * Driver for the InvenSense MPU-6050 six-axis IMU over a {@link RegisterDevice}.
 *
 * <p>{@link #initialize()} wakes the chip (it powers up asleep), selects the X-gyro PLL as clock
 * (more stable than the internal oscillator, datasheet sec. 4.28), checks {@code WHO_AM_I}, and
 * writes the sample-rate divider, low-pass filter and full-scale ranges of {@link Mpu6050Settings}.
 * {@link #read(long)} reads the 14 bytes from {@code ACCEL_XOUT_H} in one burst (accelerometer,
 * temperature, gyroscope: big-endian signed 16-bit each, so all six axes belong to one instant)
 * and converts counts to g and deg/s with the ranges' sensitivities.
 */
public final class Mpu6050 {

    /** Default 7-bit address (AD0 low); 0x69 with AD0 high. */
    public static final int DEFAULT_ADDRESS = 0x68;
    /** Sample-rate divider: rate = 1 kHz / (1 + SMPLRT_DIV) with the low-pass filter on. */
    public static final int SMPLRT_DIV = 0x19;
    /** Frame sync and digital low-pass filter ({@code DLPF_CFG}). */
    public static final int CONFIG = 0x1A;
    /** Gyroscope full scale ({@code FS_SEL}). */
    public static final int GYRO_CONFIG = 0x1B;
    /** Accelerometer full scale ({@code AFS_SEL}). */
    public static final int ACCEL_CONFIG = 0x1C;
    /** First of the 14 data registers (ACCEL_XOUT_H .. GYRO_ZOUT_L). */
    public static final int ACCEL_XOUT_H = 0x3B;
    /** Power management: {@code SLEEP} (bit 6) and clock source ({@code CLKSEL}, bits 2:0). */
    public static final int PWR_MGMT_1 = 0x6B;
    /** Identity register: bits 6:1 of the address, 0x68 for every MPU-6050. */
    public static final int WHO_AM_I = 0x75;
    /** Expected {@code WHO_AM_I} value. */
    public static final int WHO_AM_I_VALUE = 0x68;
    /** {@code PWR_MGMT_1} value that wakes the chip with the X-gyro PLL as clock. */
    public static final int WAKE_WITH_PLL = 0x01;
    /** Bytes in one burst read from {@link #ACCEL_XOUT_H}. */
    public static final int FRAME_BYTES = 14;

    private final RegisterDevice device;
    private final Mpu6050Settings settings;
    private final byte[] frame = new byte[FRAME_BYTES];

    /**
     * @param device   the chip's registers
     * @param settings ranges, rate and filter to configure
     */
    public Mpu6050(RegisterDevice device, Mpu6050Settings settings) {
        this.device = device;
        this.settings = settings;
    }

    /** Wakes and configures the chip; also the recovery step after a brown-out put it back to sleep. */
    public void initialize() throws SensorException {
        device.write(PWR_MGMT_1, WAKE_WITH_PLL);
        int identity = device.read(WHO_AM_I);
        if (identity != WHO_AM_I_VALUE) {
            throw new SensorException(SensorException.Kind.WRONG_DEVICE, device.describe() + ": WHO_AM_I is "
                    + Pi4jRegisterDevice.hex(identity) + ", expected " + Pi4jRegisterDevice.hex(WHO_AM_I_VALUE)
                    + " (MPU-6050); an MPU-6500/9250 answers 0x70/0x71 and needs its own driver");
        }
        device.write(SMPLRT_DIV, settings.sampleRateDivider());
        device.write(CONFIG, settings.lowPass().registerValue());
        device.write(GYRO_CONFIG, settings.gyroRange().registerValue());
        device.write(ACCEL_CONFIG, settings.accelRange().registerValue());
    }

    /** Reads one sample and stamps it with {@code epochMillis}. */
    public ImuSample read(long epochMillis) throws SensorException {
        device.read(ACCEL_XOUT_H, frame);
        return convert(frame, epochMillis, settings);
    }

    /** The raw bytes of the last {@link #read(long)} (a copy), for stall detection. */
    public byte[] lastFrame() {
        return frame.clone();
    }

    /** Converts a 14-byte frame (accel x,y,z, temperature, gyro x,y,z; big-endian) to a sample. */
    public static ImuSample convert(byte[] frame, long epochMillis, Mpu6050Settings settings) {
        double g = settings.accelRange().lsbPerG();
        double dps = settings.gyroRange().lsbPerDps();
        return ImuSample.both(epochMillis, word(frame, 0) / g, word(frame, 2) / g, word(frame, 4) / g,
                word(frame, 8) / dps, word(frame, 10) / dps, word(frame, 12) / dps);
    }

    /** Signed 16-bit big-endian value at {@code offset}. */
    static short word(byte[] bytes, int offset) {
        return (short) (((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF));
    }

    /** The settings the chip is configured with. */
    public Mpu6050Settings settings() {
        return settings;
    }

    /** The device description for messages. */
    public String describe() {
        return "MPU-6050 on " + device.describe();
    }
}
