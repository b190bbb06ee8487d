package formlab.image;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.data.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which image of a dataset is in which split, written to a JSON file so a split is reproducible
 * and can be inspected (and diffed) by people. Each entry holds the path relative to the dataset
 * root, the class, the split, the SHA-256 of the file's content and its near-duplicate group
 * (groups never straddle splits), so a changed or missing file
 * is noticed ({@link #verify(Path)}). The file's own SHA-256 ({@link #sha256()}) identifies the split
 * in model cards.
 *
 * <p>JSON rather than CSV: Jackson (already a dependency) parses it with line and column in its
 * errors, and paths with spaces or commas need no quoting rules.
 *
 * @param dataset name of the dataset (folder name)
 * @param seed    seed of the split
 * @param ratios  train / validation / test fractions
 * @param classes class names, sorted
 * @param entries one entry per image, sorted by class then path
 */
public record SplitManifest(String dataset, long seed, SplitRatios ratios, List<String> classes,
                            List<ManifestEntry> entries) {

    /** Format tag written in the file. */
    public static final String FORMAT = "formlab-split-manifest/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SplitManifest {
        classes = List.copyOf(classes);
        entries = List.copyOf(entries);
    }

    /** A new seeded stratified split of the images of {@code scan}. */
    public static SplitManifest create(ImageFolderScan scan, SplitRatios ratios, long seed) {
        return new SplitManifest(scan.root().getFileName().toString(), seed, ratios, scan.classes(),
                StratifiedSplitter.split(scan.images(), ratios, seed));
    }

    /**
     * The manifest stored in {@code file} when it still describes exactly the images of
     * {@code scan} (same paths, classes and content); otherwise a new split with {@code ratios} and
     * {@code seed}, written to {@code file}. Reusing keeps a split stable across runs; a changed
     * folder gets a fresh split rather than a silently inconsistent one.
     */
    public static SplitManifest loadOrCreate(ImageFolderScan scan, Path file, SplitRatios ratios, long seed) {
        if (Files.isRegularFile(file)) {
            try {
                SplitManifest stored = read(file);
                if (stored.describes(scan) && stored.seed == seed && stored.ratios.equals(ratios)) {
                    return stored;
                }
            } catch (ImageDatasetException e) {
                // A damaged manifest is replaced by a fresh one below.
            }
        }
        SplitManifest manifest = create(scan, ratios, seed);
        manifest.write(file);
        return manifest;
    }

    /** True when this manifest lists exactly the images of {@code scan} with the same classes and content. */
    public boolean describes(ImageFolderScan scan) {
        if (scan.images().size() != entries.size() || !scan.classes().equals(classes)) {
            return false;
        }
        Map<String, ManifestEntry> byPath = new LinkedHashMap<>();
        entries.forEach(entry -> byPath.put(entry.path(), entry));
        for (ImageEntry image : scan.images()) {
            ManifestEntry entry = byPath.get(image.path());
            if (entry == null || !entry.label().equals(image.label()) || !entry.sha256().equals(image.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** The entries of one split, in manifest order. */
    public List<ManifestEntry> entries(Split split) {
        return entries.stream().filter(entry -> entry.split() == split).toList();
    }

    /** The manifest as JSON text (deterministic: the same manifest always gives the same bytes). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("dataset", dataset);
        root.put("seed", seed);
        ObjectNode ratioNode = root.putObject("ratios");
        ratioNode.put("train", ratios.train());
        ratioNode.put("validation", ratios.validation());
        ratioNode.put("test", ratios.test());
        ArrayNode classNode = root.putArray("classes");
        classes.forEach(classNode::add);
        ArrayNode images = root.putArray("images");
        for (ManifestEntry entry : entries) {
            ObjectNode node = images.addObject();
            node.put("path", entry.path());
            node.put("class", entry.label());
            node.put("split", entry.split().key());
            node.put("sha256", entry.sha256());
            node.put("group", entry.group());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise split manifest", e);
        }
    }

    /** SHA-256 of the manifest's JSON bytes: the identity of this split in model cards. */
    public String sha256() {
        return ImageDecoder.sha256(toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the manifest to {@code file} atomically (temp file, then rename); returns its SHA-256. */
    public String write(Path file) {
        String json = toJson();
        AtomicFiles.writeString(file, json);
        return ImageDecoder.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a manifest written by {@link #write(Path)}.
     *
     * @throws ImageDatasetException ({@code BAD_MANIFEST}) naming the file, line and column of the problem
     */
    public static SplitManifest read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ImageDatasetException(ImageDatasetException.Problem.BAD_MANIFEST, file, "no such manifest file");
        } catch (IOException e) {
            throw new ImageDatasetException(ImageDatasetException.Problem.UNREADABLE, file, "cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ImageDatasetException(ImageDatasetException.Problem.BAD_MANIFEST, file,
                    where + "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw bad(file, "expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        JsonNode ratioNode = root.path("ratios");
        SplitRatios ratios;
        try {
            ratios = new SplitRatios(number(file, ratioNode, "train"), number(file, ratioNode, "validation"),
                    number(file, ratioNode, "test"));
        } catch (IllegalArgumentException e) {
            throw bad(file, "\"ratios\": " + e.getMessage());
        }
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(node -> classes.add(node.asText()));
        JsonNode images = root.path("images");
        if (!images.isArray()) {
            throw bad(file, "expected an \"images\" array");
        }
        List<ManifestEntry> entries = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            JsonNode node = images.get(i);
            String path = text(file, node, "path", i);
            String label = text(file, node, "class", i);
            String sha = text(file, node, "sha256", i);
            String group = text(file, node, "group", i);
            Split split;
            try {
                split = Split.ofKey(text(file, node, "split", i));
            } catch (IllegalArgumentException e) {
                throw bad(file, "images[" + i + "] (" + path + "): " + e.getMessage());
            }
            if (!classes.contains(label)) {
                throw bad(file, "images[" + i + "] (" + path + "): class '" + label + "' is not in \"classes\" " + classes);
            }
            if (!paths.add(path)) {
                throw bad(file, "images[" + i + "]: path '" + path + "' is listed twice");
            }
            entries.add(new ManifestEntry(path, label, split, sha, group));
        }
        long seed = root.path("seed").asLong();
        return new SplitManifest(root.path("dataset").asText(), seed, ratios, classes, entries);
    }

    /**
     * Checks that every listed file exists under {@code root} with the recorded content.
     *
     * @throws ImageDatasetException ({@code MANIFEST_MISMATCH}) naming the first files that differ
     */
    public void verify(Path root) {
        List<String> problems = new ArrayList<>();
        for (ManifestEntry entry : entries) {
            Path file = root.resolve(entry.path());
            try {
                String actual = ImageDecoder.sha256(Files.readAllBytes(file));
                if (!actual.equals(entry.sha256())) {
                    problems.add(entry.path() + " has changed (sha256 " + actual.substring(0, 12) + "..., manifest says "
                            + entry.sha256().substring(0, Math.min(12, entry.sha256().length())) + "...)");
                }
            } catch (IOException e) {
                problems.add(entry.path() + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImageDatasetException(ImageDatasetException.Problem.MANIFEST_MISMATCH, root,
                    problems.size() + " of " + entries.size() + " manifest files differ from the folder: "
                            + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                            + (problems.size() > 5 ? "; ..." : ""));
        }
    }

    /** Images per class and split as a table (rows: classes plus a total; columns: train, validation, test). */
    public Table countsTable() {
        Table table = Table.create("Split of " + dataset + " (seed " + seed + ")", StringColumn.create("class"));
        for (Split split : Split.values()) {
            table.addColumns(IntColumn.create(split.key()));
        }
        Map<String, EnumMap<Split, Integer>> counts = new LinkedHashMap<>();
        new TreeSet<>(classes).forEach(name -> counts.put(name, new EnumMap<>(Split.class)));
        counts.put("total", new EnumMap<>(Split.class));
        for (ManifestEntry entry : entries) {
            counts.get(entry.label()).merge(entry.split(), 1, Integer::sum);
            counts.get("total").merge(entry.split(), 1, Integer::sum);
        }
        counts.forEach((name, bySplit) -> {
            table.stringColumn("class").append(name);
            for (Split split : Split.values()) {
                table.intColumn(split.key()).append(bySplit.getOrDefault(split, 0));
            }
        });
        return table;
    }

    private static double number(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw bad(file, "\"ratios\" needs a number \"" + field + "\"");
        }
        return value.asDouble();
    }

    private static String text(Path file, JsonNode node, String field, int index) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad(file, "images[" + index + "] needs a text field \"" + field + "\"");
        }
        return value.asText();
    }

    private static ImageDatasetException bad(Path file, String detail) {
        return new ImageDatasetException(ImageDatasetException.Problem.BAD_MANIFEST, file, detail);
    }
}
