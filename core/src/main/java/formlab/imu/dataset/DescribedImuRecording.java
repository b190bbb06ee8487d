package formlab.imu.dataset;

import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording of a dataset read through its description ({@link DescribedImuReader}): the signal of
 * each part (sensor unit or sensor file) with units converted, and the labels the description gives
 * it. Acceleration is in g, angular velocity in deg/s (what {@code exercise.ExercisePipeline} expects),
 * magnetic field in uT when the description gives a physical unit, orientation in degrees; relative
 * units stay as recorded.
 *
 * @param id          the recording's identity (its identifying path groups joined by {@code /})
 * @param groups      the values of its path groups (part excluded)
 * @param subject     the subject (for splits by subject)
 * @param label       the class
 * @param parts       the signal of each part, by part name ({@code ""} when the description has no parts)
 * @param repetitions annotated repetitions as [start, end] in rows of the recording (the description's
 *                    boundaries); may be empty
 * @param qualities   execution quality of each annotated repetition (same order); empty when none
 * @param count       the repetition count (fixed or annotated), or null when unknown
 * @param sources     the files it was read from (one per part)
 */
public record DescribedImuRecording(String id, Map<String, String> groups, String subject, String label,
        Map<String, Part> parts, List<double[]> repetitions, List<String> qualities, Integer count,
        List<java.nio.file.Path> sources) {

    /** Name of the one sensor unit of a recording whose accelerometer and gyroscope come in separate parts. */
    public static final String COMBINED = "combined";

    /** Compact constructor: copies the collections. */
    public DescribedImuRecording {
        Objects.requireNonNull(id, "id");
        groups = Map.copyOf(groups);
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        repetitions = List.copyOf(repetitions);
        qualities = List.copyOf(qualities);
        sources = List.copyOf(sources);
    }

    /**
     * The signal of one part (one file of the recording).
     *
     * @param name       the part's name (value of the description's part group)
     * @param rateHz     its sample rate: the description's {@code time.rate}, else the median time step
     * @param millis     time of each row, milliseconds (strictly increasing)
     * @param channels   channel names, in the description's order
     * @param quantities each channel's quantity ({@code acceleration}, {@code angular-velocity}, ...)
     * @param units      each channel's unit after conversion ({@code g}, {@code deg/s}, ...)
     * @param values     values per channel: {@code values[channel][row]}
     */
    public record Part(String name, double rateHz, long[] millis, List<String> channels, List<String> quantities, List<String> units,
            double[][] values) {

        /** Rows of the part. */
        public int rows() {
            return millis.length;
        }

        /** Indices of the channels of {@code quantity}, in order. */
        public List<Integer> channelsOf(String quantity) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < quantities.size(); i++) {
                if (quantities.get(i).equals(quantity)) {
                    found.add(i);
                }
            }
            return found;
        }
    }

    /**
     * The sensor units: each part holding three acceleration and three angular-velocity channels is
     * one unit (named as the part); when no part holds both, but the parts together do (a MetaWear
     * pair, a phone export), they form the one unit {@value #COMBINED}. Empty when the recording has
     * no accelerometer and gyroscope.
     */
    public List<String> units() {
        List<String> units = new ArrayList<>();
        for (Part part : parts.values()) {
            if (part.channelsOf(ACCELERATION).size() >= 3 && part.channelsOf(ANGULAR_VELOCITY).size() >= 3) {
                units.add(part.name());
            }
        }
        if (units.isEmpty() && find(ACCELERATION).isPresent() && find(ANGULAR_VELOCITY).isPresent()) {
            units.add(COMBINED);
        }
        return units;
    }

    /**
     * The accelerometer (g) and gyroscope (deg/s) series of sensor unit {@code unit} (first three
     * channels of each quantity, as x, y, z).
     *
     * @throws IllegalArgumentException when the recording has no such unit (the message lists its units)
     */
    public Sensors sensors(String unit) {
        if (!units().contains(unit)) {
            throw new IllegalArgumentException("recording " + id + " has no sensor unit '" + unit + "'; its units: "
                    + String.join(", ", units()));
        }
        Part acc = unit.equals(COMBINED) ? find(ACCELERATION).orElseThrow() : parts.get(unit);
        Part gyr = unit.equals(COMBINED) ? find(ANGULAR_VELOCITY).orElseThrow() : parts.get(unit);
        return new Sensors(series(SensorKind.ACCELEROMETER, acc, ACCELERATION), series(SensorKind.GYROSCOPE, gyr, ANGULAR_VELOCITY));
    }

    /** Seconds from the first sample to the last, over all parts. */
    public double seconds() {
        long first = parts.values().stream().filter(p -> p.rows() > 0).mapToLong(p -> p.millis()[0]).min().orElse(0);
        long last = parts.values().stream().filter(p -> p.rows() > 0).mapToLong(p -> p.millis()[p.rows() - 1]).max().orElse(0);
        return (last - first) / 1000.0;
    }

    /**
     * Accelerometer and gyroscope of one sensor unit, as the exercise pipeline reads them.
     *
     * @param accelerometer acceleration in g
     * @param gyroscope     angular velocity in deg/s
     */
    public record Sensors(SensorSeries accelerometer, SensorSeries gyroscope) {
    }

    private static final String ACCELERATION = "acceleration";
    private static final String ANGULAR_VELOCITY = "angular-velocity";

    private Optional<Part> find(String quantity) {
        return parts.values().stream().filter(p -> p.channelsOf(quantity).size() >= 3).findFirst();
    }

    private SensorSeries series(SensorKind kind, Part part, String quantity) {
        List<Integer> channels = part.channelsOf(quantity);
        return new SensorSeries(kind, part.rateHz(), part.millis(), part.values()[channels.get(0)], part.values()[channels.get(1)],
                part.values()[channels.get(2)]);
    }
}
