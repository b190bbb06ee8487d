package formlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.data.DataSettings;
import formlab.image.ImageDecoder;
import formlab.pose.PoseSequence;
import formlab.pose.estimate.PoseModels;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseDatasets;
import formlab.posture.SquatReps;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page's server side over a real socket: {@link ApiServer} on a free loopback port, the
 * exercise-correction squat test file (the MIT sample in the repository, or the real file under
 * {@code FORMLAB_DATA_DIR}) sent frame by frame over {@code /api/live} as the page sends it. Every answer
 * must equal what the library computes for the whole file at once. The server route's video frames are JPEGs
 * made from a real photo (images-yoga-5class), estimated with the real MediaPipe models.
 */
class LiveEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQUAT_MODEL = "squat-phase";
    /** A real photo of a person in a deep squat (goddess pose), from images-yoga-5class. */
    private static final String SQUAT_PHOTO = "UTKATA KONASANA/00000102.jpg";

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
    void videoFramesAreAnsweredWithTheirLandmarksAsTheLandmarkRouteAnswersThem() throws Exception {
        Path photo = DataSettings.dataset("images-yoga-5class").map(p -> p.resolve(SQUAT_PHOTO)).filter(Files::isRegularFile).orElse(null);
        assumeTrue(photo != null, "the images-yoga-5class photos are not under FORMLAB_DATA_DIR");
        assumeTrue(PoseModels.locate().isProvisioned(PoseModels.Variant.LITE), "MediaPipe Pose models not provisioned (make pose-models)");
        byte[] frame = jpeg(photo, 320);
        List<JsonNode> answers = new ArrayList<>();
        try (Client client = new Client("?model=" + SQUAT_MODEL)) {
            JsonNode bad = client.askBinary("not an image".getBytes(StandardCharsets.UTF_8));
            assertEquals(0, bad.get("frame").asInt());
            assertTrue(bad.get("error").asText().contains("frame 0") && bad.get("error").asText().contains("not an image"), bad.toString());
            JsonNode tiny = client.askBinary(jpeg(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
            assertTrue(tiny.get("error").asText().contains("frame 1"), tiny.toString());
            for (int i = 0; i < 4; i++) {
                answers.add(client.askBinary(frame));
            }
        }
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = answers.get(i);
            assertEquals(i + 2, answer.get("frame").asInt(), answer.toString());
            assertTrue(answer.get("person").asBoolean(), answer.toString());
            assertEquals(132, answer.get("landmarks").size());
            assertEquals(320, answer.get("width").asInt());
            assertEquals(i > 0, answer.get("tracked").asBoolean(), "the detector runs on the first frame only: " + answer);
            assertTrue(answer.get("kneeAngle").asDouble() < 130, "a deep squat: " + answer.get("kneeAngle"));
            assertTrue(answer.get("serverMillis").asDouble() > 0);
        }
        // the landmark route, given the landmarks the server found, answers the same
        try (Client client = new Client("?model=" + SQUAT_MODEL)) {
            for (int i = 0; i < answers.size(); i++) {
                JsonNode video = answers.get(i);
                JsonNode landmarks = client.ask("{\"frame\": " + i + ", \"landmarks\": " + video.get("landmarks") + "}");
                for (String key : List.of("person", "posture", "phase", "squats", "squatsFromHipHeight", "kneeAngle", "cue")) {
                    assertEquals(landmarks.get(key), video.get(key), key + " of frame " + i);
                }
            }
        }
    }

    @Test
    void videoFramesWithoutThePoseModelsAreAnsweredWithWhatToRun() throws Exception {
        String before = System.setProperty("formlab.pose.models", dir.resolve("no-pose-models").toString());
        try (ApiServer bare = ApiServer.start(new ServerSettings(ServerSettings.DEFAULT_HOST, 0, server.registry(), 1 << 20, 1 << 20,
                dir.resolve("web")))) {
            try (Client client = new Client(bare, "")) {
                JsonNode answer = client.askBinary(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
                assertTrue(answer.get("error").asText().contains("make pose-models"), answer.toString());
                // the landmark route still answers on the same connection
                JsonNode none = client.ask("{\"frame\": 0, \"landmarks\": null}");
                assertFalse(none.get("person").asBoolean(), none.toString());
            }
        } finally {
            if (before == null) {
                System.clearProperty("formlab.pose.models");
            } else {
                System.setProperty("formlab.pose.models", before);
            }
        }
    }

    private static byte[] jpeg(Path photo, int width) throws Exception {
        BufferedImage image = new ImageDecoder().decode(photo).image();
        int height = (int) Math.round((double) image.getHeight() * width / image.getWidth());
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return jpeg(scaled);
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void thePageAndTheMediaPipeFilesAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"live.js\">"), page.body());
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/live.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(script.body().contains("loadScript('mediapipe/pose.js')"), "the browser route loads MediaPipe from the server");
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
            this(server, query);
        }

        Client(ApiServer to, String query) throws Exception {
            URI uri = URI.create(to.url().replace("http://", "ws://") + "/api/live" + query);
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

        JsonNode askBinary(byte[] frame) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(frame), true).join();
            return next();
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
