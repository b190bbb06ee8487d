package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.image.PreparedImage;
import formlab.image.PreparedImages;
import formlab.image.Split;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnModelStoreTest {

    @TempDir
    static Path temp;

    static PreparedImages data;
    static CnnTrainingRun run;
    /** The model saved as a model file (engine djl-cnn), as registration stores it. */
    static Path saved;
    /** The same model in the folder layout of earlier versions, which still loads. */
    static Path legacy;
    static CnnModelCard card;

    @BeforeAll
    static void trainAndSave() throws Exception {
        data = TinyModels.figures(temp.resolve("figures"));
        run = CnnTrainer.train(data, TinyModels.config(2), TrainingProgress.silent());
        CnnModelCard described = CnnModelCard.describe("poses", List.of(run), "figures (synthetic)", "abc123",
                Map.of("train", 60, "validation", 20, "test", 20), Map.of("test_accuracy", 0.5));
        run.model().describedBy(described);
        saved = Files.createDirectories(temp.resolve("models")).resolve("poses.flm");
        formlab.model.ModelFiles.save(run.model(), saved);
        card = CnnModelStore.card(saved);
        legacy = temp.resolve("legacy/poses");
        CnnModelStore.writeLegacyFolder(run.model(), described, legacy);
    }

    @AfterAll
    static void close() {
        run.model().close();
    }

    @Test
    void savedModelPredictsTheSameAfterLoading() {
        List<BufferedImage> images = data.split(Split.TEST).stream().map(PreparedImage::source).toList();
        List<double[]> before = run.model().probabilities(images);
        for (Path location : List.of(saved, legacy)) {
            try (CnnImageClassifier loaded = CnnModelStore.load(location)) {
                List<double[]> after = loaded.probabilities(images);
                for (int i = 0; i < images.size(); i++) {
                    assertArrayEquals(before.get(i), after.get(i), 1e-6, location.toString());
                }
                assertEquals(run.model().classes(), loaded.classes());
                assertEquals(run.model().preprocessing(), loaded.preprocessing());
                assertArrayEquals(before.get(0), loaded.probabilities(images.get(0)), 1e-6, "single and batch agree");
            }
        }
    }

    /** The CNN is a model.Classifier like any other: ModelFiles stores and loads it by its engine, over its input tensor. */
    @Test
    void modelFilesLoadTheCnnAsAClassifierOverItsInputTensor() throws IOException {
        assertEquals(CnnModelType.ENGINE, formlab.model.ModelFiles.header(saved).engine());
        assertEquals(CnnImageTrainer.NAME, formlab.model.ModelFiles.header(saved).trainer());
        formlab.model.Classifier loaded = formlab.model.ModelFiles.load(saved);
        try (CnnImageClassifier cnn = (CnnImageClassifier) loaded) {
            float[] tensor = data.preprocessing().tensor(data.split(Split.TEST).get(0).source());
            double[] features = new double[tensor.length];
            for (int i = 0; i < tensor.length; i++) {
                features[i] = tensor[i];
            }
            assertEquals(3 * 32 * 32, loaded.featureNames().size());
            assertArrayEquals(run.model().probabilities(features), loaded.probabilities(features), 1e-6);
            assertEquals(card, cnn.card());
        }
    }

    @Test
    void cardRecordsWhatLoadingAndProvenanceNeed() throws IOException {
        CnnModelCard read = CnnModelStore.card(saved);
        assertEquals(CnnModelStore.card(legacy).withParameters(List.of("member-0"), List.of(read.members().get(0).parametersSha256())),
                read.withParameters(List.of("member-0"), List.of(read.members().get(0).parametersSha256())), "the same card either way");
        assertEquals(32, read.inputSize());
        assertEquals("abc123", read.splitManifestSha256());
        assertEquals(0.5, read.metrics().get("test_accuracy"));
        assertEquals(1, read.members().size());
        assertEquals(run.bestValidationAccuracy(), read.members().get(0).validationAccuracy());
        assertEquals(run.config(), read.members().get(0).config());
        assertEquals("0.36.0", read.libraries().get("djl"));
        assertTrue(Files.exists(legacy.resolve(CnnModelStore.card(legacy).members().get(0).parametersFile())));
        try (Stream<Path> siblings = Files.list(saved.getParent())) {
            assertEquals(List.of(saved), siblings.toList(), "no temporary folders left beside the model");
        }
    }

    @Test
    void damagedParametersAreRefusedByTheirHash() throws IOException {
        Path file = temp.resolve("damaged.flm");
        byte[] model = Files.readAllBytes(saved);
        model[model.length - 100] ^= 0x55;
        Files.write(file, model);
        CnnModelException altered = assertThrows(CnnModelException.class, () -> CnnModelStore.load(file));
        assertTrue(altered.getMessage().contains("SHA-256 does not match"), altered.getMessage());

        Path copy = temp.resolve("damaged");
        CnnModelStore.writeLegacyFolder(run.model(), card, copy);
        Path parameters = copy.resolve(CnnModelStore.card(copy).members().get(0).parametersFile());
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(parameters, bytes);
        CnnModelException e = assertThrows(CnnModelException.class, () -> CnnModelStore.load(copy));
        assertTrue(e.getMessage().contains("does not match the card"), e.getMessage());
    }

    @Test
    void aFolderWithoutCardSaysWhatIsMissing() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        CnnModelException e = assertThrows(CnnModelException.class, () -> CnnModelStore.load(empty));
        assertTrue(e.getMessage().contains("no card.json"), e.getMessage());
        Files.writeString(empty.resolve("card.json"), "{\n \"format\": \"formlab-cnn-card/1\",\n \"name\": }");
        CnnModelException bad = assertThrows(CnnModelException.class, () -> CnnModelStore.load(empty));
        assertTrue(bad.getMessage().contains("line 3"), bad.getMessage());
    }

    @Test
    void predictImageCommandPrintsProbabilitiesPerFileAndReportsBadFiles() throws IOException {
        Path png = temp.resolve("figure.jpg"); // a PNG named .jpg
        ImageIO.write(formlab.image.SyntheticPoses.render(4, 60, new java.util.Random(1)), "png", png.toFile());
        Path webp = formlab.image.TestImages.writeBytes(temp, "web-photo.jpg", formlab.image.TestImages.fixture("quadrants-webp-named.jpg"));
        byte[] jpeg = formlab.image.TestImages.encode(formlab.image.TestImages.image(120, 96, java.awt.Color.ORANGE, 3), "jpeg");
        Path cut = formlab.image.TestImages.writeBytes(temp, "cut.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length * 6 / 10));
        Path broken = formlab.image.TestImages.writeBytes(temp, "photo.jpg", formlab.image.TestImages.webp());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = formlab.cli.Main.run(List.of("predict-image", "--model", saved.toString(), "--top", "2", png.toString(),
                webp.toString(), cut.toString(), broken.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text + err);
        String[] lines = text.split("\n");
        assertEquals(png.toString(), lines[0]);
        assertTrue(lines[1].matches(" +[01]\\.[0-9]{3}  .+ \\(synthetic\\)"), lines[1]);
        assertTrue(lines[2].matches(" +[01]\\.[0-9]{3}  .+"), lines[2]);
        assertEquals(webp.toString(), lines[3], "a WebP named .jpg is classified");
        assertTrue(lines[4].matches(" +[01]\\.[0-9]{3}  .+"), lines[4]);
        assertEquals(cut.toString(), lines[6]);
        assertTrue(lines[7].startsWith("  warning: damaged JPEG data") && lines[7].toLowerCase(java.util.Locale.ROOT).contains("premature end"),
                lines[7]);
        assertTrue(lines[8].matches(" +[01]\\.[0-9]{3}  .+"), lines[8]);
        assertEquals(broken.toString(), lines[10]);
        assertTrue(lines[11].contains("error: corrupt WEBP data"), lines[11]);
        assertEquals(12, lines.length, text);
        assertFalse(text.contains("Exception"));
    }

    @Test
    void imagesBelowTheMinimumSideAreRefusedNotClassified() throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of("predict-image", "--model", saved.toString()));
        for (int[] size : new int[][] {{1, 1}, {3, 500}}) {
            Path tiny = temp.resolve("tiny-" + size[0] + "x" + size[1] + ".png");
            ImageIO.write(new java.awt.image.BufferedImage(size[0], size[1], java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                    tiny.toFile());
            argv.add(tiny.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = formlab.cli.Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertEquals(2, text.lines().filter(l -> l.contains("error: ") && l.contains("shorter side must be at least 16 px")).count(), text);
        assertFalse(text.matches("(?s).*[01]\\.[0-9]{3}  .*"), text);
        for (BufferedImage tiny : List.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                new BufferedImage(500, 3, BufferedImage.TYPE_INT_RGB))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.model().probabilities(tiny));
            assertTrue(e.getMessage().contains(tiny.getWidth() + "x" + tiny.getHeight() + " px")
                    && e.getMessage().contains("at least " + formlab.image.ImageDecoder.DEFAULT_MIN_SIDE + " px"), e.getMessage());
        }
        BufferedImage ok = new BufferedImage(formlab.image.ImageDecoder.DEFAULT_MIN_SIDE, 40, BufferedImage.TYPE_INT_RGB);
        assertEquals(run.model().classes().size(), run.model().probabilities(ok).length, "the minimum itself is accepted");
    }

    @Test
    void registeredThroughTheRegistryAndLoadedByName() throws IOException {
        var registry = new formlab.registry.ModelRegistry(temp.resolve("registry"), null);
        ImagePredictions test = run.model().predictPrepared(data.split(Split.TEST));
        var manifest = data.manifest();
        var first = formlab.cnn.ImageCnnRegistration.register(registry, "poses", run.model(), card, manifest, test, "pose");
        var second = formlab.cnn.ImageCnnRegistration.register(registry, "poses", run.model(), card, manifest, test, "pose");
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(formlab.cnn.ImageCnnRegistration.FORMAT, first.modelFormat());
        assertEquals(formlab.registry.ModelRegistry.MODEL_FILE, first.modelFile(), "a model file like every other model's");
        assertEquals(ImageCnnRegistration.TRAINER, first.recipe().trainerName());
        assertEquals(32L, first.recipe().hyperparameters().get("imageSize"));
        assertEquals(60L, first.recipe().hyperparameters().get("images.train"), "the CNN card's facts are in the registry card");
        assertTrue(ImageCnnRegistration.isImageCnn(first));
        assertFalse(first.loadableByModelFiles(), "callers that feed feature rows tell it apart by its card");
        assertTrue(first.storedAsModelFile());
        assertEquals(test.evaluation().accuracy(), first.metric("accuracy").orElseThrow().value(), 1e-12);
        BufferedImage image = data.split(Split.TEST).get(0).source();
        try (CnnImageClassifier loaded = formlab.cnn.ImageCnnRegistration.loadFrom(registry.root().resolve("poses"))) {
            assertArrayEquals(run.model().probabilities(image), loaded.probabilities(image), 1e-6);
        }
        try (CnnImageClassifier loaded = (CnnImageClassifier) registry.load("poses", 1)) {
            assertArrayEquals(run.model().probabilities(image), loaded.probabilities(image), 1e-6);
            assertEquals("abc123", loaded.card().splitManifestSha256());
        }
        var promotion = registry.promote("poses", 1, new formlab.registry.PromotionPolicy(
                List.of(new formlab.registry.PromotionGate.MetricAtLeast("accuracy", 0.0))));
        assertTrue(promotion.promoted(), "promotion loads the model file first: " + promotion.summaryLine());
        // A version registered before model files (a CNN folder, format djl-pytorch-cnn) still loads.
        var old = registry.register("poses", new formlab.registry.TrainingRun(first.recipe(), run.model(), test.evaluation(), "test",
                manifest.sha256(), 1, List.of("g")), List.of(), formlab.registry.ModelPayload.written(ImageCnnRegistration.LEGACY_FORMAT,
                ImageCnnRegistration.LEGACY_PAYLOAD, target -> CnnModelStore.writeLegacyFolder(run.model(), card, target)));
        assertTrue(ImageCnnRegistration.isImageCnn(old));
        try (CnnImageClassifier loaded = ImageCnnRegistration.load(registry, "poses", old.version())) {
            assertArrayEquals(run.model().probabilities(image), loaded.probabilities(image), 1e-6);
        }
        assertEquals("abc123", ImageCnnRegistration.cnnCard(registry, "poses", old.version()).splitManifestSha256());
        assertEquals(1, registry.preferred("poses").orElseThrow().version(), "production wins over the newer legacy version");
    }

    @Test
    void anEnsembleIsSavedWithEveryNetworkAndLoadsBack() throws IOException {
        CnnTrainingRun a = CnnTrainer.train(data, TinyModels.config(1).withSeed(1), TrainingProgress.silent());
        CnnTrainingRun b = CnnTrainer.train(data, TinyModels.config(1).withSeed(2).withWidth(4), TrainingProgress.silent());
        CnnModelCard described = CnnModelCard.describe("pair", List.of(a, b), "figures", "x", Map.of(), Map.of());
        try (CnnImageClassifier pair = CnnImageClassifier.ensemble(List.of(a.model(), b.model()))) {
            Path file = temp.resolve("pair.flm");
            formlab.model.ModelFiles.save(pair, file);
            assertEquals(List.of("member-0", "member-1"),
                    CnnModelStore.card(file).members().stream().map(CnnModelCard.Member::parametersFile).toList());
            pair.describedBy(described);
            Path folder = temp.resolve("pair");
            CnnModelCard written = CnnModelStore.writeLegacyFolder(pair, described, folder);
            assertEquals(List.of("member-0-0000.params", "member-1-0000.params"),
                    written.members().stream().map(CnnModelCard.Member::parametersFile).toList());
            assertTrue(written.prediction().contains("mean softmax of 2 networks"));
            BufferedImage image = data.split(Split.TEST).get(1).source();
            for (Path location : List.of(file, folder)) {
                try (CnnImageClassifier loaded = CnnModelStore.load(location)) {
                    assertEquals(2, loaded.members().size());
                    assertEquals(4, loaded.members().get(1).config().width());
                    assertArrayEquals(pair.probabilities(image), loaded.probabilities(image), 1e-6);
                }
            }
        }
    }
}
