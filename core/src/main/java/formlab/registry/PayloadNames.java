package formlab.registry;

import java.util.regex.Pattern;

/** Rules for payload format names and payload file names (see {@link ModelPayload}). */
final class PayloadNames {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private PayloadNames() {
    }

    static void requireFormat(String format) {
        if (format == null || !FORMAT.matcher(format).matches()) {
            throw new IllegalArgumentException("Payload format '" + format
                    + "' must be 1-64 characters of lower-case letters, digits, '.', '_' or '-'");
        }
    }

    static void requirePayloadName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(ModelRegistry.CARD_FILE)) {
            throw new IllegalArgumentException("Payload name '" + name + "' must be a plain file or folder name"
                    + " (letters, digits, '.', '_', '-'; no path separators) other than " + ModelRegistry.CARD_FILE);
        }
    }
}
