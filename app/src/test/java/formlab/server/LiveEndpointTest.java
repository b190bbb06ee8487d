package formlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseDatasets;
import formlab.posture.SquatReps;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page's server side over a real socket: {@link ApiServer} on a free loopback port, the
 * exercise-correction squat test file (the MIT sample in the repository, or the real file under
 * {@code FORMLAB_DATA_DIR}) sent frame by frame over {@code /api/live} as the page sends it. Every answer
 * must equal what the library computes for the whole file at once.
 */
class LiveEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQUAT_MODEL = "squat-phase";

    @TempDir
    static Path dir;

    private static ApiServer server;
    private static SquatReps squats;
    private static PoseSequence test;
    private static String smokeBefore;

    @BeforeAll
    static void start() throws Exception {
        smokeBefore = System.setProperty("formlab.smoke", "true");
        squats = SquatReps.standard();
        test = PoseDatasets.exerciseCorrection(DatasetFile.SQUAT_TEST).sequences().getFirst();
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        var model = squats.phases().model();
        TrainingRecipe recipe = new TrainingRecipe("squat phase (up, down) from pose landmarks", model.featureNames(),
                "label", "file", "smile-random-forest", Map.of("trees", 200, "seed", 42), SplitSpec.holdOut(List.of("test")));
        registry.register(SQUAT_MODEL, new TrainingRun(recipe, model, squats.test(), "the squat test file", "none",
                squats.test().size(), List.of("train", "test")), List.of());
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("pose.js"), "// stand-in for MediaPipe's pose.js\n");
        server = ApiServer.start(new ServerSettings(ServerSettings.DEFAULT_HOST, 0, registry, 1 << 20, 1 << 20, web));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (smokeBefore == null) {
            System.clearProperty("formlab.smoke");
        } else {
            System.setProperty("formlab.smoke", smokeBefore);
        }
    }

    @Test
    void everyFrameIsAnsweredAsTheLibraryScoresTheWholeFile() throws Exception {
        SquatReps.Count expected = squats.count(test);
        assertTrue(expected.fromPhases().size() >= 2, "the test file must hold squats: " + expected.summary());
        try (Client client = new Client("?model=" + SQUAT_MODEL)) {
            assertEquals("squat-phase v1", client.hello.get("model").asText());
            JsonNode answer = null;
            for (int i = 0; i < test.size(); i++) {
                answer = client.ask(LiveBenchmark.message(i, test.frames().get(i).pose()));
                assertEquals(i, answer.get("frame").asInt());
                assertEquals(expected.phases().get(i), answer.get("phase").asText(), "frame " + i);
                assertEquals(expected.phases().get(i), answer.get("posture").asText(), "frame " + i + ": the same model as posture");
                assertTrue(answer.get("serverMillis").asDouble() >= 0);
            }
            assertEquals(expected.fromPhases().size(), answer.get("squats").asInt());
            assertEquals(expected.fromHipHeight().size(), answer.get("squatsFromHipHeight").asInt());
            assertFalse(answer.get("cue").asText().isBlank());
        }
    }

    @Test
    void badMessagesAreAnsweredWithAnErrorAndChangeNothing() throws Exception {
        try (Client client = new Client("")) {
            assertEquals("no model 'yoga-pose' is registered", client.hello.get("model").asText());
            assertTrue(client.ask("not json").get("error").asText().length() > 0);
            assertTrue(client.ask("{\"frame\": 0, \"landmarks\": [1, 2, 3]}").get("error").asText().contains("expected 132 numbers"));
            assertTrue(client.ask("{\"frame\": 0, \"landmarks\": \"x\"}").get("error").asText().contains("array"));
            JsonNode none = client.ask("{\"frame\": 0, \"landmarks\": null}");
            assertFalse(none.get("person").asBoolean());
            assertEquals(0, none.get("squats").asInt());
            JsonNode first = client.ask(LiveBenchmark.message(1, test.frames().getFirst().pose()));
            assertEquals(squats.count(test.head(1)).phases().getFirst(), first.get("phase").asText());
            assertFalse(first.has("posture"), "no posture model is registered under the default name");
        }
    }

    @Test
    void thePageAndTheMediaPipeFilesAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"mediapipe/pose.js\">"), page.body());
        assertTrue(page.body().contains("live.js"));
        HttpResponse<String> poseJs = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/mediapipe/pose.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, poseJs.statusCode());
        assertTrue(poseJs.body().contains("stand-in"));
        // a path out of the folder is refused (Jetty answers 400 for the ambiguous path) and serves nothing
        HttpResponse<String> outside = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/mediapipe/%2e%2e/web/pose.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(outside.statusCode() == 400 || outside.statusCode() == 404, outside.statusCode() + " " + outside.body());
        assertFalse(outside.body().contains("stand-in"));
    }

    /** One live page connection. */
    private static final class Client implements AutoCloseable {
        private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final WebSocket socket;
        private final JsonNode hello;

        Client(String query) throws Exception {
            URI uri = URI.create(server.url().replace("http://", "ws://") + "/api/live" + query);
            StringBuilder parts = new StringBuilder();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    parts.append(data);
                    if (last) {
                        answers.add(parts.toString());
                        parts.setLength(0);
                    }
                    ws.request(1);
                    return CompletableFuture.completedFuture(null);
                }
            }).get(30, TimeUnit.SECONDS);
            hello = next();
        }

        JsonNode ask(String message) throws Exception {
            socket.sendText(message, true).join();
            return next();
        }

        private JsonNode next() throws Exception {
            String answer = answers.poll(30, TimeUnit.SECONDS);
            if (answer == null) {
                throw new AssertionError("no answer within 30 s");
            }
            return JSON.readTree(answer);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
