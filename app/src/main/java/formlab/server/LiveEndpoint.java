package formlab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.pose.Pose;
import formlab.posture.PoseClassifier;
import formlab.posture.YogaPoseModel;
import formlab.registry.ModelCard;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/live}, the WebSocket of the live page: the browser sends the landmarks of each video frame
 * as {@code {"frame": n, "landmarks": [x0, y0, z0, v0, x1, ...]}} (132 numbers, MediaPipe's 33
 * landmarks; {@code null} when it found no person) and gets one JSON answer per frame from a
 * {@link LiveSession}: posture and confidence of the registered pose classifier ({@code ?model=},
 * default {@value YogaPoseModel#REGISTRY_NAME}, preferred version), squat phase, running squat count,
 * knee angle, form cue and {@code serverMillis}, the time the server took for the frame. A malformed
 * message is answered with {@code {"frame": n, "error": message}} and changes nothing.
 */
final class LiveEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelCatalog catalog;
    private final SquatModel squats;
    private final LiveCues cues = new LiveCues();
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, PoseClassifier> loaded = new ConcurrentHashMap<>();

    LiveEndpoint(ModelCatalog catalog, SquatModel squats) {
        this.catalog = catalog;
        this.squats = squats;
    }

    /** The handlers of the WebSocket route. */
    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(30));
            LiveSession session = session(ctx.queryParam("model"));
            sessions.put(ctx.sessionId(), session);
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("connected", true);
            hello.put("model", session.postureModel());
            ctx.send(JSON.writeValueAsString(hello));
        });
        ws.onMessage(ctx -> answer(ctx, ctx.message()));
        ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
        ws.onError(ctx -> sessions.remove(ctx.sessionId()));
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
