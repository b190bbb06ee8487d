package formlab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed reads from a hyperparameter map, which may come from code (Integer, Double) or from a
 * JSON model card (Integer, Long, Double, String). A missing key takes the default.
 */
public final class Hyperparameters {

    private Hyperparameters() {
    }

    /**
     * An unmodifiable copy in the same key order, with whole numbers as {@code Long} and reals as
     * {@code Double}, so maps from code and from JSON compare equal.
     */
    public static Map<String, Object> canonical(Map<String, ?> params) {
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((key, value) -> copy.put(key, switch (value) {
            case Integer i -> i.longValue();
            case Short i -> i.longValue();
            case Byte i -> i.longValue();
            case Float f -> f.doubleValue();
            case null -> throw new IllegalArgumentException("Hyperparameter '" + key + "' is null");
            default -> value;
        }));
        return Collections.unmodifiableMap(copy);
    }

    /** An integer value; accepts any integral number or numeric text. */
    public static int intValue(Map<String, ?> params, String key, int fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        double number = number(key, value);
        if (number != Math.rint(number)) {
            throw new IllegalArgumentException("Hyperparameter '" + key + "': expected an integer, found " + value);
        }
        return (int) number;
    }

    /** A long value (seeds); accepts any integral number or numeric text. */
    public static long longValue(Map<String, ?> params, String key, long fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Hyperparameter '" + key + "': expected a whole number, found " + value, e);
        }
    }

    /** A real value; accepts any number or numeric text. */
    public static double doubleValue(Map<String, ?> params, String key, double fallback) {
        Object value = params.get(key);
        return value == null ? fallback : number(key, value);
    }

    private static double number(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Hyperparameter '" + key + "': expected a number, found " + value, e);
        }
    }
}
