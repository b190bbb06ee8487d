package formlab.deploy.config;

import formlab.deploy.sensor.SensorConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Pi runtime is configured with, validated: read with {@link TrackerConfigReader}
 * from a properties file (see {@code formlab-tracker.properties} in the bundle for every key).
 *
 * @param sensor   sample source and MPU-6050 settings
 * @param gpio     pins of LEDs, buzzer/relay and button
 * @param feedback pulse lengths
 * @param session  session log folder and raw-file naming
 * @param stream   timestamp rules
 * @param model    the exercise model: a registry version folder; empty = the model bundled in the JAR
 */
public record TrackerConfig(SensorConfig sensor, GpioConfig gpio, FeedbackConfig feedback, SessionConfig session,
                            StreamConfig stream, Optional<Path> model) {

    /** The configuration with every key at its default. */
    public static TrackerConfig defaults() {
        return TrackerConfigReader.read(Map.of(), Map.of());
    }
}
