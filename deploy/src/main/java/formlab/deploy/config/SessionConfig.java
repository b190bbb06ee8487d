package formlab.deploy.config;

import formlab.imu.Intensity;
import java.nio.file.Path;

/**
 * Where and under which names sets are logged.
 *
 * @param directory   folder of the session log and the raw CSV files (created if missing)
 * @param participant participant code written into the raw file names (letters and digits)
 * @param intensity   intensity written into the raw file names (heavy or medium), so that the
 *                    files load back through the MetaWear dataset loader
 */
public record SessionConfig(Path directory, String participant, Intensity intensity) {
}
