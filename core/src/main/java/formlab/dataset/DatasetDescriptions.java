package formlab.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import formlab.data.DataSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads dataset descriptions: from a file, from a dataset folder holding {@value #FILE_NAME}, or by
 * the name of a description shipped with FormLab ({@link #builtInNames()}). Reading is strict: bad
 * JSON, an unknown key, a value of the wrong type, an unknown format, quantity or unit, a pattern that
 * does not compile, all fail with a {@link DescriptionException} naming the file, line and key.
 */
public final class DatasetDescriptions {

    /** The description file a dataset folder holds. */
    public static final String FILE_NAME = "formlab-dataset.json";

    private static final String RESOURCES = "formlab/dataset/descriptions/";

    /** No guessing: unknown keys, duplicates, "30" for 30 and 2.5 for a whole number are errors. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DatasetDescriptions() {
    }

    /** Reads the description {@code file}; its dataset folder is its {@code folder} key or the file's folder. */
    public static LoadedDescription read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DescriptionException(file, 0, 0, "", "cannot read the description: " + e, e);
        }
        DatasetDescription description = parse(file, text);
        Path base = file.toAbsolutePath().normalize().getParent();
        Path folder = description.folder() == null ? base : base.resolve(description.folder()).normalize();
        return new LoadedDescription(description, file, false, folder, keys(file, text));
    }

    /** The names of the descriptions shipped with FormLab, in order. */
    public static List<String> builtInNames() {
        try (InputStream index = resource("index.txt")) {
            if (index == null) {
                return List.of();
            }
            return Arrays.stream(new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The built-in description {@code name}; its dataset folder is {@code <data root>/<folder key or name>}
     * when the data root ({@code FORMLAB_DATA_DIR}) is set.
     *
     * @throws IllegalArgumentException when there is no such built-in description
     */
    public static LoadedDescription builtIn(String name) {
        if (!builtInNames().contains(name)) {
            throw new IllegalArgumentException("no built-in description '" + name + "'; built-in: "
                    + String.join(", ", builtInNames()));
        }
        Path file = Path.of(RESOURCES + name + ".json");
        String text;
        try (InputStream in = resource(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in description " + file + " is listed in index.txt but missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetDescription description = parse(file, text);
        String folderName = description.folder() == null ? name : description.folder();
        Path folder = DataSettings.dataRoot().map(root -> root.resolve(folderName)).orElse(null);
        return new LoadedDescription(description, file, true, folder, keys(file, text));
    }

    /** The text of {@code loaded}'s description file (for a built-in one, its resource), as written. */
    public static String text(LoadedDescription loaded) {
        try (InputStream in = loaded.builtIn() ? resource(loaded.file().getFileName().toString())
                : Files.newInputStream(loaded.file())) {
            if (in == null) {
                throw new IllegalStateException("built-in description " + loaded.file() + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + loaded.file(), e);
        }
    }

    /**
     * The description a user names: a description file, a dataset folder holding {@value #FILE_NAME},
     * a dataset folder named like a built-in description (that description applied to the folder), or
     * the name of a built-in description.
     *
     * @throws IllegalArgumentException when {@code argument} is none of these
     */
    public static LoadedDescription locate(String argument) {
        Path path = Path.of(argument);
        if (Files.isRegularFile(path)) {
            return read(path);
        }
        if (Files.isDirectory(path)) {
            Path file = path.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            String folderName = path.toAbsolutePath().normalize().getFileName().toString();
            if (builtInNames().contains(folderName)) {
                return builtIn(folderName).withFolder(path);
            }
            throw new IllegalArgumentException("folder " + path + " holds no " + FILE_NAME
                    + " and is not named like a built-in description (" + String.join(", ", builtInNames()) + ")");
        }
        if (builtInNames().contains(argument)) {
            return builtIn(argument);
        }
        throw new IllegalArgumentException("'" + argument + "' is no description file, dataset folder or built-in"
                + " description; built-in: " + String.join(", ", builtInNames()));
    }

    /** Parses and checks the description text of {@code file}. */
    static DatasetDescription parse(Path file, String text) {
        DatasetDescription description;
        try {
            description = JSON.readValue(text, DatasetDescription.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw error(file, e, "unknown key '" + e.getPropertyName() + "'" + known);
        } catch (JsonMappingException e) {
            throw error(file, e, e.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").replaceAll(" of type `[^`]*`", ""));
        } catch (JsonProcessingException e) {
            throw error(file, e, "not valid JSON: " + e.getOriginalMessage());
        }
        if (description == null) {
            throw new DescriptionException(file, 1, 1, "", "the description is empty (null)", null);
        }
        DescriptionRules.check(description, keys(file, text));
        return description;
    }

    private static DescriptionException error(Path file, JsonProcessingException e, String detail) {
        JsonLocation location = e.getLocation();
        String key = e instanceof JsonMappingException mapping ? key(mapping.getPath()) : "";
        return new DescriptionException(file, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), key, detail, e);
    }

    private static String key(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static KeyLocations keys(Path file, String text) {
        try {
            return KeyLocations.of(file, text);
        } catch (IOException e) {
            throw new DescriptionException(file, 0, 0, "", "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        return DatasetDescriptions.class.getClassLoader().getResourceAsStream(RESOURCES + name);
    }
}
