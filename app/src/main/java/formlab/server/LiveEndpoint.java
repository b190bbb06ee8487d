package formlab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.pose.Pose;
import formlab.pose.estimate.PoseModels;
import formlab.posture.PoseClassifier;
import formlab.posture.YogaPoseModel;
import formlab.registry.ModelCard;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/live}, the WebSocket of the live page. Each video frame comes one of two ways:
 *
 * <ul>
 *   <li>the server route (the page's default): a binary message holding the frame as a JPEG; the server finds
 *       the person with MediaPipe Pose ({@link LiveFrames}: a {@link formlab.pose.estimate.PoseTracker} per
 *       connection, landmark model {@code ?complexity=} 0 lite (default), 1 full, 2 heavy) and answers with the
 *       landmarks as well ({@code landmarks}: 132 numbers or null, {@code poseScore}, {@code tracked},
 *       {@code width}, {@code height}); binary frames are numbered from 0 in the order they arrive;</li>
 *   <li>the landmark route ({@code ?route=browser} on the page, MediaPipe in the browser): a text message
 *       {@code {"frame": n, "landmarks": [x0, y0, z0, v0, x1, ...]}} (132 numbers, MediaPipe's 33 landmarks;
 *       {@code null} when it found no person).</li>
 * </ul>
 *
 * Both get one JSON answer per frame from the connection's {@link LiveSession}: posture and confidence of the
 * registered pose classifier ({@code ?model=}, default {@value YogaPoseModel#REGISTRY_NAME}, preferred version),
 * squat phase, running squat count, knee angle, form cue and {@code serverMillis}, the time the server took for
 * the frame. A malformed message (not JSON, not an image, a model missing) is answered with
 * {@code {"frame": n, "error": message}} and changes nothing.
 */
final class LiveEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelCatalog catalog;
    private final SquatModel squats;
    private final LiveCues cues = new LiveCues();
    private final PoseModels poseModels;
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final Map<String, PoseClassifier> loaded = new ConcurrentHashMap<>();

    /** The server route's state of one connection: the landmark model asked for, frames so far, the tracker once opened. */
    private static final class Video {
        private final String complexity;
        private long frames;
        private LiveFrames tracker;

        Video(String complexity) {
            this.complexity = complexity;
        }

        synchronized Map<String, Object> answer(LiveSession session, PoseModels models, byte[] bytes) {
            long frame = frames++;
            try {
                if (tracker == null) {
                    tracker = LiveFrames.open(models, LiveFrames.variant(complexity));
                }
                LiveFrames.Frame found = tracker.estimate(frame, bytes);
                Map<String, Object> out = session.push(frame, found.landmarks() == null ? null : LiveSession.pose(found.landmarks()));
                out.put("landmarks", found.landmarks());
                out.put("poseScore", found.poseScore());
                out.put("tracked", found.tracked());
                out.put("width", found.width());
                out.put("height", found.height());
                return out;
            } catch (RuntimeException e) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("frame", frame);
                out.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
                return out;
            }
        }

        synchronized void close() {
            if (tracker != null) {
                tracker.close();
            }
        }
    }

    LiveEndpoint(ModelCatalog catalog, SquatModel squats, PoseModels poseModels) {
        this.catalog = catalog;
        this.squats = squats;
        this.poseModels = poseModels;
    }

    /** The handlers of the WebSocket route. */
    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(30));
            LiveSession session = session(ctx.queryParam("model"));
            sessions.put(ctx.sessionId(), session);
            videos.put(ctx.sessionId(), new Video(ctx.queryParam("complexity")));
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("connected", true);
            hello.put("model", session.postureModel());
            ctx.send(JSON.writeValueAsString(hello));
        });
        ws.onMessage(ctx -> answer(ctx, ctx.message()));
        ws.onBinaryMessage(ctx -> answerFrame(ctx, Arrays.copyOfRange(ctx.data(), ctx.offset(), ctx.offset() + ctx.length())));
        ws.onClose(ctx -> forget(ctx.sessionId()));
        ws.onError(ctx -> forget(ctx.sessionId()));
    }

    private void forget(String id) {
        sessions.remove(id);
        Video video = videos.remove(id);
        if (video != null) {
            video.close();
        }
    }

    private void answerFrame(WsContext ctx, byte[] bytes) throws Exception {
        long start = System.nanoTime();
        Map<String, Object> out = videos.get(ctx.sessionId()).answer(sessions.get(ctx.sessionId()), poseModels, bytes);
        out.put("serverMillis", (System.nanoTime() - start) / 1e6);
        ctx.send(JSON.writeValueAsString(out));
    }

    private void answer(WsContext ctx, String message) throws Exception {
        long start = System.nanoTime();
        LiveSession session = sessions.get(ctx.sessionId());
        long frame = -1;
        Map<String, Object> out;
        try {
            JsonNode node = JSON.readTree(message);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object {\"frame\": n, \"landmarks\": [132 numbers] or null}");
            }
            frame = node.path("frame").asLong(session.frames());
            JsonNode landmarks = node.get("landmarks");
            Pose pose = null;
            if (landmarks != null && !landmarks.isNull()) {
                if (!landmarks.isArray()) {
                    throw new IllegalArgumentException("landmarks must be an array of 132 numbers or null");
                }
                double[] values = new double[landmarks.size()];
                for (int i = 0; i < values.length; i++) {
                    JsonNode value = landmarks.get(i);
                    if (!value.isNumber()) {
                        throw new IllegalArgumentException("landmarks[" + i + "] is not a number: " + value);
                    }
                    values[i] = value.asDouble();
                }
                pose = LiveSession.pose(values);
            }
            out = session.push(frame, pose);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            out = new LinkedHashMap<>();
            out.put("frame", frame);
            out.put("error", e.getMessage());
        }
        out.put("serverMillis", (System.nanoTime() - start) / 1e6);
        ctx.send(JSON.writeValueAsString(out));
    }

    private static String modelName(String requested) {
        return Optional.ofNullable(requested).filter(s -> !s.isBlank()).orElse(YogaPoseModel.REGISTRY_NAME);
    }

    /** A new session; the posture part is left out (and said so) when the model is not registered or not a pose classifier. */
    private LiveSession session(String requested) throws Exception {
        String name = modelName(requested);
        Optional<ModelCard> card = catalog.registry().names().contains(name) ? catalog.registry().preferred(name) : Optional.empty();
        if (card.isEmpty()) {
            return new LiveSession(null, "no model '" + name + "' is registered", squats.get(), cues);
        }
        ModelCard found = card.get();
        if (!found.loadableByModelFiles()) {
            return new LiveSession(null, found.id() + " is not a landmark classifier", squats.get(), cues);
        }
        PoseClassifier classifier = loaded.get(found.id() + " " + found.modelSha256());
        if (classifier == null) {
            try {
                classifier = PoseClassifier.of(catalog.registry().load(found.name(), found.version()));
            } catch (IllegalArgumentException e) {
                return new LiveSession(null, found.id() + " does not read pose features: " + e.getMessage(), squats.get(), cues);
            }
            loaded.put(found.id() + " " + found.modelSha256(), classifier);
        }
        return new LiveSession(classifier, found.id(), squats.get(), cues);
    }
}
