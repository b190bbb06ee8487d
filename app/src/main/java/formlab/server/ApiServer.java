package formlab.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.pose.estimate.PoseModels;
import formlab.registry.ModelRegistry;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The FormLab HTTP API ({@code formlab serve}): JSON over HTTP on an embedded Javalin (Jetty) server.
 *
 * <ul>
 *   <li>{@code GET /api/health}</li>
 *   <li>{@code GET /api/models}: every registered model with its versions, stage, classes and metrics</li>
 *   <li>{@code POST /api/predict/image}: image bytes, top-k classes of the image CNN</li>
 *   <li>{@code POST /api/predict/landmarks}: a PosePilot-layout landmark CSV, posture per frame and overall</li>
 *   <li>{@code POST /api/predict/imu}: a MetaWear accelerometer and gyroscope CSV pair, exercise per window, the set and its repetitions</li>
 *   <li>{@code GET /api/openapi.json}: the OpenAPI 3 description of all of these</li>
 *   <li>{@code GET /}: the live page (camera or video file; MediaPipe Pose on the server by default, or with
 *       {@code ?route=browser} in the browser from {@code /mediapipe/}, the files of
 *       {@link ServerSettings#poseWebFolder()}), talking to</li>
 *   <li>{@code /api/live}: a WebSocket answering each video frame (a JPEG) or each frame's landmarks with
 *       posture, squat count and cue ({@link LiveEndpoint})</li>
 * </ul>
 *
 * Every refused request gets {@code {"error": message}} with its status: 400 malformed, 404 unknown
 * model or route, 413 over a size limit, 415 wrong content type. The server never takes a file-system
 * path from a request; bodies are read into memory within {@link ServerSettings#maxBodyBytes()}.
 */
public final class ApiServer implements AutoCloseable {

    /** Where the OpenAPI description lies on the classpath. */
    static final String OPENAPI_RESOURCE = "/formlab/server/openapi.json";

    /** Where the live page lies on the classpath. */
    static final String LIVE_PAGE = "/formlab/server/live";

    /** Where the page finds MediaPipe Pose's browser files. */
    static final String MEDIAPIPE_PATH = "/mediapipe";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSettings settings;
    private final ImageEndpoint images;
    private final LandmarkEndpoint landmarks;
    private final ImuEndpoint imu;
    private final LiveEndpoint live;
    private final ModelCatalog catalog;
    private final Javalin app;

    private ApiServer(ServerSettings settings, Consumer<String> requestLog) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = new ModelCatalog(settings.registry());
        this.images = new ImageEndpoint(catalog, settings);
        SquatModel squats = new SquatModel();
        this.landmarks = new LandmarkEndpoint(catalog, settings, squats);
        this.imu = new ImuEndpoint(catalog, settings);
        this.live = new LiveEndpoint(catalog, squats, PoseModels.locate());
        boolean poseWeb = Files.isRegularFile(settings.poseWebFolder().resolve("pose.js"));
        byte[] openApi = openApi();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            // the live page's video frames (binary WebSocket messages) within the body limit
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxBinaryMessageSize(settings.maxBodyBytes()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = LIVE_PAGE;
                files.location = Location.CLASSPATH;
            });
            if (poseWeb) {
                config.staticFiles.add(files -> {
                    files.hostedPath = MEDIAPIPE_PATH;
                    files.directory = realFolder(settings.poseWebFolder()).toString();
                    files.location = Location.EXTERNAL;
                });
            }
            config.requestLogger.http((ctx, millis) -> requestLog.accept(String.format(Locale.ROOT, "%s %s%s -> %d (%.1f ms)",
                    ctx.method(), ctx.path(), ctx.queryString() == null ? "" : "?" + ctx.queryString(), ctx.statusCode(), millis)));
            config.router.mount(router -> {
                router.get("/api/health", this::health);
                router.get("/api/models", ctx -> ctx.json(Map.of("models", catalog.listing())));
                router.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
                router.post("/api/predict/image", images::handle);
                router.post("/api/predict/landmarks", landmarks::handle);
                router.post("/api/predict/imu", imu::handle);
                router.ws("/api/live", live::configure);
                if (!poseWeb) {
                    router.get(MEDIAPIPE_PATH + "/*", ctx -> error(ctx, 404, "the MediaPipe Pose browser files are not in "
                            + settings.poseWebFolder() + ": run 'make pose-models' (scripts/fetch-pose-models.sh)"));
                }
            });
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 404
                ? noRoute(ctx) : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            if (isSizeLimit(e)) {
                error(ctx, 413, "request body is over the limit of " + settings.maxBodyBytes() + " bytes");
            } else {
                error(ctx, 500, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, noRoute(ctx));
            }
        });
    }

    /**
     * Starts a server with {@code settings}; it answers until {@link #close()}.
     *
     * @throws IllegalStateException when the address cannot be bound (port taken, unknown host)
     */
    public static ApiServer start(ServerSettings settings) {
        return start(settings, line -> { });
    }

    /**
     * As {@link #start(ServerSettings)}, handing one line per answered request to {@code requestLog}:
     * method, path and query, status and time taken.
     */
    public static ApiServer start(ServerSettings settings, Consumer<String> requestLog) {
        ApiServer server = new ApiServer(settings, Objects.requireNonNull(requestLog, "requestLog"));
        server.app.start(settings.host(), settings.port());
        return server;
    }

    /** The port it listens on (the one chosen when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** The registry it predicts with. */
    public ModelRegistry registry() {
        return settings.registry();
    }

    /** Stops the server and closes the loaded models. */
    @Override
    public void close() {
        app.stop();
        for (AutoCloseable part : new AutoCloseable[] {images::close, landmarks::close, imu::close}) {
            try {
                part.close();
            } catch (Exception e) {
                // the server is down either way; a model that fails to close holds no request
            }
        }
    }

    private void health(Context ctx) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("models", catalog.registry().names().size());
        ctx.json(out);
    }

    private static String noRoute(Context ctx) {
        return "no route " + ctx.method() + " " + ctx.path() + "; GET /api/openapi.json lists the routes";
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null || message.isBlank() ? "HTTP " + status : message);
        ctx.status(status);
        ctx.json(body);
    }

    /**
     * The folder with its symbolic links resolved: Jetty refuses to serve a file whose path goes through a link
     * (an alias), so a models folder linked from elsewhere would answer 404 for every file.
     */
    private static java.nio.file.Path realFolder(java.nio.file.Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath();
        }
    }

    /** True when Jetty refused a multipart body for its size. */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("exceeds max") || message.contains("maxRequestSize")
                    || message.contains("maxFileSize") || message.contains("Request exceeds"))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] openApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
