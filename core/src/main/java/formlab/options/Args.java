package formlab.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value} options, {@code --flag} switches and
 * positional values, in the GNU style ({@code --name=value} also works). Every option a command
 * reads is marked as used; {@link #rejectUnknown()} then reports any option nobody asked for.
 */
public final class Args {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    private Args() {
    }

    /**
     * Parses {@code arguments}. A token {@code --name} followed by a token that does not start
     * with {@code --} is an option with a value; otherwise it is a switch. {@code --} ends options.
     */
    public static Args parse(List<String> arguments) {
        Args args = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String token = arguments.get(i);
            if (optionsEnded || !token.startsWith("--")) {
                args.positionals.add(token);
            } else if (token.equals("--")) {
                optionsEnded = true;
            } else if (token.contains("=")) {
                int eq = token.indexOf('=');
                args.options.put(token.substring(2, eq), token.substring(eq + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                args.options.put(token.substring(2), arguments.get(++i));
            } else {
                args.options.put(token.substring(2), "true");
            }
        }
        return args;
    }

    /** The option's value, if given. */
    public Optional<String> option(String name) {
        used.add(name);
        return Optional.ofNullable(options.get(name));
    }

    /** The option's value, or {@code fallback}. */
    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    /** The option's value; a {@link UsageException} when missing. */
    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing option --" + name));
    }

    /** The option as a path, or {@code fallback}. */
    public Path path(String name, Path fallback) {
        return option(name).map(Path::of).orElse(fallback);
    }

    /** The option as an integer, or {@code fallback}; a {@link UsageException} when not a number. */
    public int integer(String name, int fallback) {
        return option(name).map(value -> parse(name, value, Integer::parseInt)).orElse(fallback);
    }

    /** The option as a decimal number, or {@code fallback}; a {@link UsageException} when not a number. */
    public double number(String name, double fallback) {
        return option(name).map(value -> parse(name, value, Double::parseDouble)).orElse(fallback);
    }

    /** True when the switch was given (as {@code --name} or {@code --name=true}). */
    public boolean flag(String name) {
        return option(name).map(value -> value.equals("true")).orElse(false);
    }

    /** Positional values, in order. */
    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** Throws a {@link UsageException} naming options that no command read. */
    public void rejectUnknown() {
        List<String> unknown = options.keySet().stream().filter(name -> !used.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option" + (unknown.size() > 1 ? "s" : "") + ": --" + String.join(", --", unknown));
        }
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects a number, got '" + value + "'");
        }
    }
}
