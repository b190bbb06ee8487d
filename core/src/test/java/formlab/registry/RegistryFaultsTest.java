package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.faults.BadInputs;
import formlab.model.LabelledData;
import formlab.model.ModelFileException;
import formlab.model.ModelFiles;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged registries and model files are refused with the reason, never used or promoted. */
class RegistryFaultsTest {

    private static final LabelledData DATA = SyntheticFeatures.table(4, 2, 5, 0.1, 31);
    private static final SmileGradientBoostingTrainer TRAINER = new SmileGradientBoostingTrainer(20, 3, 4, 3, 0.1, 0.8, 7);
    private static final PromotionPolicy ANY = PromotionPolicy.standard(0.0, "balanced_accuracy");

    @TempDir
    Path dir;

    private ModelRegistry registryWithVersions(int count) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRun run = TrainingRun.execute(TrainingRecipe.of("t", DATA, TRAINER, SplitSpec.kFold(2, 3)), DATA, Progress.none());
        for (int i = 0; i < count; i++) {
            registry.register("imu-exercise", run, List.of());
        }
        return registry;
    }

    private Path modelFile(ModelRegistry registry, int version) {
        return registry.versionFolder("imu-exercise", version).resolve(ModelRegistry.MODEL_FILE);
    }

    /** Makes the card's SHA-256 agree with the (damaged) model file, as a hand-edited version would. */
    private void rehash(ModelRegistry registry, int version) throws IOException {
        String sha = ContentHash.sha256(modelFile(registry, version));
        BadInputs.editJson(registry.versionFolder("imu-exercise", version).resolve(ModelRegistry.CARD_FILE),
                card -> card.put("modelSha256", sha));
    }

    @Test
    void aVersionWhoseModelDoesNotLoadIsNeverPromotedAndProductionStays() throws Exception {
        ModelRegistry registry = registryWithVersions(4);
        assertTrue(registry.promote("imu-exercise", 1, ANY).promoted());

        BadInputs.truncate(modelFile(registry, 2));
        Files.delete(modelFile(registry, 3));
        BadInputs.smileModelFile(modelFile(registry, 4), BadInputs.foreignObject());
        rehash(registry, 4);
        for (int version : List.of(2, 3, 4)) {
            IOException e = assertThrows(IOException.class, () -> registry.promote("imu-exercise", version, ANY));
            assertTrue(e.getMessage().contains("Not promoting imu-exercise v" + version), e.getMessage());
            assertEquals(Stage.CANDIDATE, registry.card("imu-exercise", version).stage());
            assertEquals(1, registry.production("imu-exercise").orElseThrow().version(), "the good production version stays");
        }
        assertTrue(assertThrows(IOException.class, () -> registry.promote("imu-exercise", 4, ANY)).getMessage()
                .contains("java.util.Date"));
    }

    @Test
    void aCardThatDisagreesWithItsFolderIsRefused() throws Exception {
        ModelRegistry registry = registryWithVersions(1);
        BadInputs.editJson(registry.versionFolder("imu-exercise", 1).resolve(ModelRegistry.CARD_FILE), card -> card.put("version", 7));
        IOException e = assertThrows(IOException.class, () -> registry.card("imu-exercise", 1));
        assertTrue(e.getMessage().contains("says imu-exercise v7") && e.getMessage().contains("folder of imu-exercise v1"), e.getMessage());
        assertThrows(IOException.class, () -> registry.table("imu-exercise", "accuracy"));
    }

    @Test
    void aCardWithoutStageNamesTheMissingField() throws Exception {
        ModelRegistry registry = registryWithVersions(1);
        BadInputs.editJson(registry.versionFolder("imu-exercise", 1).resolve(ModelRegistry.CARD_FILE), card -> card.remove("stage"));
        IOException e = assertThrows(IOException.class, () -> registry.table("imu-exercise", "accuracy"));
        assertTrue(e.getMessage().contains("card.json: not a valid model card: missing stage"), e.getMessage());
    }

    @Test
    void aMissingVersionIsNamedAsSuch() throws Exception {
        ModelRegistry registry = registryWithVersions(1);
        IOException e = assertThrows(IOException.class, () -> registry.card("imu-exercise", 9));
        assertTrue(e.getMessage().contains("has no version 9") && e.getMessage().contains("[1]"), e.getMessage());
    }

    @Test
    void theDeserializationFilterNamesTheRefusedClassAndTheDepthLimit() throws Exception {
        Path foreign = BadInputs.smileModelFile(dir.resolve("foreign.flm"), BadInputs.foreignObject());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(foreign));
        assertTrue(e.getMessage().contains("class java.util.Date is outside the Smile allow-list"), e.getMessage());

        Path deep = BadInputs.smileModelFile(dir.resolve("deep.flm"), BadInputs.nestedLists(600));
        ModelFileException depth = assertThrows(ModelFileException.class, () -> ModelFiles.load(deep));
        assertTrue(depth.getMessage().contains("nesting depth 401 exceeds the limit of 400"), depth.getMessage());
    }

    @Test
    void leftoversOfAKilledRegistrationAreCleanedAtTheNextOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models/imu-exercise"));
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(3)));
        Path staging = Files.createDirectory(folder.resolve(".staging-4711"));
        Path temp = Files.write(folder.resolve(".model.flm.4711.tmp"), new byte[4096]);
        Files.setLastModifiedTime(staging, old);
        Files.setLastModifiedTime(temp, old);
        Path busy = Files.createDirectory(folder.resolve(".staging-4712")); // another process registering right now
        registryWithVersions(1);
        assertTrue(Files.notExists(staging) && Files.notExists(temp), "stale leftovers deleted");
        assertTrue(Files.isDirectory(busy), "a fresh staging folder is left alone");
    }
}
