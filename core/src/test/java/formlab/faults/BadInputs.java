package formlab.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.model.ModelFileHeader;
import formlab.model.ModelFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A corpus of bad inputs for fault tests, generated from good files the tests make themselves
 * (nothing copied from the licensed datasets): truncated files, edited model cards, model files
 * with payloads the deserialization filter must refuse, and damaged recordings and tables.
 * Each method names the fault it makes; tests feed the result to the library or the command line
 * and check that the failure is reported, never absorbed.
 */
public final class BadInputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BadInputs() {
    }

    /** Cuts {@code file} to half its length. */
    public static Path truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Rewrites the JSON object in {@code file} after {@code edit} changed it (e.g. removed or altered a field). */
    public static Path editJson(Path file, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(node);
        return Files.writeString(file, JSON.writeValueAsString(node));
    }

    /**
     * A FormLab model file at {@code file} whose Smile payload is {@code payload} serialized, with a
     * correct header and SHA-256, so only the deserialization filter stands between it and use.
     */
    public static Path smileModelFile(Path file, Serializable payload) throws IOException {
        byte[] body = serialize(payload);
        ModelFileHeader header = new ModelFileHeader(ModelFiles.FORMAT_VERSION, "smile", "smile-gbt", Map.of(),
                List.of("f"), List.of("a", "b"), ModelFiles.sha256(body), body.length);
        byte[] json = new ObjectMapper().writeValueAsBytes(header);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(content);
        data.write("FORMLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(json.length);
        data.write(json);
        data.write(body);
        return Files.write(file, content.toByteArray());
    }

    /** Java serialization of {@code payload}, on a thread with a large stack so deeply nested payloads can be written. */
    private static byte[] serialize(Serializable payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IOException[] failure = new IOException[1];
        Thread writer = new Thread(null, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(payload);
            } catch (IOException e) {
                failure[0] = e;
            }
        }, "serialize", 256L << 20);
        writer.start();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while serializing", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return bytes.toByteArray();
    }

    /** Lists nested {@code depth} deep: only allowed classes, but deeper than the filter's depth limit. */
    public static Serializable nestedLists(int depth) {
        ArrayList<Object> outer = new ArrayList<>();
        ArrayList<Object> current = outer;
        for (int i = 1; i < depth; i++) {
            ArrayList<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return outer;
    }

    /** Replaces the cell at 1-based {@code line} and {@code column} of a CSV file with {@code value}. */
    public static Path setCell(Path csv, int line, int column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[column - 1] = value;
        lines.set(line - 1, String.join(",", cells));
        return Files.write(csv, lines);
    }

    /** Swaps 1-based lines {@code first} and {@code second} of a text file: rows out of time order. */
    public static Path swapLines(Path file, int first, int second) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String kept = lines.get(first - 1);
        lines.set(first - 1, lines.get(second - 1));
        lines.set(second - 1, kept);
        return Files.write(file, lines);
    }

    /**
     * Cuts a MetaWear CSV export (epoch milliseconds in column 1) to its first {@code seconds}: a set
     * that ended early. The header is kept.
     */
    public static Path keepFirstSeconds(Path metaWearCsv, double seconds) throws IOException {
        List<String> lines = Files.readAllLines(metaWearCsv);
        long start = Long.parseLong(lines.get(1).split(",", 2)[0]);
        List<String> kept = new ArrayList<>(List.of(lines.getFirst()));
        for (String line : lines.subList(1, lines.size())) {
            if (Long.parseLong(line.split(",", 2)[0]) - start <= seconds * 1000) {
                kept.add(line);
            }
        }
        return Files.write(metaWearCsv, kept);
    }

    /** Sets every accelerometer axis value of a MetaWear CSV export to (0, 0, 1) g: a sensor stuck flat. */
    public static Path flattenAxes(Path metaWearCsv) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(metaWearCsv));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[3] = "0.000";
            cells[4] = "0.000";
            cells[5] = "1.000";
            lines.set(i, String.join(",", cells));
        }
        return Files.write(metaWearCsv, lines);
    }

    /**
     * Copies the MetaWear files of one set (accelerometer and gyroscope, same folder) under another
     * participant's code: the same values claimed by two people. Returns the copies.
     */
    public static List<Path> copySetAs(Path folder, String setPrefix, String participant) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(setPrefix)).sorted().toList()) {
                String name = file.getFileName().toString();
                copies.add(Files.copy(file, folder.resolve(participant + name.substring(name.indexOf('-')))));
            }
        }
        return copies;
    }

    /** One row of the 11-keypoint yoga layout (class, 11 x, 11 y) for {@code label}, with a plausible standing pose. */
    public static String keypointRow(String label) {
        return label + ",1,2,-30,-40,30,40,3,-10,-11,10,11,160,110,60,10,61,11,12,-65,-150,-66,-151";
    }

    /** Rewrites the JSON array in {@code file} (such as a Label Studio export) after {@code edit} changed it. */
    public static Path editJsonArray(Path file, Consumer<com.fasterxml.jackson.databind.node.ArrayNode> edit) throws IOException {
        var array = (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(file.toFile());
        edit.accept(array);
        return Files.writeString(file, JSON.writeValueAsString(array));
    }

    /** A Label Studio export in which every annotation of task {@code index} (0-based) was cancelled. */
    public static Path cancelTask(Path export, int index) throws IOException {
        return editJsonArray(export, tasks -> tasks.get(index).get("annotations")
                .forEach(a -> ((ObjectNode) a).put("was_cancelled", true)));
    }

    /** A Label Studio export in which task {@code index} (0-based) has no annotations. */
    public static Path unannotateTask(Path export, int index) throws IOException {
        return editJsonArray(export, tasks -> ((ObjectNode) tasks.get(index)).putArray("annotations"));
    }

    /** A Label Studio export without task {@code index} (0-based). */
    public static Path dropTask(Path export, int index) throws IOException {
        return editJsonArray(export, tasks -> tasks.remove(index));
    }

    /**
     * Copies the MetaWear files of one set into {@code target} with the set part of the name (up to
     * {@code _MetaWear}) replaced by {@code setName}, e.g. {@code A-bench-half}: a bad-form set as the
     * real dataset names them. Returns the copies.
     */
    public static List<Path> copySetNamed(Path folder, String setPrefix, Path target, String setName) throws IOException {
        Files.createDirectories(target);
        List<Path> copies = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(setPrefix)).sorted().toList()) {
                String name = file.getFileName().toString();
                copies.add(Files.copy(file, target.resolve(setName + name.substring(name.indexOf("_MetaWear")))));
            }
        }
        return copies;
    }

    /** A serializable object of a class no model needs ({@link java.util.Date}). */
    public static Serializable foreignObject() {
        return new java.util.Date(0);
    }
}
