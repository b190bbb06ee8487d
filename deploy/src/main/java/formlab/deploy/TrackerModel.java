package formlab.deploy;

import formlab.data.AtomicFiles;
import formlab.data.ProjectPaths;
import formlab.exercise.ExerciseModel;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tracker's {@link ExerciseModel}: a model-registry version folder
 * ({@code <registry>/<name>/v<N>/} with {@code card.json} and the model file) named by
 * {@code model.path}, or the copy of such a folder bundled in the JAR under {@value #RESOURCE}
 * ({@code make pi-bundle} puts the registry's preferred {@code imu-exercise} version there), or, outside
 * a bundle in a project checkout, the preferred version (production, else newest) in the project's registry. Either way the model file is checked against the SHA-256 in its card before it is read.
 */
public final class TrackerModel {

    /** Classpath folder of the bundled model version. */
    public static final String RESOURCE = "/formlab/deploy/model/";
    /** Registry name the bundled copy is loaded under. */
    public static final String BUNDLED_NAME = "imu-exercise";

    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    private TrackerModel() {
    }

    /**
     * The model in {@code versionFolder}; when empty, the bundled one, or (running from a project
     * checkout, e.g. {@code formlab pi-replay}) the preferred {@value #BUNDLED_NAME} of its registry (the one
     * trained on the real data), else the preferred {@value #BUNDLED_NAME}{@code -simulated}; preferred means
     * production, else newest ({@link formlab.registry.ModelRegistry#preferred}).
     */
    public static ExerciseModel load(Optional<Path> versionFolder) throws IOException {
        if (versionFolder.isPresent()) {
            return loadFolder(versionFolder.get());
        }
        if (bundled()) {
            return loadBundled();
        }
        ModelRegistry registry;
        try {
            registry = ModelRegistry.of(ProjectPaths.locate());
        } catch (IllegalStateException notInAProject) {
            return loadBundled(); // fails naming what is missing
        }
        String name = registry.preferred(BUNDLED_NAME).isPresent() ? BUNDLED_NAME : BUNDLED_NAME + "-simulated";
        return ExerciseModel.loadPreferred(registry, name);
    }

    /** Loads the version folder {@code folder} ({@code .../<name>/v<N>}). */
    public static ExerciseModel loadFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Matcher version = VERSION.matcher(absolute.getFileName().toString());
        if (!Files.isDirectory(absolute) || !version.matches() || absolute.getParent() == null
                || absolute.getParent().getParent() == null) {
            throw new IOException(folder + ": expected a model version folder <registry>/<name>/v<N> holding "
                    + ModelRegistry.CARD_FILE + " and the model file");
        }
        Path nameFolder = absolute.getParent();
        ModelRegistry registry = new ModelRegistry(nameFolder.getParent(), null);
        return ExerciseModel.load(registry, nameFolder.getFileName().toString(), Integer.parseInt(version.group(1)));
    }

    /** Whether the JAR (or classpath) carries a bundled model. */
    public static boolean bundled() {
        return TrackerModel.class.getResource(RESOURCE + ModelRegistry.CARD_FILE) != null;
    }

    /** Whether the bundle JAR {@code jar} carries a model. */
    public static boolean bundledIn(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry(RESOURCE.substring(1) + ModelRegistry.CARD_FILE) != null;
        }
    }

    /** Loads the bundled model, copied into a temporary registry for the checks. */
    public static ExerciseModel loadBundled() throws IOException {
        if (!bundled()) {
            throw new IOException("no exercise model is bundled in this JAR (build it with `make pi-bundle` after training"
                    + " one, or set model.path / --model to a model version folder such as models/" + BUNDLED_NAME + "/v1)");
        }
        Path root = Files.createTempDirectory("formlab-model-");
        try {
            byte[] card = resource(ModelRegistry.CARD_FILE);
            com.fasterxml.jackson.databind.JsonNode fields = new com.fasterxml.jackson.databind.ObjectMapper().readTree(card);
            String name = fields.path("name").asText(BUNDLED_NAME);
            String modelFile = fields.path("modelFile").asText(ModelRegistry.MODEL_FILE);
            Path version = root.resolve(name).resolve("v" + fields.path("version").asInt(1));
            AtomicFiles.writeBytes(version.resolve(ModelRegistry.CARD_FILE), card);
            AtomicFiles.writeBytes(version.resolve(modelFile), resource(modelFile));
            return loadFolder(version);
        } finally {
            AtomicFiles.deleteRecursively(root);
        }
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = TrackerModel.class.getResourceAsStream(RESOURCE + file)) {
            if (in == null) {
                throw new IOException("the bundled model lacks " + file);
            }
            return in.readAllBytes();
        }
    }
}
