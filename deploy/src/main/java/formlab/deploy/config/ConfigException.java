package formlab.deploy.config;

/**
 * A tracker configuration value that is missing, malformed or out of range. The message names
 * where the value came from (file and line, or the command line), the key, the value found and
 * what was expected, e.g.
 * {@code formlab-tracker.properties:12: gpio.rep.led = 40: expected a BCM GPIO number 0-27}.
 */
public class ConfigException extends RuntimeException {

    private final String key;

    /**
     * @param origin where the value came from, e.g. {@code tracker.properties:12} or {@code command line}
     * @param key    the configuration key
     * @param detail what was found and what was expected
     */
    public ConfigException(String origin, String key, String detail) {
        super(origin + ": " + key + " " + detail);
        this.key = key;
    }

    /** The key whose value is wrong. */
    public String key() {
        return key;
    }
}
