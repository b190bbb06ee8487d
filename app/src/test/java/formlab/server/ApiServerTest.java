package formlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.cli.Main;
import formlab.cnn.CnnConfig;
import formlab.cnn.CnnModelCard;
import formlab.cnn.CnnTrainer;
import formlab.cnn.CnnTrainingRun;
import formlab.cnn.ImageCnnRegistration;
import formlab.cnn.ImagePredictions;
import formlab.cnn.TrainingProgress;
import formlab.data.KnownDataset;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExerciseScoring;
import formlab.image.ImageFolderReader;
import formlab.image.Normalization;
import formlab.image.PreparedImages;
import formlab.image.Preprocessing;
import formlab.image.Split;
import formlab.image.SplitManifest;
import formlab.image.SplitRatios;
import formlab.image.SyntheticPoses;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import formlab.pose.io.PoseDatasets;
import formlab.pose.io.PosePilotReader;
import formlab.posture.PoseScoring;
import formlab.posture.SequenceScore;
import formlab.posture.SquatReps;
import formlab.posture.YogaPoseModel;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over a real socket: {@link ApiServer} on a free loopback port, called with
 * {@link HttpClient}. The registry holds models trained here in seconds: a tiny image CNN on the
 * synthetic stick figures (as the default {@code yoga-cnn}), the squat-phase classifier of the
 * exercise-correction landmarks (the MIT sample in the repository, or the real files under
 * {@code FORMLAB_DATA_DIR}) and the IMU exercise model of {@code formlab train} on simulated MetaWear
 * recordings. Every answer is checked against the command line or library call it must equal.
 */
class ApiServerTest {

    /** Small limits, so that the refusals can be provoked with small requests. */
    private static final long MAX_BODY = 3L << 20;
    private static final long MAX_PIXELS = 200 * 200;
    private static final String SQUAT_MODEL = "squat-phase";

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ModelRegistry registry;
    private static ApiServer server;
    private static Path figure;
    private static Path recordings;
    private static PoseSequence squatTest;
    private static SquatReps squats;
    private static String smokeBefore;

    @BeforeAll
    static void trainModelsAndStart() throws Exception {
        // the squat counter the server trains on first use (SquatReps.standard) on its smoke-mode share of the frames
        smokeBefore = System.setProperty("formlab.smoke", "true");
        registry = new ModelRegistry(dir.resolve("models"), null);
        figure = registerTinyCnn();
        squatTest = registerSquatPhaseModel();
        recordings = dir.resolve("recordings");
        new BarbellSimulator(new SimulationSettings(11, 3, 1, 1, true, 0.2)).writeTo(recordings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(List.of("train", "--data", recordings.toString(), "--search", "quick", "--models",
                registry.root().toString()), new PrintStream(out), new PrintStream(out)), out.toString());
        server = ApiServer.start(new ServerSettings(ServerSettings.DEFAULT_HOST, 0, registry, MAX_BODY, MAX_PIXELS));
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
    void healthModelsAndDescriptionAnswerOnTheLoopbackAddress() throws Exception {
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
        HttpResponse<String> health = get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("ok", json(health).get("status").asText());
        assertEquals(3, json(health).get("models").asInt());

        JsonNode models = json(get("/api/models")).get("models");
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.get("name").asText()));
        assertEquals(List.of("imu-exercise", SQUAT_MODEL, ImageCnnRegistration.YOGA_CNN), names);
        for (JsonNode model : models) {
            JsonNode version = model.get("versions").get(0);
            assertEquals(1, model.get("preferredVersion").asInt());
            assertEquals("candidate", version.get("stage").asText());
            assertEquals(registry.card(model.get("name").asText(), 1).classes(), strings(version.get("classes")));
            assertFalse(version.get("metrics").isEmpty(), model.toString());
            assertTrue(version.get("metrics").get(0).has("value") && version.get("metrics").get(0).has("split"));
        }

        JsonNode openApi = json(get("/api/openapi.json"));
        assertTrue(openApi.get("openapi").asText().startsWith("3."));
        for (String path : List.of("/api/health", "/api/models", "/api/predict/image", "/api/predict/landmarks",
                "/api/predict/imu", "/api/openapi.json")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }

