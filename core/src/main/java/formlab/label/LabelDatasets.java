package formlab.label;

import com.fasterxml.jackson.core.JacksonException;
import formlab.data.AtomicFiles;
import formlab.data.ProjectPaths;
import formlab.registry.DataFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned label datasets under {@code <root>/<dataset>/v<N>/}: each labelling round writes a new
 * version holding every label so far ({@code labels.csv}) and a {@code manifest.json} (items with
 * label, source, annotator and time; counts; content hashes of its labels, of its parent's labels
 * and of the file the new labels came from).
 *
 * <p>Versions are immutable: a version is written into a hidden temporary folder and renamed into
 * place, an existing version is never overwritten, and reading a version checks its labels against
 * the manifest's hash.
 */
public final class LabelDatasets {

    /** Manifest file name inside a version folder. */
    public static final String MANIFEST = "manifest.json";
    /** Labels table file name inside a version folder. */
    public static final String LABELS = "labels.csv";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");
    private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9._-]{0,63})/v(\\d+)");

    private final Path root;

    /** Label datasets under {@code root}. */
    public LabelDatasets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The project's label datasets: {@code data/processed/labels}. */
    public static LabelDatasets of(ProjectPaths paths) {
        return new LabelDatasets(paths.processed().resolve("labels"));
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /** Versions of {@code dataset}, ascending. */
    public List<Integer> versions(String dataset) throws IOException {
        Path folder = root.resolve(requireName(dataset));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> VERSION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        }
    }

    /** The highest version, if any. */
    public Optional<DatasetVersion> latest(String dataset) throws IOException {
        List<Integer> versions = versions(dataset);
        return versions.isEmpty() ? Optional.empty() : Optional.of(read(dataset, versions.getLast()));
    }

    /** Reads {@code "dataset/vN"}. */
    public DatasetVersion read(String id) throws IOException {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("Dataset version '" + id + "': expected <dataset>/v<N>, e.g. imu-barbell/v2");
        }
        return read(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** Reads one version and checks its labels file against the manifest. */
    public DatasetVersion read(String dataset, int version) throws IOException {
        Path folder = folder(dataset, version);
        Path manifestFile = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException("No label dataset " + dataset + "/v" + version + " (" + manifestFile + " missing; versions: "
                    + versions(dataset) + ")");
        }
        DatasetManifest manifest;
        try {
            manifest = LabelStudioFormat.JSON.readValue(manifestFile.toFile(), DatasetManifest.class);
        } catch (JacksonException e) {
            throw new IOException(manifestFile + ": not a valid manifest: " + e.getOriginalMessage(), e);
        }
        String sha = DataFile.sha256(folder.resolve(LABELS));
        if (!sha.equals(manifest.labelsSha256())) {
            throw new IOException(folder.resolve(LABELS) + ": SHA-256 " + sha + " differs from the manifest's "
                    + manifest.labelsSha256() + ": the version was changed after it was written");
        }
        return new DatasetVersion(folder, manifest);
    }

    /**
     * Writes the next version of {@code dataset}: the latest version's labels plus {@code newLabels}.
     * An item may be labelled once; labelling it again (or twice in {@code newLabels}) is refused.
     *
     * @param inputs the files the new labels came from (hashed into the manifest)
     */
    public DatasetVersion write(String dataset, List<ItemLabel> newLabels, List<DatasetManifest.Input> inputs) throws IOException {
        requireName(dataset);
        Optional<DatasetVersion> parent = latest(dataset);
        List<ItemLabel> items = new ArrayList<>(parent.map(DatasetVersion::labels).orElse(List.of()));
        Map<String, Integer> seen = new HashMap<>();
        for (ItemLabel l : items) {
            seen.put(l.itemId(), l.round());
        }
        for (ItemLabel l : newLabels) {
            Integer before = seen.putIfAbsent(l.itemId(), l.round());
            if (before != null) {
                throw new IllegalArgumentException("Item '" + l.itemId() + "' is labelled already (round " + before
                        + "); a label dataset takes one label per item");
            }
            items.add(l);
        }
        int version = parent.map(DatasetVersion::version).orElse(0) + 1;
        Path target = folder(dataset, version);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "label dataset versions are never overwritten");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), ".v" + version + ".tmp-");
        try {
            byte[] csv = csv(items).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.writeBytes(staging.resolve(LABELS), csv);
            Map<String, Integer> counts = new TreeMap<>();
            items.forEach(l -> counts.merge(l.label(), 1, Integer::sum));
            DatasetManifest manifest = new DatasetManifest(dataset, version, parent.map(DatasetVersion::version).orElse(0),
                    Instant.now().toString(), items, counts, DataFile.sha256(staging.resolve(LABELS)),
                    parent.map(p -> p.manifest().labelsSha256()).orElse(""), inputs);
            AtomicFiles.writeBytes(staging.resolve(MANIFEST), LabelStudioFormat.JSON.writeValueAsBytes(manifest));
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "written meanwhile by another process; not overwritten");
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return read(dataset, version);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    /** The folder of one version. */
    public Path folder(String dataset, int version) {
        return root.resolve(requireName(dataset)).resolve("v" + version);
    }

    private static String csv(List<ItemLabel> items) {
        StringBuilder text = new StringBuilder("item_id,label,source,group,annotator,time,round\n");
        for (ItemLabel l : items) {
            text.append(String.join(",", quote(l.itemId()), quote(l.label()), quote(l.source()), quote(l.group()),
                    quote(l.annotator()), quote(l.time()), Integer.toString(l.round()))).append('\n');
        }
        return text.toString();
    }

    private static String quote(String value) {
        return value.matches("[^,\"\\r\\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String requireName(String dataset) {
        if (dataset == null || !NAME.matcher(dataset).matches()) {
            throw new IllegalArgumentException("Label dataset name '" + dataset
                    + "' must be 1-64 characters of lower-case letters, digits, '.', '_' or '-'");
        }
        return dataset;
    }
}
