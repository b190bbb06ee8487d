package formlab.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.Prediction;
import formlab.model.SyntheticFeatures;
import formlab.model.TribuoLogisticTrainer;
import formlab.registry.ContentHash;
import formlab.registry.DataFile;
import formlab.registry.ModelRegistry;
import formlab.registry.PromotionPolicy;
import formlab.registry.Stage;
import java.awt.image.BufferedImage;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to Label Studio, annotate (in its export format), import, version, re-train, gate. */
class LabelStudioRoundTripTest {

    private static final PromotionPolicy POLICY = PromotionPolicy.standard(0.3, "balanced_accuracy");

    @TempDir
    Path dir;

    private UnlabelledPool pool;
    private LabelledData evaluation;
    private final Map<String, String> oracle = new HashMap<>();

    /** Participants A-C form the pool (labels hidden in the oracle), D is the fixed evaluation set. */
    @BeforeEach
    void data() {
        LabelledData all = SyntheticFeatures.table(4, 2, 8, 0.2, 21);
        List<PoolItem> items = new ArrayList<>();
        List<Integer> evaluationRows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String group = all.groups()[i];
            if (group.equals("D")) {
                evaluationRows.add(i);
                continue;
            }
            String id = group + "-set" + i / 8 + "#" + i % 8;
            items.add(new PoolItem(id, ItemKind.IMU_WINDOW, group + "-set" + i / 8, group, "", all.row(i)));
            oracle.put(id, all.labels()[i]);
        }
        pool = new UnlabelledPool(all.features(), items);
        evaluation = all.rows(evaluationRows.stream().mapToInt(Integer::intValue).toArray());
    }

    private ExportedRound export(Classifier model, UnlabelledPool open, int round, Path documentRoot) throws Exception {
        QueryStrategy strategy = QueryStrategy.uncertain(Uncertainty.MARGIN, 2);
        List<LabelStudioExport.Task> tasks = new ArrayList<>();
        for (PoolItem item : strategy.select(model, open, new double[0][], 10, round)) {
            Prediction p = model.predict(item.features());
            tasks.add(new LabelStudioExport.Task(item, p.label(), p.confidence(), Uncertainty.MARGIN.score(model.probabilities(item.features()))));
        }
        return LabelStudioExport.write(documentRoot.resolve("labelling/round-" + round), documentRoot, "synthetic", round,
                List.of("bench", "dead", "ohp", "row", "squat"), "synthetic-exercise v1", strategy.name(), tasks,
                item -> new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB));
    }

    @Test
    void aLabellingRoundBecomesANewDatasetVersionAndAGatedCandidate() throws Exception {
        LabelDatasets datasets = new LabelDatasets(dir.resolve("data/processed/labels"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        Random random = new Random(3);
        List<ItemLabel> initial = new ArrayList<>();
        for (PoolItem item : pool.items()) {
            if (random.nextDouble() < 0.12) {
                initial.add(new ItemLabel(item.id(), oracle.get(item.id()), item.source(), item.group(), "seed-set", "2024-01-01T00:00:00Z", 0));
            }
        }
        DatasetVersion v1 = datasets.write("synthetic", initial, List.of());
        var first = Retraining.train(registry, "synthetic-exercise", "exercise from synthetic windows",
                TribuoLogisticTrainer.defaults(5), v1, pool, evaluation, POLICY, Progress.none());
        assertTrue(first.report().promoted(), first.report().toString());
        String v1Hash = ContentHash.sha256(v1.folder());

        // Round 1: the production model picks uncertain, diverse items; Label Studio gets tasks with pre-annotations.
        Classifier production = registry.loadProduction("synthetic-exercise");
        ExportedRound round = export(production, pool.without(v1.labelById().keySet()), 1, dir.resolve("data"));
        Path roundFolder = dir.resolve("data/labelling/round-1");
        JsonNode tasks = LabelStudioFormat.JSON.readTree(roundFolder.resolve(ExportedRound.TASKS).toFile());
        assertEquals(10, tasks.size());
        JsonNode task = tasks.get(0);
        assertEquals(round.items().getFirst().itemId(), task.at("/data/item_id").asText());
        assertTrue(task.at("/data/image").asText().startsWith("/data/local-files/?d=labelling/round-1/images/0001-"));
        assertTrue(Files.isRegularFile(roundFolder.resolve(task.at("/data/image").asText().substring("/data/local-files/?d=labelling/round-1/".length()))));
        assertEquals("choices", task.at("/predictions/0/result/0/type").asText());
        assertEquals(round.items().getFirst().predicted(), task.at("/predictions/0/result/0/value/choices/0").asText());
        assertTrue(task.at("/predictions/0/score").asDouble() > 0);
        assertTrue(Files.readString(roundFolder.resolve(ExportedRound.CONFIG)).contains("<Choice value=\"squat\"/>"));
        assertThrows(FileAlreadyExistsException.class, () -> export(production, pool, 1, dir.resolve("data")), "rounds are never overwritten");

        // A person labels them in Label Studio; its JSON export comes back.
        Path exported = dir.resolve("project-1-export.json");
        SimulatedAnnotator.annotate(roundFolder.resolve(ExportedRound.TASKS), oracle, 7, Instant.parse("2024-03-01T10:00:00Z"), exported);
        LabelStudioImport.Result imported = LabelStudioImport.read(exported, ExportedRound.read(roundFolder));
        assertEquals(10, imported.labels().size());
        assertEquals(List.of(), imported.unlabelled());
        for (ItemLabel label : imported.labels()) {
            assertEquals(oracle.get(label.itemId()), label.label());
            assertEquals("7", label.annotator());
            assertEquals(1, label.round());
        }

        DatasetVersion v2 = datasets.write("synthetic", imported.labels(),
                List.of(new DatasetManifest.Input(exported.toString(), imported.fileSha256(), "Label Studio export of round 1")));
        assertEquals(2, v2.version());
        assertEquals(initial.size() + 10, v2.labels().size());
        assertEquals(v1.manifest().labelsSha256(), v2.manifest().parentLabelsSha256());
        assertEquals(DataFile.sha256(exported), v2.manifest().inputs().getFirst().sha256());
        assertEquals(v1Hash, ContentHash.sha256(v1.folder()), "earlier versions are never touched");
        assertEquals(v2, datasets.read("synthetic/v2"));

        // Re-train from the production card on v2; the gate compares on the same evaluation rows.
        var second = Retraining.retrain(registry, registry.production("synthetic-exercise").orElseThrow(), v2, pool, evaluation,
                POLICY, Progress.none());
        assertEquals(2, second.candidate().version());
        assertEquals(v2.labels().size() + evaluation.size(), second.candidate().rows());
        String notWorse = second.report().results().get(1).explanation();
        assertTrue(notWorse.contains("vs production synthetic-exercise v1"), "comparable, not refused: " + notWorse);
        assertEquals(second.report().promoted() ? Stage.PRODUCTION : Stage.CANDIDATE, second.candidate().stage());
        assertTrue(second.candidate().data().getFirst().path().endsWith("v2/labels.csv"));

        // Tampering with a written version is detected.
        Files.writeString(v1.labelsFile(), Files.readString(v1.labelsFile()).replace(",squat,", ",bench,"));
        var changed = assertThrows(java.io.IOException.class, () -> datasets.read("synthetic", 1));
        assertTrue(changed.getMessage().contains("changed after it was written"), changed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> datasets.write("synthetic", List.of(imported.labels().getFirst()), List.of()),
                "an item is labelled once");
    }

    @Test
    void malformedExportsAreRejectedNamingTheTaskAndField() throws Exception {
        Classifier model = TribuoLogisticTrainer.defaults(1).fit(evaluation);
        ExportedRound round = export(model, pool, 4, dir.resolve("data"));
        Path roundFolder = dir.resolve("data/labelling/round-4");
        Path good = dir.resolve("good.json");
        SimulatedAnnotator.annotate(roundFolder.resolve(ExportedRound.TASKS), oracle, 3, Instant.parse("2024-03-01T10:00:00Z"), good);
        ArrayNode tasks = (ArrayNode) LabelStudioFormat.JSON.readTree(good.toFile());

        ((ObjectNode) tasks.get(1).get("data")).put("item_id", "Z-set99#1");                                  // unknown task
        ObjectNode choice = (ObjectNode) tasks.get(2).at("/annotations/0/result/0/value");
        choice.putArray("choices").add("Squat");                                                               // unknown label
        ((ArrayNode) tasks.get(3).get("annotations")).add(tasks.get(3).get("annotations").get(0).deepCopy()); // duplicate annotation
        ((ObjectNode) tasks.get(4).get("annotations").get(0)).remove("completed_by");                         // missing field
        ((ObjectNode) tasks.get(5)).remove("annotations");                                                     // missing field
        tasks.add(tasks.get(6).deepCopy());                                                                    // duplicate task
        ((ObjectNode) tasks.get(7).get("annotations").get(0)).put("was_cancelled", true);                     // skipped, not an error
        Path bad = dir.resolve("bad.json");
        Files.write(bad, LabelStudioFormat.JSON.writeValueAsBytes(tasks));

        var e = assertThrows(LabelStudioImportException.class, () -> LabelStudioImport.read(bad, round));
        Map<String, LabelStudioImportException.Problem> byTask = new HashMap<>();
        e.problems().forEach(p -> byTask.put(p.task().substring(0, p.task().indexOf(' ', 6)), p));
        assertEquals(6, e.problems().size(), e.getMessage());
        assertEquals("data.item_id", byTask.get("task #2").field());
        assertTrue(byTask.get("task #2").message().contains("unknown task: item 'Z-set99#1'"));
        assertEquals("annotations[0].result[0].value.choices", byTask.get("task #3").field());
        assertTrue(byTask.get("task #3").message().contains("unknown label 'Squat'; expected one of [bench, dead, ohp, row, squat]"));
        assertTrue(byTask.get("task #4").message().startsWith("duplicate annotations: 2 completed"));
        assertEquals("annotations[0].completed_by", byTask.get("task #5").field());
        assertEquals("annotations", byTask.get("task #6").field());
        assertTrue(byTask.get("task #11").message().startsWith("duplicate task"), e.getMessage());
        assertTrue(byTask.get("task #3").task().contains("Label Studio id 1002") && byTask.get("task #3").task().contains("item "),
                byTask.get("task #3").task());
        assertTrue(e.getMessage().contains("bad.json: 6 problems"), e.getMessage());

        Files.writeString(bad, "[{\"id\": 1, \"data\": {\"item_id\": \"x\"}},\n {\"id\": 2,, }]");
        var syntax = assertThrows(LabelStudioImportException.class, () -> LabelStudioImport.read(bad, round));
        assertTrue(syntax.getMessage().contains("line 2"), syntax.getMessage());
        Files.writeString(bad, "{\"tasks\": []}");
        var notArray = assertThrows(LabelStudioImportException.class, () -> LabelStudioImport.read(bad, round));
        assertTrue(notArray.getMessage().contains("expected a JSON array of tasks"), notArray.getMessage());

        // Without the broken tasks the same file imports; the cancelled annotation leaves its item unlabelled.
        ArrayNode fixed = (ArrayNode) LabelStudioFormat.JSON.readTree(good.toFile());
        ((ObjectNode) fixed.get(7).get("annotations").get(0)).put("was_cancelled", true);
        Files.write(bad, LabelStudioFormat.JSON.writeValueAsBytes(fixed));
        LabelStudioImport.Result result = LabelStudioImport.read(bad, round);
        assertEquals(9, result.labels().size());
        assertEquals(List.of(round.items().get(7).itemId()), result.unlabelled());
        assertFalse(result.labels().stream().anyMatch(l -> l.itemId().equals(round.items().get(7).itemId())));
    }
}
