package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.ModelFileException;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final LabelledData DATA = SyntheticFeatures.table(5, 2, 6, 0.1, 31);
    private static final SmileGradientBoostingTrainer GOOD = new SmileGradientBoostingTrainer(40, 4, 6, 3, 0.1, 0.8, 7);
    private static final SmileGradientBoostingTrainer WEAK = new SmileGradientBoostingTrainer(2, 2, 2, 3, 0.01, 0.5, 7);

    @TempDir
    Path dir;

    private ModelCard register(ModelRegistry registry, SmileGradientBoostingTrainer trainer, SplitSpec split, List<Path> files)
            throws Exception {
        TrainingRecipe recipe = TrainingRecipe.of("exercise from wrist IMU windows", DATA, trainer, split);
        return registry.register("imu-exercise", TrainingRun.execute(recipe, DATA, Progress.none()), files);
    }

    @Test
    void namesMadeFromLongDatasetNamesKeepTheirKindApart() {
        String dataset = "Physio Clinic Recordings " + "x".repeat(60);
        String classes = ModelRegistry.nameFrom(dataset, "class");
        String reps = ModelRegistry.nameFrom(dataset, "reps");
        assertTrue(classes.endsWith("-class") && reps.endsWith("-reps"), classes + " " + reps);
        assertTrue(classes.length() <= 64 && reps.length() <= 64, classes + " " + reps);
        assertTrue(classes.startsWith("physio-clinic-recordings-xxx"), classes);
        assertEquals("my-phone-data-class", ModelRegistry.nameFrom("My Phone Data", "class"));
        ModelRegistry.requireName(classes);
        ModelRegistry.requireName(reps);
    }

    @Test
    void registersVersionedFoldersWithACompleteCard() throws Exception {
        Path csv = dir.resolve("features.csv");
        DATA.table().write().csv(csv.toFile());
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), dir);
        ModelCard card = register(registry, GOOD, SplitSpec.leaveOneGroupOut(), List.of(csv));
        ModelCard second = register(registry, GOOD, SplitSpec.kFold(3, 5), List.of());
        assertEquals(1, card.version());
        assertEquals(2, second.version());
        assertEquals(List.of(1, 2), registry.versions("imu-exercise"));
        assertTrue(Files.isRegularFile(dir.resolve("models/imu-exercise/v1/model.flm")));
        try (var leftovers = Files.list(dir.resolve("models/imu-exercise"))) {
            assertEquals(2, leftovers.count(), "staging folder left behind");
        }

        JsonNode json = ModelRegistry.JSON.readTree(dir.resolve("models/imu-exercise/v1/card.json").toFile());
        assertEquals("CANDIDATE", json.get("stage").asText());
        assertEquals("exercise from wrist IMU windows", json.at("/recipe/task").asText());
        assertEquals("smile-gbt", json.at("/recipe/trainerName").asText());
        assertEquals(7, json.at("/recipe/hyperparameters/seed").asLong());
        assertEquals("leave-one-group-out", json.at("/recipe/split/protocol").asText());
        assertEquals("features.csv", json.at("/data/0/path").asText());
        assertEquals(DataFile.sha256(csv), json.at("/data/0/sha256").asText());
        assertEquals("4.4.2", json.at("/environment/libraries/smile-core").asText());
        assertEquals("4.3.2", json.at("/environment/libraries/tribuo-core").asText());
        assertTrue(json.at("/environment/java").asText().startsWith(System.getProperty("java.version").split("[.+]")[0]));
        assertTrue(json.at("/metrics/0/split").asText().startsWith("leave-one-group-out"));
        assertEquals(5, json.get("groupMetrics").size());
        assertNotNull(json.get("createdAt").asText());

        ModelCard read = registry.card("imu-exercise", 1);
        assertEquals(card, read);
        assertEquals(GOOD, read.recipe().trainer());
        assertEquals(2, registry.table("imu-exercise", "accuracy", "balanced_accuracy").rowCount());
    }

    @Test
    void preferredIsTheProductionVersionElseTheNewest() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        assertTrue(registry.preferred("imu-exercise").isEmpty());
        register(registry, GOOD, SplitSpec.leaveOneGroupOut(), List.of());
        register(registry, WEAK, SplitSpec.leaveOneGroupOut(), List.of());
        assertEquals(2, registry.preferred("imu-exercise").orElseThrow().version(), "no production: the newest");
        registry.setStage("imu-exercise", 1, Stage.PRODUCTION, "chosen by hand");
        assertEquals(1, registry.preferred("imu-exercise").orElseThrow().version(), "production beats newer candidates");
    }

    @Test
    void copyingAVersionTakesItsCardAndCheckedParameters() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        ModelCard card = register(registry, GOOD, SplitSpec.leaveOneGroupOut(), List.of());
        Path staging = dir.resolve("staging");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("stale.txt"), "left from an earlier copy");

        registry.copyVersion("imu-exercise", 1, staging);
        assertFalse(Files.exists(staging.resolve("stale.txt")), "the folder is emptied first");
        assertArrayEquals(Files.readAllBytes(registry.versionFolder("imu-exercise", 1).resolve(ModelRegistry.CARD_FILE)),
                Files.readAllBytes(staging.resolve(ModelRegistry.CARD_FILE)));
        assertArrayEquals(Files.readAllBytes(registry.payload("imu-exercise", 1)),
                Files.readAllBytes(staging.resolve(card.modelFile())));

        Files.write(registry.payload("imu-exercise", 1), new byte[] {1, 2, 3});
        assertThrows(ModelFileException.class, () -> registry.copyVersion("imu-exercise", 1, dir.resolve("other")));
    }

    @Test
    void promotionFollowsTheGatesAndExplainsItself() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        register(registry, GOOD, SplitSpec.leaveOneGroupOut(), List.of());
        PromotionReport first = registry.promote("imu-exercise", 1, PromotionPolicy.standard(0.5, "balanced_accuracy"));
        assertTrue(first.promoted(), first.toString());
        assertTrue(first.toString().contains("no production version yet"), first.toString());
        assertEquals(1, registry.production("imu-exercise").orElseThrow().version());

        register(registry, WEAK, SplitSpec.leaveOneGroupOut(), List.of());
        PromotionReport weak = registry.promote("imu-exercise", 2, PromotionPolicy.standard(0.0, "balanced_accuracy"));
        assertFalse(weak.promoted(), weak.toString());
        assertTrue(weak.toString().contains("FAIL  balanced_accuracy not worse than production"), weak.toString());
        assertEquals(1, registry.production("imu-exercise").orElseThrow().version());

        PromotionReport strict = registry.promote("imu-exercise", 2, new PromotionPolicy(List.of(new PromotionGate.EveryGroupAtLeast(0.99))));
        assertFalse(strict.promoted());
        assertTrue(strict.toString().contains("below threshold: A"), strict.toString());

        register(registry, GOOD, SplitSpec.kFold(3, 1), List.of());
        PromotionReport otherSplit = registry.promote("imu-exercise", 3, PromotionPolicy.standard(0.0, "accuracy"));
        assertFalse(otherSplit.promoted());
        assertTrue(otherSplit.toString().contains("not comparable"), otherSplit.toString());

        register(registry, new SmileGradientBoostingTrainer(60, 4, 6, 3, 0.1, 0.8, 7), SplitSpec.leaveOneGroupOut(), List.of());
        PromotionReport better = registry.promote("imu-exercise", 4, new PromotionPolicy(List.of(
                new PromotionGate.NotWorseThanProduction("balanced_accuracy", 0.05))));
        assertTrue(better.promoted(), better.toString());
        assertEquals(4, registry.production("imu-exercise").orElseThrow().version());
        ModelCard archived = registry.card("imu-exercise", 1);
        assertEquals(Stage.ARCHIVED, archived.stage());
        assertEquals(List.of(Stage.CANDIDATE, Stage.PRODUCTION, Stage.ARCHIVED),
                archived.history().stream().map(ModelCard.StageChange::stage).toList());
        assertTrue(better.toHtml().contains("PASS"));
    }

    @Test
    void loadingChecksTheModelFileAgainstTheCard() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRun run = TrainingRun.execute(TrainingRecipe.of("t", DATA, GOOD, SplitSpec.leaveOneGroupOut()), DATA, Progress.none());
        registry.register("imu-exercise", run, List.of());
        Classifier loaded = registry.load("imu-exercise", 1);
        for (double[] row : DATA.x()) {
            assertArrayEquals(run.model().probabilities(row), loaded.probabilities(row), 0.0);
        }
        Path other = dir.resolve("other");
        new ModelRegistry(other, null).register("imu-exercise",
                TrainingRun.execute(TrainingRecipe.of("t", DATA, WEAK, SplitSpec.leaveOneGroupOut()), DATA, Progress.none()), List.of());
        Files.copy(other.resolve("imu-exercise/v1/model.flm"), dir.resolve("models/imu-exercise/v1/model.flm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var e = assertThrows(ModelFileException.class, () -> registry.load("imu-exercise", 1));
        assertTrue(e.getMessage().contains("differs from the card"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.versionFolder("../etc", 1));
        assertEquals(Optional.empty(), registry.production("imu-exercise"));
    }

    @Test
    void retrainingFromTheCardReproducesMetricsAndPredictions() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        register(registry, GOOD, SplitSpec.kFold(3, 11), List.of());
        Reproduction same = Reproduction.check(registry, "imu-exercise", 1, DATA, Progress.none());
        assertTrue(same.reproduced(), same.checks().print());
        assertEquals(0.0, same.maxProbabilityDifference());

        LabelledData otherRecording = SyntheticFeatures.table(5, 2, 6, 0.1, 32);
        Reproduction different = Reproduction.check(registry, "imu-exercise", 1, otherRecording, Progress.none());
        assertFalse(different.reproduced());
        assertEquals("NO", different.checks().stringColumn("ok").get(0), "table hash should differ");
    }
}
