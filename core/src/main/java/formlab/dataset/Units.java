package formlab.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quantities a channel may measure and the units each may be written in, with the factor to the
 * SI unit where there is one (g = 9.80665 m/s^2, deg/s = pi/180 rad/s). Units are spelled as in the
 * description schema: {@code g}, {@code m/s^2}, {@code deg/s}, {@code rad/s}, {@code uT}, ...
 */
public final class Units {

    private static final Map<String, Map<String, Double>> BY_QUANTITY = new LinkedHashMap<>();

    static {
        BY_QUANTITY.put("acceleration", ordered("m/s^2", 1.0, "g", 9.80665));
        BY_QUANTITY.put("angular-velocity", ordered("rad/s", 1.0, "deg/s", Math.PI / 180));
        BY_QUANTITY.put("magnetic-field", ordered("T", 1.0, "uT", 1e-6, "gauss", 1e-4, "relative", Double.NaN));
        BY_QUANTITY.put("orientation", ordered("rad", 1.0, "deg", Math.PI / 180, "quaternion", Double.NaN));
        BY_QUANTITY.put("other", ordered("relative", Double.NaN));
    }

    private Units() {
    }

    /** The quantities, in the order of the documentation. */
    public static List<String> quantities() {
        return List.copyOf(BY_QUANTITY.keySet());
    }

    /** The units {@code quantity} may be written in (empty for an unknown quantity). */
    public static List<String> units(String quantity) {
        return List.copyOf(BY_QUANTITY.getOrDefault(quantity, Map.of()).keySet());
    }

    /** The factor from {@code unit} to the quantity's SI unit; empty for relative units or unknown ones. */
    public static Optional<Double> toSi(String quantity, String unit) {
        Double factor = BY_QUANTITY.getOrDefault(quantity, Map.of()).get(unit);
        return factor == null || factor.isNaN() ? Optional.empty() : Optional.of(factor);
    }

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> units = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            units.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return units;
    }
}