    @Test
    void imagePredictionEqualsTheCommandLine() throws Exception {
        HttpResponse<String> response = post("/api/predict/image?top=2", "image/png", Files.readAllBytes(figure));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals(ImageCnnRegistration.YOGA_CNN, answer.get("model").asText());
        assertEquals(1, answer.get("version").asInt());
        assertEquals(48, answer.get("width").asInt());
        JsonNode predictions = answer.get("predictions");
        assertEquals(2, predictions.size());
        assertTrue(predictions.get(0).get("probability").asDouble() >= predictions.get(1).get("probability").asDouble());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(List.of("predict-image", "--model", registry.root().resolve(ImageCnnRegistration.YOGA_CNN).toString(),
                "--top", "2", figure.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().skip(1).map(String::strip).toList();
        for (int i = 0; i < 2; i++) {
            JsonNode p = predictions.get(i);
            assertEquals(String.format(Locale.ROOT, "%6.3f  %s", p.get("probability").asDouble(), p.get("class").asText()).strip(),
                    lines.get(i));
        }
        // another request with the cached model answers the same
        assertEquals(answer, json(post("/api/predict/image?top=2", "application/octet-stream", Files.readAllBytes(figure))));
    }

    @Test
    void badImageRequestsAreRefusedWithTheirStatus() throws Exception {
        byte[] png = Files.readAllBytes(figure);
        assertError(post("/api/predict/image", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415, "expected image/*");
        assertError(post("/api/predict/image", "image/png", "this is text, not a picture".getBytes(StandardCharsets.UTF_8)),
                400, "not an image");
        assertError(post("/api/predict/image", "image/png", png(1, 1)), 400, "1x1 px");
        assertError(post("/api/predict/image", "image/png", png(300, 300)), 413, "over the limit of " + MAX_PIXELS + " pixels");
        assertError(post("/api/predict/image", "image/png", new byte[(int) MAX_BODY + 1]), 413, "over the limit");
        assertError(post("/api/predict/image", "image/png", new byte[0]), 400, "empty");
        assertError(post("/api/predict/image?model=no-such-model", "image/png", png), 404, "no model 'no-such-model'");
        assertError(post("/api/predict/image?model=" + ImageCnnRegistration.YOGA_CNN + "&version=7", "image/png", png), 404,
                "no version 7");
        assertError(post("/api/predict/image?model=..%2F..%2Fetc", "image/png", png), 404, "no model '../../etc'");
        assertError(post("/api/predict/image?model=" + SQUAT_MODEL, "image/png", png), 400, "not an image CNN");
        assertError(post("/api/predict/image?top=0", "image/png", png), 400, "top must be");
        assertError(get("/api/no-such-route"), 404, "no route GET /api/no-such-route");
        assertError(post("/api/health", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 404, "no route POST /api/health");
    }

    @Test
    void landmarkPostureAndSquatsEqualTheLibrary() throws Exception {
        String csv = posePilotCsv(squatTest);
        HttpResponse<String> response = post("/api/predict/landmarks?model=" + SQUAT_MODEL + "&reps=squat", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals(squatTest.size(), answer.get("frames").size());
        assertEquals(squatTest.size(), answer.get("overall").get("frames").asInt());
        long right = 0;
        for (int i = 0; i < squatTest.size(); i++) {
            right += answer.get("frames").get(i).get("posture").asText().equals(squatTest.labelOf(i)) ? 1 : 0;
        }
        assertTrue(right > 0.8 * squatTest.size(), right + " of " + squatTest.size() + " frames in the right squat phase");

        Path file = dir.resolve("squat.csv");
        Files.writeString(file, csv);
        SequenceScore expected = PoseScoring.score(file, registry.load(SQUAT_MODEL, 1));
        assertEquals(expected.label(), answer.get("overall").get("posture").asText());
        assertEquals(expected.confidence(), answer.get("overall").get("confidence").asDouble(), 1e-12);
        SquatReps.Count count = squats.count(new PosePilotReader().read(file).sequence());
        JsonNode reps = answer.get("repetitions");
        assertEquals(count.fromPhases().size(), reps.get("fromPhases").asInt());
        assertEquals(count.fromHipHeight().size(), reps.get("fromHipHeight").asInt());
        assertTrue(count.fromPhases().size() >= 2, count.summary());

        // the same frames as JSON, the shape MediaPipe Pose gives a browser, get the same answer
        HttpResponse<String> fromJson = post("/api/predict/landmarks?model=" + SQUAT_MODEL + "&reps=squat", "application/json",
                jsonFrames(csv).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, fromJson.statusCode(), fromJson.body());
        assertEquals(answer, json(fromJson));
    }

    @Test
    void badLandmarkRequestsAreRefusedWithTheirStatus() throws Exception {
        String csv = posePilotCsv(squatTest.head(20));
        String model = "?model=" + SQUAT_MODEL;
        assertError(post("/api/predict/landmarks" + model, "application/xml", csv.getBytes(StandardCharsets.UTF_8)), 415,
                "expected text/csv");
        assertError(post("/api/predict/landmarks" + model, "application/json", csv.getBytes(StandardCharsets.UTF_8)), 400,
                "request body, line 1, column 2: not valid JSON");
        assertError(post("/api/predict/landmarks" + model, "application/json", "{\"frames\": [[]]}".getBytes(StandardCharsets.UTF_8)),
                400, "frame 0 has 0 landmarks");
        List<String> lines = new ArrayList<>(csv.lines().toList());
        String[] cells = lines.get(3).split(",");
        cells[5] = "abc";
        lines.set(3, String.join(",", cells));
        assertError(post("/api/predict/landmarks" + model, "text/csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                400, "request body, line 4, column 6");
        assertError(post("/api/predict/landmarks" + model, "text/csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), 400,
                "expected the PosePilot header");
        assertError(post("/api/predict/landmarks", "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 404,
                "no model '" + YogaPoseModel.REGISTRY_NAME + "'");
        assertError(post("/api/predict/landmarks?model=" + ImageCnnRegistration.YOGA_CNN, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)), 400, "not a landmark classifier");
        assertError(post("/api/predict/landmarks?model=imu-exercise", "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 400,
                "imu-exercise v1 does not read pose features");
        assertError(post("/api/predict/landmarks" + model + "&reps=pushup", "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
                400, "'squat' only");
        byte[] large = new byte[(int) MAX_BODY + 10];
        java.util.Arrays.fill(large, (byte) '1');
        assertError(post("/api/predict/landmarks" + model, "text/csv", large), 413, "over the limit");
    }

    @Test
    void imuRecordingIsScoredLikeTheBatchCommand() throws Exception {
        Path acc = recordingFile("S1-squat-heavy", "Accelerometer");
        Path gyr = recordingFile("S1-squat-heavy", "Gyroscope");
        HttpResponse<String> response = postMultipart("/api/predict/imu", Map.of("accelerometer", acc, "gyroscope", gyr));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        ExerciseScoring.SetScore expected = ExerciseScoring.score(ExerciseModel.loadPreferred(registry, "imu-exercise"),
                MetaWearDatasetLoader.defaults().loadPair(acc, gyr));
        JsonNode set = answer.get("sets").get(0);
        assertEquals("squat", set.get("exercise").asText(), answer.toString());
        assertEquals(expected.label(), set.get("exercise").asText());
        assertEquals(expected.confidence(), set.get("confidence").asDouble(), 1e-12);
        assertEquals(expected.repCount(), set.get("repetitions").asInt());
        assertTrue(expected.repCount() > 0);
        assertEquals(expected.windows().size(), answer.get("windows").size());
        for (int i = 0; i < expected.windows().size(); i++) {
            assertEquals(expected.windows().get(i).step().label(), answer.get("windows").get(i).get("exercise").asText());
        }
    }

    @Test
    void badImuRequestsAreRefusedWithTheirStatus() throws Exception {
        Path acc = recordingFile("S1-bench-heavy", "Accelerometer");
        Path gyr = recordingFile("S1-bench-heavy", "Gyroscope");
        assertError(post("/api/predict/imu", "text/csv", Files.readAllBytes(acc)), 415, "expected multipart/form-data");
        assertError(postMultipart("/api/predict/imu", Map.of("accelerometer", acc)), 400, "missing the multipart file part 'gyroscope'");
        assertError(postMultipart("/api/predict/imu", Map.of("accelerometer", gyr, "gyroscope", acc)), 400,
                "holds a Gyroscope file");
        Path renamed = dir.resolve("recording.csv");
        Files.copy(acc, renamed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertError(postMultipart("/api/predict/imu", Map.of("accelerometer", renamed, "gyroscope", gyr)), 400, "recording.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(acc));
        String[] cells = lines.get(5).split(",");
        cells[4] = "NaN";
        lines.set(5, String.join(",", cells));
        Path broken = Files.createDirectories(dir.resolve("broken")).resolve(acc.getFileName());
        Files.write(broken, lines);
        HttpResponse<String> response = postMultipart("/api/predict/imu", Map.of("accelerometer", broken, "gyroscope", gyr));
        assertError(response, 400, "line 6, column 5");
        assertTrue(json(response).get("error").asText().startsWith(acc.getFileName().toString()), response.body());
        assertFalse(response.body().contains(System.getProperty("java.io.tmpdir")), "no server path in " + response.body());
        Path padded = Files.createDirectories(dir.resolve("padded")).resolve(acc.getFileName());
        Files.write(padded, new byte[(int) MAX_BODY]);
        assertError(postMultipart("/api/predict/imu", Map.of("accelerometer", padded, "gyroscope", gyr)), 413, "over the limit");
        assertError(postMultipart("/api/predict/imu?model=" + SQUAT_MODEL, Map.of("accelerometer", acc, "gyroscope", gyr)), 400,
                "not an exercise model");
        assertError(postMultipart("/api/predict/imu?model=" + ImageCnnRegistration.YOGA_CNN, Map.of("accelerometer", acc,
                "gyroscope", gyr)), 400, "not an exercise model");
    }

    /**
     * On the real PosePilot files (skipped without them): a yoga-pose model registered twice, the first
     * version promoted; a request without {@code ?model} and {@code ?version} takes yoga-pose in its
     * production version, and answers what {@code formlab score-pose} answers for the file.
     */
    @Test
    void yogaPoseByDefaultInItsPreferredVersionEqualsScorePose() throws Exception {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available (FORMLAB_DATA_DIR)");
        var data = YogaPoseModel.data(PoseDatasets.posePilot(root, true).sequences(), YogaPoseModel.extractor());
        var trainer = YogaPoseModel.trainer(20, 42);
        TrainingRun run = TrainingRun.execute(TrainingRecipe.of(YogaPoseModel.TASK, data, trainer, SplitSpec.holdOut(
                List.of(data.groupNames().getFirst()))), data, formlab.eval.Progress.none());
        ModelRegistry yoga = new ModelRegistry(dir.resolve("yoga-models"), null);
        yoga.register(YogaPoseModel.REGISTRY_NAME, run, List.of());
        yoga.register(YogaPoseModel.REGISTRY_NAME, run, List.of());
        yoga.setStage(YogaPoseModel.REGISTRY_NAME, 1, formlab.registry.Stage.PRODUCTION, "test");
        Path file = root.resolve("warrior/cam_1/P3.csv");
        try (ApiServer yogaServer = ApiServer.start(new ServerSettings(ServerSettings.DEFAULT_HOST, 0, yoga, MAX_BODY, MAX_PIXELS))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(yogaServer.url() + "/api/predict/landmarks"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = json(response);
            assertEquals(YogaPoseModel.REGISTRY_NAME, answer.get("model").asText());
            assertEquals(1, answer.get("version").asInt(), "the production version, not the newest");
            SequenceScore expected = PoseScoring.score(file, yoga);
            assertEquals(expected.label(), answer.get("overall").get("posture").asText());
            assertEquals(expected.confidence(), answer.get("overall").get("confidence").asDouble(), 1e-12);
            assertEquals(expected.frames(), answer.get("frames").size());
            assertEquals("warrior", expected.label(), "a camera the model never saw: " + expected);
        }
    }

    /** The squat-phase classifier of {@code pose-from-video --squat}, registered; returns the squat test file's frames. */
    private static PoseSequence registerSquatPhaseModel() throws IOException {
        squats = SquatReps.standard();
        PoseSequence test = PoseDatasets.exerciseCorrection(DatasetFile.SQUAT_TEST).sequences().getFirst();
        var model = squats.phases().model();
        TrainingRecipe recipe = new TrainingRecipe("squat phase (up, down) from pose landmarks", model.featureNames(),
                "label", "file", "smile-random-forest", Map.of("trees", 200, "seed", 42), SplitSpec.holdOut(List.of("test")));
        registry.register(SQUAT_MODEL, new TrainingRun(recipe, model, squats.test(), "the squat test file", "none",
                squats.test().size(), List.of("train", "test")), List.of());
        return test;
    }

    /** A tiny CNN on synthetic figures, registered as yoga-cnn; returns one figure's PNG file. */
    private static Path registerTinyCnn() throws IOException {
        Path folder = dir.resolve("figures");
        SyntheticPoses.writeDataset(folder, 20, 48, 7);
        SplitManifest manifest = SplitManifest.create(ImageFolderReader.read(folder), SplitRatios.DEFAULT, 7);
        PreparedImages images = PreparedImages.load(folder, manifest, new Preprocessing(32, Normalization.UNIT))
                .withTrainNormalization();
        CnnConfig config = CnnConfig.DEFAULT.withImageSize(32).withWidth(8).withBatchSize(16).withEpochs(2, 2)
                .withLearningRate(0.005);
        CnnTrainingRun run = CnnTrainer.train(images, config, TrainingProgress.silent());
        try (var model = run.model()) {
            ImagePredictions test = model.predictPrepared(images.split(Split.TEST));
            CnnModelCard card = CnnModelCard.describe(ImageCnnRegistration.YOGA_CNN, List.of(run), "synthetic figures",
                    manifest.sha256(), Map.of("train", 60, "validation", 20, "test", 20),
                    CnnModelCard.prefixed("test", test.evaluation().metrics()));
            ImageCnnRegistration.register(registry, ImageCnnRegistration.YOGA_CNN, model, card, manifest, test, "synthetic figures");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
    }

    private static Path recordingFile(String set, String sensor) throws IOException {
        try (Stream<Path> files = Files.list(recordings)) {
            return files.filter(p -> p.getFileName().toString().startsWith(set) && p.getFileName().toString().contains(sensor))
                    .sorted().findFirst().orElseThrow();
        }
    }

    /** The PosePilot layout of {@code sequence}: its joints, and zeros with visibility 0 for joints it lacks. */
    private static String posePilotCsv(PoseSequence sequence) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < Joint.COUNT * 4; i++) {
            csv.append(i).append(',');
        }
        csv.append("asana\n");
        for (Pose pose : sequence.poses()) {
            for (Joint joint : Joint.values()) {
                if (pose.isPresent(joint)) {
                    csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,", pose.x(joint), pose.y(joint), pose.z(joint),
                            pose.visibility(joint)));
                } else {
                    csv.append("0,0,0,0,");
                }
            }
            csv.append("unlabelled\n");
        }
        return csv.toString();
    }

    /** The frames of a PosePilot-layout CSV as {@code {"frames": [[{x, y, z, visibility}, ...], ...]}}, numbers as written. */
    private static String jsonFrames(String csv) {
        StringBuilder json = new StringBuilder("{\"frames\": [");
        List<String> rows = csv.lines().skip(1).toList();
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).split(",");
            json.append(r == 0 ? "[" : ",\n[");
            for (int j = 0; j < Joint.COUNT; j++) {
                json.append(j == 0 ? "" : ",").append("{\"x\":").append(cells[4 * j]).append(",\"y\":").append(cells[4 * j + 1])
                        .append(",\"z\":").append(cells[4 * j + 2]).append(",\"visibility\":").append(cells[4 * j + 3]).append('}');
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data request with one file part per entry, sent with the file's name. */
    private static HttpResponse<String> postMultipart(String path, Map<String, Path> parts) throws Exception {
        String boundary = "formlab-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Path> part : new java.util.TreeMap<>(parts).entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue().getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(part.getValue()));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertError(HttpResponse<String> response, int status, String containing) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = json(response).get("error");
        assertNotNull(error, response.body());
        assertTrue(error.asText().contains(containing), "expected '" + containing + "' in: " + error.asText());
    }

}
