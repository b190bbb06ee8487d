package formlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The form cues of the live page, read from {@code /formlab/server/live/cues.properties}: one text per
 * situation, so that the wording is data and can change without code.
 */
final class LiveCues {

    static final String NO_PERSON = "noPerson";
    static final String FULL_BODY = "fullBody";
    static final String STANDING = "standing";
    static final String LOWER = "lower";
    static final String DEPTH = "depth";

    private static final String RESOURCE = "/formlab/server/live/cues.properties";
    private final Properties texts = new Properties();

    /** Reads the texts; every key above must be there. */
    LiveCues() {
        try (InputStream in = LiveCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : List.of(NO_PERSON, FULL_BODY, STANDING, LOWER, DEPTH)) {
            if (texts.getProperty(key, "").isBlank()) {
                throw new IllegalStateException(RESOURCE + " has no text for '" + key + "'");
            }
        }
    }

    String text(String key) {
        return texts.getProperty(key);
    }
}
