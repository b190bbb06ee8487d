package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.ModelFileException;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models stored outside ModelFiles (a DJL network's parameter folder) in the registry. */
class ExternalPayloadTest {

    private static final LabelledData DATA = SyntheticFeatures.table(4, 2, 5, 0.1, 3);

    @TempDir
    Path dir;

    private static TrainingRun run() {
        TrainingRecipe recipe = TrainingRecipe.of("yoga pose from photos", DATA,
                new SmileGradientBoostingTrainer(20, 4, 6, 3, 0.1, 0.8, 5), SplitSpec.leaveOneGroupOut());
        return TrainingRun.execute(recipe, DATA, Progress.none());
    }

    /** What DJL's {@code Model.save(dir, "yoga-cnn")} leaves behind: a parameter file and a side file. */
    private static ModelPayload djlLike(byte[] weights) {
        return ModelPayload.written("djl-pytorch", "djl", target -> {
            Files.createDirectories(target.resolve("extra"));
            Files.write(target.resolve("yoga-cnn-0003.params"), weights);
            Files.writeString(target.resolve("extra/synset.txt"), "tree\nwarrior\n");
        });
    }

    @Test
    void folderPayloadIsVersionedHashedAndPromotedLikeAnyModel() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRun run = run();
        ModelCard first = registry.register("yoga-cnn", run, List.of(), djlLike(new byte[] {1, 2, 3}));
        ModelCard second = registry.register("yoga-cnn", run, List.of(), djlLike(new byte[] {1, 2, 4}));
        assertEquals(List.of(1, 2), registry.versions("yoga-cnn"));
        assertEquals("djl-pytorch", first.modelFormat());
        assertEquals("djl", first.modelFile());
        assertFalse(first.loadableByModelFiles());
        Path folder = registry.payload("yoga-cnn", 1);
        assertEquals(dir.resolve("models/yoga-cnn/v1/djl"), folder);
        assertEquals(ContentHash.sha256(folder), first.modelSha256());
        assertNotEquals(first.modelSha256(), second.modelSha256(), "different weights, different hash");
        // The listing that is hashed reads like sha256sum output, sorted by path.
        String listing = ContentHash.listing(folder);
        assertEquals(DataFile.sha256(folder.resolve("extra/synset.txt")) + "  extra/synset.txt\n"
                + DataFile.sha256(folder.resolve("yoga-cnn-0003.params")) + "  yoga-cnn-0003.params\n", listing);

        PromotionReport report = registry.promote("yoga-cnn", 1, PromotionPolicy.standard(0.0, "balanced_accuracy"));
        assertTrue(report.promoted(), report.toString());
        assertEquals(1, registry.production("yoga-cnn").orElseThrow().version());
        assertEquals("djl-pytorch", registry.card("yoga-cnn", 1).modelFormat(), "stage change keeps the format");
        assertEquals("djl-pytorch", registry.table("yoga-cnn").stringColumn("format").get(0));

        var notModelFiles = assertThrows(ModelFileException.class, () -> registry.load("yoga-cnn", 1));
        assertTrue(notModelFiles.getMessage().contains("'djl-pytorch' payload"), notModelFiles.getMessage());
    }

    @Test
    void changedRenamedOrAddedFilesInThePayloadAreDetected() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        registry.register("yoga-cnn", run(), List.of(), djlLike(new byte[] {9, 9}));
        Path folder = registry.versionFolder("yoga-cnn", 1).resolve("djl");

        Files.write(folder.resolve("yoga-cnn-0003.params"), new byte[] {9, 8});
        assertDamaged(registry);
        Files.write(folder.resolve("yoga-cnn-0003.params"), new byte[] {9, 9});
        registry.payload("yoga-cnn", 1);

        Files.move(folder.resolve("extra/synset.txt"), folder.resolve("extra/classes.txt"));
        assertDamaged(registry);
        Files.move(folder.resolve("extra/classes.txt"), folder.resolve("extra/synset.txt"));

        Files.writeString(folder.resolve("injected.py"), "print('hello')");
        assertDamaged(registry);
    }

    private static void assertDamaged(ModelRegistry registry) {
        var e = assertThrows(ModelFileException.class, () -> registry.payload("yoga-cnn", 1));
        assertTrue(e.getMessage().contains("differs from the card") && e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void singleFileCopiesKeepTheirNameAndHash() throws Exception {
        Path onnx = dir.resolve("exported.onnx");
        Files.write(onnx, new byte[] {0x08, 0x07, 0x12});
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        ModelCard card = registry.register("pose-onnx", run(), List.of(), ModelPayload.copyOf("onnx", onnx));
        assertEquals("exported.onnx", card.modelFile());
        assertEquals(DataFile.sha256(onnx), card.modelSha256());
        assertEquals(DataFile.sha256(onnx), DataFile.sha256(registry.payload("pose-onnx", 1)));
    }

    @Test
    void badPayloadsLeaveNoVersionBehind() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        assertThrows(IllegalArgumentException.class, () -> ModelPayload.written("djl", "../escape", t -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModelPayload.written("djl", ModelRegistry.CARD_FILE, t -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModelPayload.written("DJL PyTorch", "djl", t -> { }));

        var nothing = assertThrows(IOException.class,
                () -> registry.register("yoga-cnn", run(), List.of(), ModelPayload.written("djl-pytorch", "djl", t -> { })));
        assertTrue(nothing.getMessage().contains("wrote nothing"), nothing.getMessage());

        Path outside = Files.writeString(dir.resolve("secret.txt"), "not part of the model");
        var link = assertThrows(IOException.class, () -> registry.register("yoga-cnn", run(), List.of(),
                ModelPayload.written("djl-pytorch", "djl", t -> {
                    Files.createDirectories(t);
                    Files.createSymbolicLink(t.resolve("weights.params"), outside);
                })));
        assertTrue(link.getMessage().contains("symbolic link"), link.getMessage());
        assertEquals(List.of(), registry.versions("yoga-cnn"));
        try (var left = Files.list(dir.resolve("models/yoga-cnn"))) {
            assertEquals(0, left.count(), "staging folders must be removed");
        }
    }

    @Test
    void cardsWrittenBeforeTheFormatFieldReadAsModelFiles() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRun run = run();
        registry.register("imu-exercise", run, List.of());
        Path cardFile = registry.versionFolder("imu-exercise", 1).resolve(ModelRegistry.CARD_FILE);
        ObjectNode json = (ObjectNode) ModelRegistry.JSON.readTree(cardFile.toFile());
        assertEquals(ModelPayload.FORMLAB_FORMAT, json.get("modelFormat").asText());
        json.remove("modelFormat");
        Files.writeString(cardFile, ModelRegistry.JSON.writeValueAsString(json));
        ModelCard old = registry.card("imu-exercise", 1);
        assertTrue(old.loadableByModelFiles());
        double[] row = DATA.row(0);
        assertEquals(run.model().probabilities(row)[0], registry.load("imu-exercise", 1).probabilities(row)[0], 0.0);
    }
}
