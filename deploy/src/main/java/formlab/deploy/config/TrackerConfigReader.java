package formlab.deploy.config;

import formlab.deploy.sensor.SensorConfig;
import formlab.deploy.sensor.SensorConfig.SourceKind;
import formlab.deploy.sensor.AccelRange;
import formlab.deploy.sensor.GyroRange;
import formlab.deploy.sensor.LowPassBandwidth;
import formlab.imu.Intensity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@link TrackerConfig} from a Java properties file plus overrides (from
 * the command line). Every key has a default ({@link #DEFAULTS}); unknown keys are errors (a typo
 * would otherwise silently fall back to a default pin). Each problem is a {@link ConfigException}
 * naming the file and line (or "command line"), the key, the value and what was expected.
 */
public final class TrackerConfigReader {

    /** Marker value of {@code model.path} for the model bundled in the JAR. */
    public static final String BUNDLED_MODEL = "bundled";

    /** Every key with its default value, in the order of the sample configuration. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final Pattern PARTICIPANT = Pattern.compile("[A-Za-z0-9]+");
    private static final int MAX_BCM_PIN = 27;

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private TrackerConfigReader(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sensor.source", "mpu6050");
        d.put("sensor.replay.file", "");
        d.put("sensor.replay.speed", "1");
        d.put("i2c.bus", "1");
        d.put("i2c.address", "0x68");
        d.put("sensor.rate.hz", "25");
        d.put("sensor.accel.range.g", "4");
        d.put("sensor.gyro.range.dps", "500");
        d.put("sensor.lowpass.hz", "5");
        d.put("sensor.stall.timeout.ms", "1000");
        d.put("sensor.retry.initial.ms", "100");
        d.put("sensor.retry.max.ms", "5000");
        d.put("stream.max.gap.ms", "5000");
        d.put("gpio.rep.led", "17");
        d.put("gpio.status.led", "27");
        d.put("gpio.set.end", "22");
        d.put("gpio.set.end.active.low", "false");
        d.put("gpio.button", "23");
        d.put("gpio.button.active.low", "true");
        d.put("gpio.button.debounce.ms", "30");
        d.put("feedback.rep.pulse.ms", "150");
        d.put("feedback.set.end.pulse.ms", "600");
        d.put("model.path", BUNDLED_MODEL);
        d.put("session.dir", "sessions");
        d.put("session.participant", "P1");
        d.put("session.intensity", "medium");
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Reads {@code file} and applies {@code overrides} (e.g. from the command line) on top;
     * relative paths resolve against the working directory (as for command-line arguments).
     */
    public static TrackerConfig read(Path file, Map<String, String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file.toString(), "(file)", "does not exist; expected a tracker properties file"
                    + " (the bundle ships formlab-tracker.properties as a template)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return parse(file.toString(), text, Path.of("").toAbsolutePath(), overrides);
    }

    /**
     * Reads properties {@code text} (named {@code name} in messages); relative paths resolve
     * against {@code base}.
     */
    public static TrackerConfig parse(String name, String text, Path base, Map<String, String> overrides) {
        Properties properties = new Properties();
        try (Reader in = new StringReader(text)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(name, "(file)", "is not a valid properties file: " + e.getMessage());
        }
        Map<String, String> file = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            file.put(key, properties.getProperty(key).strip());
            origins.put(key, name + ":" + lineOf(text, key));
        }
        return read(file, origins, overrides, base);
    }

    /** Reads from plain maps: {@code file} values (no origin known) and {@code overrides}. */
    public static TrackerConfig read(Map<String, String> file, Map<String, String> overrides) {
        Map<String, String> origins = new HashMap<>();
        file.keySet().forEach(key -> origins.put(key, "configuration"));
        return read(file, origins, overrides, Path.of(""));
    }

    private static TrackerConfig read(Map<String, String> file, Map<String, String> fileOrigins,
                                      Map<String, String> overrides, Path base) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> origins = new HashMap<>();
        DEFAULTS.keySet().forEach(key -> origins.put(key, "default"));
        merge(file, fileOrigins, values, origins, null);
        merge(overrides, Map.of(), values, origins, "command line");
        return new TrackerConfigReader(values, origins).build(base);
    }

    private static void merge(Map<String, String> source, Map<String, String> sourceOrigins, Map<String, String> values,
                              Map<String, String> origins, String origin) {
        for (Map.Entry<String, String> e : source.entrySet()) {
            String where = origin != null ? origin : sourceOrigins.getOrDefault(e.getKey(), "configuration");
            if (!DEFAULTS.containsKey(e.getKey())) {
                throw new ConfigException(where, e.getKey(), "is not a known key" + suggestion(e.getKey())
                        + "; known keys: " + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
            }
            values.put(e.getKey(), e.getValue().strip());
            origins.put(e.getKey(), where);
        }
    }

    private TrackerConfig build(Path base) {
        SourceKind source = switch (text("sensor.source").toLowerCase(Locale.ROOT)) {
            case "mpu6050" -> SourceKind.MPU6050;
            case "replay" -> SourceKind.REPLAY;
            default -> throw error("sensor.source", "expected mpu6050 or replay");
        };
        Optional<Path> replayFile = path("sensor.replay.file", base);
        if (source == SourceKind.REPLAY) {
            if (replayFile.isEmpty()) {
                throw error("sensor.replay.file", "is empty; sensor.source = replay needs a MetaWear CSV file to replay");
            }
            if (!Files.isRegularFile(replayFile.get())) {
                throw error("sensor.replay.file", "names no file (" + replayFile.get().toAbsolutePath()
                        + "); expected a MetaWear Accelerometer or Gyroscope CSV export");
            }
        }
        double speed = text("sensor.replay.speed").equalsIgnoreCase("max") ? 0 : number("sensor.replay.speed", 0.01, 10_000);
        int bus = integer("i2c.bus", 0, 22);
        int address = integer("i2c.address", 0x68, 0x69);
        double rate = number("sensor.rate.hz", 4, 1000);
        double divider = 1000.0 / rate;
        if (Math.abs(divider - Math.round(divider)) > 1e-9) {
            throw error("sensor.rate.hz", "expected 1000/n Hz for a whole n from 1 to 250 (the MPU-6050 divides"
                    + " its 1 kHz output rate), e.g. 100, 50, 25 or 12.5");
        }
        AccelRange accel = AccelRange.ofG(integer("sensor.accel.range.g", 2, 16));
        if (accel == null) {
            throw error("sensor.accel.range.g", "expected 2, 4, 8 or 16 (g full scale)");
        }
        GyroRange gyro = GyroRange.ofDps(integer("sensor.gyro.range.dps", 250, 2000));
        if (gyro == null) {
            throw error("sensor.gyro.range.dps", "expected 250, 500, 1000 or 2000 (deg/s full scale)");
        }
        LowPassBandwidth lowPass = LowPassBandwidth.ofHz(integer("sensor.lowpass.hz", 5, 184));
        if (lowPass == null) {
            throw error("sensor.lowpass.hz", "expected one of the MPU-6050 bandwidths 184, 94, 44, 21, 10 or 5 Hz");
        }
        if (lowPass.hz() >= rate / 2) {
            throw error("sensor.lowpass.hz", "is not below half the sampling rate (" + rate / 2
                    + " Hz): the signal would alias; choose a smaller bandwidth or raise sensor.rate.hz");
        }
        long stall = integer("sensor.stall.timeout.ms", 50, 600_000);
        long retryInitial = integer("sensor.retry.initial.ms", 1, 600_000);
        long retryMax = integer("sensor.retry.max.ms", 1, 3_600_000);
        if (retryMax < retryInitial) {
            throw error("sensor.retry.max.ms", "is below sensor.retry.initial.ms (" + retryInitial + "); expected max >= initial");
        }
        SensorConfig sensor = new SensorConfig(source, replayFile, speed, bus, address, rate, accel, gyro, lowPass,
                stall, retryInitial, retryMax);

        GpioConfig gpio = new GpioConfig(pin("gpio.rep.led", bus), pin("gpio.status.led", bus), pin("gpio.set.end", bus),
                bool("gpio.set.end.active.low"), pin("gpio.button", bus), bool("gpio.button.active.low"),
                integer("gpio.button.debounce.ms", 0, 1000));
        checkDistinct(List.of("gpio.rep.led", "gpio.status.led", "gpio.set.end", "gpio.button"));

        FeedbackConfig feedback = new FeedbackConfig(integer("feedback.rep.pulse.ms", 10, 5000),
                integer("feedback.set.end.pulse.ms", 10, 10_000));

        String participant = text("session.participant");
        if (!PARTICIPANT.matcher(participant).matches()) {
            throw error("session.participant", "expected letters and digits only (it becomes part of the raw file names)");
        }
        Intensity intensity = switch (text("session.intensity").toLowerCase(Locale.ROOT)) {
            case "heavy" -> Intensity.HEAVY;
            case "medium" -> Intensity.MEDIUM;
            default -> throw error("session.intensity", "expected heavy or medium");
        };
        Path sessionDir = path("session.dir", base)
                .orElseThrow(() -> error("session.dir", "is empty; expected a folder for the session log"));
        SessionConfig session = new SessionConfig(sessionDir, participant, intensity);

        StreamConfig stream = new StreamConfig(integer("stream.max.gap.ms", Math.round(2 * sensor.periodMillis()), 600_000));

        Optional<Path> model = text("model.path").equalsIgnoreCase(BUNDLED_MODEL) ? Optional.empty() : path("model.path", base);
        if (model.isPresent() && !Files.isRegularFile(model.get().resolve("card.json"))) {
            throw error("model.path", "names no model version folder (" + model.get().toAbsolutePath() + " holds no card.json);"
                    + " expected a registry version folder such as models/imu-exercise/v1, or '" + BUNDLED_MODEL + "'");
        }
        return new TrackerConfig(sensor, gpio, feedback, session, stream, model);
    }

    private int pin(String key, int i2cBus) {
        int pin = integer(key, 0, MAX_BCM_PIN);
        if (i2cBus == 1 && (pin == 2 || pin == 3)) {
            throw error(key, "uses BCM " + pin + ", the " + (pin == 2 ? "SDA" : "SCL") + " line of I2C bus 1 that the"
                    + " sensor is on; choose another pin");
        }
        return pin;
    }

    private void checkDistinct(List<String> keys) {
        Map<String, String> byValue = new HashMap<>();
        for (String key : keys) {
            String pin = String.valueOf(Integer.decode(values.get(key)));
            String other = byValue.putIfAbsent(pin, key);
            if (other != null) {
                throw error(key, "uses BCM " + pin + ", which " + other + " already uses; expected one pin per device");
            }
        }
    }

    private String text(String key) {
        return values.get(key);
    }

    private Optional<Path> path(String key, Path base) {
        String value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return Optional.of(path.isAbsolute() || base == null ? path : base.resolve(path));
    }

    private int integer(String key, long min, long max) {
        String value = text(key);
        long parsed;
        try {
            parsed = Long.decode(value);
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number from " + min + " to " + max + range(key));
        }
        if (parsed < min || parsed > max) {
            throw error(key, "expected a whole number from " + min + " to " + max + range(key));
        }
        return (int) parsed;
    }

    private double number(String key, double min, double max) {
        String value = text(key);
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!(parsed >= min && parsed <= max)) {
            throw error(key, "expected a number from " + plain(min) + " to " + plain(max) + range(key));
        }
        return parsed;
    }

    private boolean bool(String key) {
        return switch (text(key).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw error(key, "expected true or false");
        };
    }

    private static String range(String key) {
        return key.startsWith("gpio.") && !key.endsWith(".ms") && !key.endsWith(".low") ? " (BCM numbering)" : "";
    }

    private ConfigException error(String key, String expected) {
        return new ConfigException(origins.getOrDefault(key, "default"), key, "= '" + values.get(key) + "': " + expected);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** 1-based line on which {@code key} is assigned in properties {@code text}, or 0 if not found. */
    static int lineOf(String text, String key) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(key)) {
                String rest = line.substring(key.length());
                if (rest.isEmpty() || rest.charAt(0) == '=' || rest.charAt(0) == ':' || Character.isWhitespace(rest.charAt(0))) {
                    found = i + 1; // the last assignment wins in Properties, so keep looking
                }
            }
        }
        return found;
    }

    private static String suggestion(String key) {
        Set<String> known = DEFAULTS.keySet();
        List<String> sorted = new ArrayList<>(known);
        sorted.sort(Comparator.comparingInt(k -> distance(k, key)));
        String best = sorted.get(0);
        return distance(best, key) <= 3 ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
