package formlab.imu;

/** Physical unit of the values of a sensor series. */
public enum MeasurementUnit {
    /** Standard gravity, 9.80665 m/s^2: MetaWear accelerometers report in g. */
    G("g"),
    /** Degrees per second: MetaWear gyroscopes report in deg/s. */
    DEGREES_PER_SECOND("deg/s");

    private final String symbol;

    MeasurementUnit(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol as written in file headers, e.g. {@code g} or {@code deg/s}. */
    public String symbol() {
        return symbol;
    }
}
