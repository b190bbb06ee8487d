package formlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    private static final LabelledData DATA = SyntheticFeatures.table(3, 2, 5, 0.12, 3);

    @TempDir
    Path dir;

    @Test
    void everyModelLoadsBackWithIdenticalPredictions() throws Exception {
        double[][] x = DATA.x();
        for (Trainer trainer : TrainersTest.smallTrainers(2)) {
            Classifier model = trainer.fit(DATA);
            Path file = dir.resolve(trainer.name() + ".model");
            ModelFiles.save(model, file);
            Classifier loaded = ModelFiles.load(file);
            assertEquals(model.classes(), loaded.classes());
            assertEquals(model.featureNames(), loaded.featureNames());
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(model.probabilities(x[i]), loaded.probabilities(x[i]), 0.0, trainer.name());
            }
            ModelFileHeader header = ModelFiles.header(file);
            assertEquals(trainer.name(), header.trainer());
            assertEquals(trainer, Trainers.create(header.trainer(), header.hyperparameters()));
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
            }
        }
    }

    @Test
    void alteredTruncatedOrForeignFilesAreRefused() throws Exception {
        Path file = dir.resolve("gbt.model");
        ModelFiles.save(new SmileGradientBoostingTrainer(10, 3, 4, 3, 0.1, 1.0, 1).fit(DATA), file);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 0x5a;
        Path altered = Files.write(dir.resolve("altered.model"), flipped);
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(altered)).getMessage().contains("SHA-256"));

        Path truncated = Files.write(dir.resolve("truncated.model"), java.util.Arrays.copyOf(good, good.length / 2));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(truncated)).getMessage().contains("ends inside"));

        Path csv = Files.writeString(dir.resolve("data.csv"), "epoch (ms),x\n1,2\n");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.load(csv)).getMessage().contains("not a FormLab model"));
    }

    @Test
    void aPayloadWithClassesOutsideTheAllowListIsRejectedBeforeUse() throws Exception {
        // java.net.URL inside a HashMap is the classic deserialization probe (DNS lookup on hashCode).
        Map<Object, Object> probe = new HashMap<>();
        probe.put(URI.create("http://example.invalid/").toURL(), "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(probe);
        }
        byte[] payload = bytes.toByteArray();
        ModelFileHeader header = new ModelFileHeader(ModelFiles.FORMAT_VERSION, "smile", "smile-gbt", Map.of(),
                List.of("f"), List.of("a", "b"), ModelFiles.sha256(payload), payload.length);
        byte[] json = new ObjectMapper().writeValueAsBytes(header);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(file);
        data.write("FORMLAB-MODEL\n".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(json.length);
        data.write(json);
        data.write(payload);
        Path evil = Files.write(dir.resolve("evil.model"), file.toByteArray());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(evil));
        assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
    }
}
