package formlab.registry;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import formlab.data.ProjectPaths;
import formlab.data.AtomicFiles;
import formlab.model.Classifier;
import formlab.model.ModelFileException;
import formlab.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Versioned models on disk: {@code <root>/<name>/v<N>/} holds the parameters and {@code card.json}
 * ({@link ModelCard}). The parameters are {@code model.flm} ({@link ModelFiles} format) for every
 * {@link formlab.model.ModelType} (Smile, Tribuo, refined, the image CNN), or any file or folder written
 * by an external {@link ModelPayload} (a file kept from elsewhere, a CNN folder registered before model
 * files); either way their SHA-256 is in the card and checked before use. {@link #preferred} is the one
 * answer to "which version runs" for every caller.
 *
 * <p>A new version is written into a hidden temporary folder and renamed into place in one step,
 * so a half-written version never appears; stage changes rewrite the card atomically. Loading
 * checks the model file against the SHA-256 in its card.
 */
public final class ModelRegistry {

    /** File name of the parameters inside a version folder. */
    public static final String MODEL_FILE = "model.flm";
    /** File name of the card inside a version folder. */
    public static final String CARD_FILE = "card.json";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION_DIR = Pattern.compile("v(\\d+)");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path root;
    private final Path projectRoot;

    /**
     * A registry under {@code root}; {@code projectRoot} (may be null) is used to name data files
     * relative to the project and to read the git commit.
     */
    public ModelRegistry(Path root, Path projectRoot) {
        this.root = root.toAbsolutePath().normalize();
        this.projectRoot = projectRoot;
    }

    /** The project's registry under {@link ProjectPaths#models()}. */
    public static ModelRegistry of(ProjectPaths paths) {
        return new ModelRegistry(paths.models(), paths.root());
    }

    /** Folder, under the project root, of the registry that smoke-mode runs use. */
    public static final String SMOKE_FOLDER = "build/smoke-models";

    /**
     * The registry notebooks and commands should use in this run: the project's {@code models/}
     * normally, but {@value #SMOKE_FOLDER} in smoke mode ({@link formlab.data.Settings#smoke()}), so
     * models trained on reduced data never mix with real ones.
     */
    public static ModelRegistry current(ProjectPaths paths) {
        return formlab.data.Settings.smoke() ? new ModelRegistry(paths.root().resolve(SMOKE_FOLDER), paths.root()) : of(paths);
    }

    /**
     * A valid model name made from free text, such as a dataset's name: lower case, each run of other
     * characters than letters, digits, '.', '_' and '-' turned into one '-', at most 64 characters
     * ("My Phone Data" gives "my-phone-data").
     */
    public static String nameFrom(String text) {
        String name = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /**
     * {@link #nameFrom(String)} of {@code text}, shortened so that {@code -suffix} still fits: a dataset's
     * models of different kinds ({@code -class}, {@code -reps}) keep different names however long its name.
     */
    public static String nameFrom(String text, String suffix) {
        String name = nameFrom(text);
        int room = 64 - suffix.length() - 1;
        return (name.length() > room ? name.substring(0, room) : name) + "-" + suffix;
    }

    /**
     * Refuses a registry folder that cannot take a model, before anything is trained: a plain file in
     * its place or on its path, or a folder that cannot be created or written.
     *
     * @throws IllegalArgumentException naming the folder and the reason
     */
    public void requireWritable() {
        for (Path p = root; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("model registry folder " + root + ": " + p + " is a file, not a folder");
            }
            if (Files.isDirectory(p)) {
                if (!Files.isWritable(p)) {
                    throw new IllegalArgumentException("model registry folder " + root + ": " + p + " cannot be written");
                }
                return;
            }
        }
    }

    /** The registry folder. */
    public Path root() {
        return root;
    }

    /** Project root used for provenance (may be null). */
    public Path projectRoot() {
        return projectRoot;
    }

    /**
     * Registers the model of {@code run} as the next version of {@code name}, stage candidate, stored
     * in the {@link ModelFiles} format.
     *
     * @param dataFiles source files the table was built from (hashed into the card; may be empty)
     */
    public ModelCard register(String name, TrainingRun run, List<Path> dataFiles) throws IOException {
        return register(name, run, dataFiles, ModelPayload.of(run.model()));
    }

    /**
     * Registers the next version of {@code name}, stage candidate, with {@code payload} as its stored
     * parameters (for models that {@link ModelFiles} cannot store, such as a DJL network). The card
     * takes its recipe, classes and metrics from {@code run}; the payload's SHA-256 goes into the card.
     *
     * @param dataFiles source files the table was built from (hashed into the card; may be empty)
     */
    public ModelCard register(String name, TrainingRun run, List<Path> dataFiles, ModelPayload payload) throws IOException {
        requireName(name);
        Path modelFolder = root.resolve(name);
        Files.createDirectories(modelFolder);
        AtomicFiles.deleteStale(modelFolder, Instant.now()); // leftovers of a registration that was killed
        List<DataFile> data = new ArrayList<>();
        for (Path file : dataFiles) {
            data.add(DataFile.of(file, projectRoot));
        }
        String now = Instant.now().toString();
        Environment environment = Environment.current(projectRoot);
        Path staging = Files.createTempDirectory(modelFolder, ".staging-");
        try {
            Path modelPath = staging.resolve(payload.name());
            payload.writeTo(modelPath);
            if (!Files.exists(modelPath, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("The " + payload.format() + " payload wrote nothing at " + modelPath
                        + "; expected a file or folder named '" + payload.name() + "'");
            }
            String modelSha = ContentHash.sha256(modelPath);
            for (int attempt = 0; attempt < 100; attempt++) {
                int version = latestVersion(name).orElse(0) + 1;
                ModelCard card = new ModelCard(name, version, Stage.CANDIDATE, now, run.recipe(), run.model().classes(),
                        data, run.dataSha256(), run.rows(), run.groups(), metrics(run), groupMetrics(run), environment,
                        payload.name(), payload.format(), modelSha, List.of(new ModelCard.StageChange(Stage.CANDIDATE, now, "registered")));
                AtomicFiles.writeString(staging.resolve(CARD_FILE), JSON.writeValueAsString(card));
                Path target = versionFolder(name, version);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return card;
                } catch (IOException e) {
                    if (!Files.exists(target)) {
                        throw new IOException("Cannot rename " + staging + " to " + target + " atomically", e);
                    }
                    // Another process took this version number between listing and renaming: take the next.
                }
            }
            throw new IOException("Could not claim a version number under " + modelFolder + " after 100 attempts");
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Model names in the registry, sorted: folders holding at least one version folder (other folders,
     * such as third-party models kept under {@code models/external}, are not registered models).
     */
    public List<String> names() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (NAME.matcher(name).matches() && !versions(name).isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Versions of {@code name}, ascending. */
    public List<Integer> versions(String name) throws IOException {
        requireName(name);
        Path folder = root.resolve(name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(folder)) {
            return folders.map(p -> VERSION_DIR.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches).map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        }
    }

    /** Highest version of {@code name}, if any. */
    public Optional<Integer> latestVersion(String name) throws IOException {
        List<Integer> versions = versions(name);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /**
     * The card of one version, checked: valid JSON, every required field present, and the name and
     * version it states match the folder it lies in.
     */
    public ModelCard card(String name, int version) throws IOException {
        Path file = versionFolder(name, version).resolve(CARD_FILE);
        if (!Files.isRegularFile(file)) {
            if (!Files.isDirectory(file.getParent())) {
                throw new IOException("Model '" + name + "' has no version " + version + " (its versions: " + versions(name)
                        + ", under " + root.resolve(name) + ")");
            }
            throw new IOException("No model card " + file + " (versions of " + name + ": " + versions(name) + ")");
        }
        ModelCard card;
        try {
            card = JSON.readValue(file.toFile(), ModelCard.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException(file + ": not a valid model card" + where + ": " + e.getOriginalMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        Map<String, Object> required = new java.util.LinkedHashMap<>();
        required.put("name", card.name());
        required.put("stage (one of candidate, production, archived)", card.stage());
        required.put("recipe", card.recipe());
        required.put("modelFile", card.modelFile());
        required.put("modelSha256", card.modelSha256());
        required.forEach((field, value) -> {
            if (value == null) {
                missing.add(field);
            }
        });
        if (!missing.isEmpty()) {
            throw new IOException(file + ": not a valid model card: missing " + String.join(", ", missing));
        }
        if (!card.name().equals(name) || card.version() != version) {
            throw new IOException(file + ": the card says " + card.name() + " v" + card.version() + " but lies in the folder of "
                    + name + " v" + version + "; a card must match its folder");
        }
        return card;
    }

    /** Every card of {@code name}, oldest first. */
    public List<ModelCard> cards(String name) throws IOException {
        List<ModelCard> cards = new ArrayList<>();
        for (int version : versions(name)) {
            cards.add(card(name, version));
        }
        return cards;
    }

    /** The production version of {@code name} (the highest, should a crash ever leave two). */
    public Optional<ModelCard> production(String name) throws IOException {
        return cards(name).stream().filter(c -> c.stage() == Stage.PRODUCTION).max(Comparator.comparingInt(ModelCard::version));
    }

    /**
     * The version that runs wherever one model of {@code name} is asked for: the production version,
     * else the newest. The command line, the notebooks, the Pi bundle and the pose and CNN loaders all
     * take this one.
     */
    public Optional<ModelCard> preferred(String name) throws IOException {
        Optional<ModelCard> production = production(name);
        if (production.isPresent()) {
            return production;
        }
        Optional<Integer> latest = latestVersion(name);
        return latest.isPresent() ? Optional.of(card(name, latest.get())) : Optional.empty();
    }

    /**
     * The card a {@code --model} argument names: {@code NAME} (its {@link #preferred} version) or
     * {@code NAME:VERSION}.
     *
     * @param hint what to run to get such a model, said when there is none (e.g. {@code formlab train --dataset D})
     * @throws IllegalArgumentException for a malformed argument, a name with no model or a missing version
     */
    public ModelCard find(String spec, String hint) throws IOException {
        int colon = spec.lastIndexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (colon < 0) {
            return preferred(name).orElseThrow(() -> new IllegalArgumentException("no model '" + name + "' in " + root
                    + "; train one with: " + hint + " --name " + name));
        }
        int version;
        try {
            version = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--model expects NAME or NAME:VERSION, got '" + spec + "'");
        }
        if (!versions(name).contains(version)) {
            throw new IllegalArgumentException("no version " + version + " of model '" + name + "' in " + root
                    + "; versions: " + versions(name));
        }
        return card(name, version);
    }

    /**
     * Copies one version's card and its hash-checked parameters (file or folder) into {@code folder},
     * which is emptied first: how the Pi bundle takes its model.
     *
     * @return the copied card
     */
    public ModelCard copyVersion(String name, int version, Path folder) throws IOException {
        ModelCard card = card(name, version);
        Path payload = payload(name, version);
        deleteRecursively(folder);
        Files.createDirectories(folder);
        Files.copy(versionFolder(name, version).resolve(CARD_FILE), folder.resolve(CARD_FILE));
        try (var entries = Files.walk(payload)) {
            for (Path source : (Iterable<Path>) entries::iterator) {
                Path target = folder.resolve(payload.getFileName().toString()).resolve(payload.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return card;
    }

    /**
     * Loads the parameters of one version after checking them against the card's SHA-256; for the
     * {@link ModelFiles} formats of every model type (use {@link #payload} for external formats).
     */
    public Classifier load(String name, int version) throws IOException {
        ModelCard card = card(name, version);
        Path file = payload(name, version);
        if (!card.storedAsModelFile()) {
            throw new ModelFileException(file, card.id() + " stores a '" + card.modelFormat() + "' payload, not a "
                    + ModelPayload.FORMLAB_FORMAT + " file; take its checked path from payload(\"" + name + "\", "
                    + version + ") and load it with the library that wrote it");
        }
        return ModelFiles.load(file);
    }

    /**
     * The stored parameters (file or folder) of one version, after checking their SHA-256 against the
     * card; load them with the library that wrote them (the card's {@link ModelCard#modelFormat()}).
     */
    public Path payload(String name, int version) throws IOException {
        ModelCard card = card(name, version);
        Path folder = versionFolder(name, version);
        Path payload = folder.resolve(card.modelFile()).normalize();
        if (!payload.getParent().equals(folder)) {
            throw new ModelFileException(folder.resolve(CARD_FILE), "modelFile '" + card.modelFile()
                    + "' points outside the version folder; expected a plain file or folder name");
        }
        if (!Files.exists(payload, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ModelFileException(payload, "missing: the card of " + card.id() + " names it as the model parameters");
        }
        String sha = ContentHash.sha256(payload);
        if (!sha.equals(card.modelSha256())) {
            throw new ModelFileException(payload, "SHA-256 " + sha + " differs from the card's " + card.modelSha256()
                    + ": the model " + (Files.isDirectory(payload) ? "folder" : "file") + " was replaced or damaged");
        }
        return payload;
    }

    /** Loads the production version of {@code name}. */
    public Classifier loadProduction(String name) throws IOException {
        ModelCard card = production(name).orElseThrow(() -> new IOException("Model '" + name + "' has no production version"));
        return load(name, card.version());
    }

    /** Sets the stage of one version, recording {@code reason}. */
    public ModelCard setStage(String name, int version, Stage stage, String reason) throws IOException {
        ModelCard updated = card(name, version).withStage(stage, Instant.now().toString(), reason);
        AtomicFiles.writeString(versionFolder(name, version).resolve(CARD_FILE), JSON.writeValueAsString(updated));
        return updated;
    }

    /**
     * Checks {@code policy} for one version against the current production version and, if every
     * gate passes, makes it production and archives the previous one.
     */
    public PromotionReport promote(String name, int version, PromotionPolicy policy) throws IOException {
        ModelCard candidate = card(name, version);
        requireLoadable(candidate);
        Optional<ModelCard> current = production(name).filter(c -> c.version() != version);
        PromotionReport report = policy.evaluate(candidate, current);
        if (report.promoted()) {
            setStage(name, version, Stage.PRODUCTION, "promoted: " + report.summaryLine());
            if (current.isPresent()) {
                setStage(name, current.get().version(), Stage.ARCHIVED, "replaced by v" + version);
            }
        }
        return report;
    }

    /**
     * Throws unless the parameters of {@code card} are present, match its SHA-256 and, in the
     * {@link ModelFiles} format, load (deserialization filter included): a version that cannot be
     * loaded is never promoted.
     */
    private void requireLoadable(ModelCard card) throws IOException {
        try {
            if (card.storedAsModelFile()) {
                close(load(card.name(), card.version())); // loaded: every check of its model type passed
            } else {
                payload(card.name(), card.version());
            }
        } catch (IOException e) {
            throw new IOException("Not promoting " + card.id() + ": its model does not load (" + e.getMessage() + ")", e);
        }
    }

    /** Closes {@code model} when it holds native memory (a DJL network) until closed. */
    private static void close(Classifier model) throws IOException {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IOException("cannot close the loaded model: " + e.getMessage(), e);
            }
        }
    }

    /** One row per version of {@code name}: version, stage, created, trainer, format, split, and the given metrics. */
    public Table table(String name, String... metricNames) throws IOException {
        IntColumn version = IntColumn.create("version");
        StringColumn stage = StringColumn.create("stage");
        StringColumn created = StringColumn.create("created");
        StringColumn trainer = StringColumn.create("trainer");
        StringColumn format = StringColumn.create("format");
        StringColumn split = StringColumn.create("split");
        List<DoubleColumn> metrics = Stream.of(metricNames).map(DoubleColumn::create).toList();
        for (ModelCard card : cards(name)) {
            version.append(card.version());
            stage.append(card.stage().name().toLowerCase(java.util.Locale.ROOT));
            created.append(card.createdAt());
            trainer.append(card.recipe().trainerName());
            format.append(card.modelFormat());
            split.append(card.recipe().split().describe());
            for (DoubleColumn column : metrics) {
                column.append(card.metric(column.name()).map(ModelCard.MetricValue::value).orElse(Double.NaN));
            }
        }
        Table table = Table.create("Registered versions of " + name, version, stage, created, trainer, format, split);
        metrics.forEach(table::addColumns);
        return table;
    }

    /** The folder of one version. */
    public Path versionFolder(String name, int version) {
        requireName(name);
        return root.resolve(name).resolve("v" + version);
    }

    private static List<ModelCard.MetricValue> metrics(TrainingRun run) {
        List<ModelCard.MetricValue> metrics = new ArrayList<>();
        for (Map.Entry<String, Double> entry : run.evaluation().metrics().entrySet()) {
            metrics.add(new ModelCard.MetricValue(entry.getKey(), entry.getValue(), run.measuredOn()));
        }
        for (Map.Entry<String, Double> entry : run.extraMetrics().entrySet()) {
            metrics.add(new ModelCard.MetricValue(entry.getKey(), entry.getValue(), run.measuredOn()));
        }
        return metrics;
    }

    private static List<ModelCard.GroupMetric> groupMetrics(TrainingRun run) {
        Table perGroup = run.evaluation().perGroup();
        List<ModelCard.GroupMetric> metrics = new ArrayList<>();
        for (int i = 0; i < perGroup.rowCount(); i++) {
            metrics.add(new ModelCard.GroupMetric(perGroup.stringColumn("group").get(i), perGroup.doubleColumn("accuracy").get(i),
                    perGroup.intColumn("n").get(i), run.measuredOn()));
        }
        return metrics;
    }

    /**
     * Refuses a name the registry cannot store a model under (it names a folder, so it is 1-64
     * characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit).
     *
     * @throws IllegalArgumentException naming the rule
     */
    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Model name '" + name
                    + "' must be 1-64 characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
