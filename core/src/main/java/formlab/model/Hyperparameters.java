package formlab.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed reads from a hyperparameter map, which may come from code (Integer, Double) or from a
 * JSON model card (Integer, Long, Double, String). A missing key takes the default.
 *
 * <p>Trainers are records whose components are their hyperparameters: {@link #of(Record)} and
 * {@link #toRecord(Class, Map, Record)} turn one into a map and back, so a trainer does not list
 * its parameters a second and third time.
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

    /**
     * The components of a trainer record as a hyperparameter map, in declaration order ({@code float}
     * widened to {@code double}): what the trainer writes on a model card.
     */
    public static Map<String, Object> of(Record params) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : params.getClass().getRecordComponents()) {
            Object value = read(component, params);
            map.put(component.getName(), value instanceof Float f ? (Object) f.doubleValue() : value);
        }
        return map;
    }

    /**
     * A trainer record built from a hyperparameter map: each component is read from the map by its
     * name (components are {@code int}, {@code long}, {@code float} or {@code double}), or taken from
     * {@code defaults} when the key is missing. The record's own validation runs as usual.
     *
     * @throws IllegalArgumentException for a value of the wrong kind, or one the record rejects
     */
    public static <R extends Record> R toRecord(Class<R> type, Map<String, ?> params, R defaults) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = components[i].getName();
            Object fallback = read(components[i], defaults);
            Class<?> kind = components[i].getType();
            values[i] = kind == int.class ? intValue(params, key, (Integer) fallback)
                    : kind == long.class ? longValue(params, key, (Long) fallback)
                    : kind == double.class ? doubleValue(params, key, (Double) fallback)
                    : kind == float.class ? (float) doubleValue(params, key, (Float) fallback)
                    : unsupported(type, key, kind);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from hyperparameters", e);
        }
    }

    private static Object unsupported(Class<?> type, String key, Class<?> kind) {
        throw new IllegalArgumentException(type.getSimpleName() + " hyperparameter '" + key + "' has unsupported type " + kind);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
        }
    }
}
