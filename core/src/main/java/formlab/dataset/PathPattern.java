package formlab.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern with named groups: {@code s{subject}/e{exercise}/u{unit}/{session}.txt}. A group
 * {@code {name}} matches one or more characters other than {@code /} (as few as possible);
 * {@code {name:regex}} matches the regular expression. Everything else is literal text, and the
 * pattern must match the whole relative path (with {@code /} separators).
 */
public final class PathPattern {

    private static final Pattern GROUP = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?::((?:[^{}]|\\{[^{}]*\\})*))?\\}");

    private final String text;
    private final Pattern regex;
    private final List<String> groups;

    private PathPattern(String text, Pattern regex, List<String> groups) {
        this.text = text;
        this.regex = regex;
        this.groups = groups;
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException naming the problem: a group named twice, a bad regular expression
     */
    public static PathPattern compile(String text) {
        StringBuilder regex = new StringBuilder();
        List<String> groups = new ArrayList<>();
        Matcher matcher = GROUP.matcher(text);
        int end = 0;
        while (matcher.find()) {
            regex.append(literal(text.substring(end, matcher.start())));
            String name = matcher.group(1);
            if (groups.contains(name)) {
                throw new IllegalArgumentException("group {" + name + "} appears twice in '" + text + "'");
            }
            groups.add(name);
            String body = matcher.group(2) == null ? "[^/]+?" : matcher.group(2);
            regex.append("(?<").append(name).append('>').append(body).append(')');
            end = matcher.end();
        }
        regex.append(literal(text.substring(end)));
        if (text.substring(end).contains("{") || text.substring(end).contains("}")) {
            throw new IllegalArgumentException("'" + text + "' has a brace that is not a group {name} or {name:regex}");
        }
        try {
            return new PathPattern(text, Pattern.compile(regex.toString()), List.copyOf(groups));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid pattern: " + e.getDescription(), e);
        }
    }

    private static String literal(String text) {
        if (text.contains("{") || text.contains("}")) {
            throw new IllegalArgumentException("a brace in '" + text + "' is not a group {name} or {name:regex}");
        }
        return text.isEmpty() ? "" : Pattern.quote(text);
    }

    /** The group values when {@code path} matches entirely, in the order of the pattern. */
    public Optional<Map<String, String>> match(String path) {
        Matcher matcher = regex.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String group : groups) {
            values.put(group, matcher.group(group));
        }
        return Optional.of(values);
    }

    /** The group names, in order. */
    public List<String> groups() {
        return groups;
    }

    @Override
    public String toString() {
        return text;
    }
}
