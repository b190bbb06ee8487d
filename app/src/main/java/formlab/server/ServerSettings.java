package formlab.server;

import formlab.data.ProjectPaths;
import formlab.data.Settings;
import formlab.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link ApiServer} runs.
 *
 * @param host          the address to bind ({@value #DEFAULT_HOST}: this machine only)
 * @param port          the port, 0 for any free one
 * @param registry      the model registry the API predicts with
 * @param maxBodyBytes  the largest request body accepted (larger ones get 413)
 * @param maxImagePixels the largest image accepted, width times height (larger ones get 413 before decoding)
 * @param poseWebFolder  the browser solution of MediaPipe Pose ({@code pose.js} and the files it loads), served at
 *                       {@code /mediapipe/} for the live page; {@link #defaultPoseWebFolder()} unless told otherwise
 */
public record ServerSettings(String host, int port, ModelRegistry registry, long maxBodyBytes, long maxImagePixels,
                             Path poseWebFolder) {

    /** Bound address unless told otherwise: the loopback interface, so nothing outside this machine reaches it. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Default port. */
    public static final int DEFAULT_PORT = 8080;

    /** Default body limit: 16 MiB, room for a phone photo or a long MetaWear recording pair. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

    /** Default image limit: 25 million pixels (a 5000 x 5000 photo). */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 25_000_000L;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(poseWebFolder, "poseWebFolder");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxBodyBytes < 1 || maxImagePixels < 1) {
            throw new IllegalArgumentException("limits must be positive, got body " + maxBodyBytes + " bytes, image "
                    + maxImagePixels + " pixels");
        }
    }

    /** Settings with the MediaPipe browser files in {@link #defaultPoseWebFolder()}. */
    public ServerSettings(String host, int port, ModelRegistry registry, long maxBodyBytes, long maxImagePixels) {
        this(host, port, registry, maxBodyBytes, maxImagePixels, defaultPoseWebFolder());
    }

    /**
     * Where {@code make pose-models} puts the browser solution: {@code web/} of the MediaPipe Pose models folder,
     * which is {@code FORMLAB_POSE_MODELS} (or {@code -Dformlab.pose.models}), else
     * {@code models/external/mediapipe-pose} of the project.
     */
    public static Path defaultPoseWebFolder() {
        String configured = Settings.value("formlab.pose.models", "FORMLAB_POSE_MODELS");
        Path models = configured != null ? Path.of(configured) : ProjectPaths.locate().models().resolve("external/mediapipe-pose");
        return models.resolve("web");
    }

    /** The defaults (loopback, port {@value #DEFAULT_PORT}, default limits) over {@code registry}. */
    public static ServerSettings defaults(ModelRegistry registry) {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, registry, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** These settings on another port. */
    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, registry, maxBodyBytes, maxImagePixels, poseWebFolder);
    }

    /** These settings with another body limit. */
    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(host, port, registry, bytes, maxImagePixels, poseWebFolder);
    }
}
