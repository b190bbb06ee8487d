package formlab.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a description file stands (line and column), so checks made after parsing
 * (units, patterns, columns) can point at the key. Keys are written in dotted form:
 * {@code channels[2].unit}.
 */
final class KeyLocations {

    private final Path file;
    private final Map<String, JsonLocation> locations;

    private KeyLocations(Path file, Map<String, JsonLocation> locations) {
        this.file = file;
        this.locations = locations;
    }

    /** Records the location of every field and array element of {@code json} (which must be well-formed). */
    static KeyLocations of(Path file, String json) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String key = dotted(parser.getParsingContext().pathAsPointer().toString());
                locations.putIfAbsent(key, parser.currentTokenLocation());
            }
        }
        return new KeyLocations(file, locations);
    }

    /** "/channels/2/unit" as "channels[2].unit". */
    static String dotted(String pointer) {
        StringBuilder key = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                key.append('[').append(name).append(']');
            } else {
                key.append(key.isEmpty() ? "" : ".").append(name);
            }
        }
        return key.toString();
    }

    /** The description file. */
    Path file() {
        return file;
    }

    /** 1-based line of {@code key}, or of its nearest enclosing key that is present; 0 when none is. */
    int line(String key) {
        JsonLocation location = nearest(key);
        return location == null ? 0 : location.getLineNr();
    }

    /** An error at {@code key} (or at its nearest enclosing key, when the key itself is missing). */
    DescriptionException error(String key, String detail) {
        JsonLocation location = nearest(key);
        return new DescriptionException(file, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), key, detail, null);
    }

    /** "description FILE, line L, key K": where a recording error's expectation was stated. */
    String cite(String key) {
        return "key '" + key + "' at " + formlab.data.DataFileException.location(file, line(key), 0);
    }

    private JsonLocation nearest(String key) {
        String current = key;
        while (true) {
            JsonLocation location = locations.get(current);
            if (location != null || current.isEmpty()) {
                return location;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
    }
}
