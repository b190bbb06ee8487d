package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DescriptionHash;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code formlab train --dataset D} on a reduced copy of the physiotherapy description (two exercises'
 * test sessions; skipped without FORMLAB_DATA_DIR): registers a card naming the description's SHA-256;
 * bad input exits 2 and registers nothing.
 */
class DatasetTrainCommandTest {

    private static final String NAME = "imu-physio-yurtman";

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path dir;

    private Path description;
    private Path models;

    @BeforeEach
    void reducedDescription() throws IOException {
        description = ReducedDescription.write(NAME, "\"include\": [\"s*/e*/u*/test.txt\", \"s*/e*/u*/template_session.txt\"]",
                "\"include\": [\"s*/e1/u*/test.txt\", \"s*/e2/u*/test.txt\"]", dir.resolve("physio-small.json"));
        models = dir.resolve("models");
    }

    @Test
    void trainRegistersAModelWhoseCardNamesTheDescriptionHash() throws Exception {
        assertEquals(0, cli.run("train", "--dataset", description.toString(), "--step", "4", "--trees", "10",
                "--models", models.toString(), "--name", "physio-small"), cli.error());
        ModelRegistry registry = new ModelRegistry(models, null);
        ModelCard card = registry.card("physio-small", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) card.recipe().pipeline().get("dataset");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(description)));
        assertEquals(expected, dataset.get("descriptionSha256"));
        assertEquals(expected, DescriptionHash.of(DatasetDescriptions.read(description)));
        assertEquals(List.of("e1", "e2"), card.classes());
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), card.recipe().pipeline().get("units"));
        assertEquals(50, card.data().size(), "5 subjects x 2 exercises x 5 unit files");
        // two classes, 10 trees, one window every 4 s: well above chance (0.5), the full run is measured in the README
        assertTrue(card.metric("window_accuracy").orElseThrow().value() >= 0.7, cli.output());
        assertTrue(cli.output().contains("registered physio-small v1"), cli.output());
        // the five-unit model scores every recording from the features of all its units
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", "physio-small", "--models",
                models.toString()), cli.error());
        assertTrue(cli.output().contains("(units u1+u2+u3+u4+u5): 10 recordings"), cli.output());
        assertTrue(cli.output().contains("recording label = description's class: 10 of 10"), cli.output());
        // the live tracker takes one stream per unit the card names (DatasetMultiUnitReplayTest compares it with score)
        assertEquals(0, cli.run("replay", "--dataset", description.toString(), "--recording", "s1/e1/test", "--model",
                "physio-small", "--models", models.toString()), cli.error());
        assertTrue(cli.output().contains("replaying s1/e1/test (units u1+u2+u3+u4+u5)"), cli.output());
    }

    @Test
    void trainWithSearchRegistersTheWindowAndFeaturesChosenOverEverySubject() throws Exception {
        assertEquals(0, cli.run("train", "--dataset", description.toString(), "--search", "--units", "u2", "--window", "4",
                "--step", "8", "--trees", "8", "--models", models.toString(), "--name", "physio-search", "--json"), cli.error());
        // stdout is one JSON object (nothing else printed with --json), naming what was trained
        Map<?, ?> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(cli.output(), Map.class);
        ModelCard card = new ModelRegistry(models, null).card("physio-search", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> search = (Map<String, Object>) card.recipe().pipeline().get("search");
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) ((Map<String, Object>) card.recipe().pipeline()
                .get("exercisePipeline")).get("window");
        assertEquals(search.get("windowSeconds"), window.get("lengthSeconds"), "the card's pipeline is the chosen one");
        assertEquals(search.get("features"), card.recipe().pipeline().get("featureSet"));
        assertTrue(List.of(2.0, 4.0, 6.0).contains(((Number) search.get("windowSeconds")).doubleValue()), search.toString());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), List.copyOf(((Map<?, ?>) search.get("chosenPerLeftOutSubject"))
                .keySet()), search.toString());
        assertEquals(search.get("windowSeconds"), ((Map<?, ?>) json.get("chosen")).get("windowSeconds"), json.toString());
        assertEquals(search.get("windowSeconds"), ((Map<?, ?>) json.get("window")).get("lengthSeconds"), json.toString());
        assertEquals(search.get("features"), json.get("features"));
        assertEquals(List.of(), json.get("searchLeftOut"), "2, 4 and 6 s windows fit every test session");
        assertEquals(5, ((Map<?, ?>) json.get("searchBySubject")).size(), json.toString());
        // scored with the chosen windows: every recording gets its class (it was trained on them)
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", "physio-search", "--models",
                models.toString()), cli.error());
        assertTrue(cli.output().contains("recording label = description's class: 10 of 10"), cli.output());
        // what a search cannot be combined with
        assertEquals(2, cli.run("evaluate", "--dataset", description.toString(), "--search", "--units", "best"));
        assertTrue(cli.error().contains("--units best is a search of its own"), cli.error());
        assertEquals(2, cli.run("evaluate", "--dataset", description.toString(), "--search", "--features", "robust"));
        assertTrue(cli.error().contains("--search chooses the feature set itself"), cli.error());
        assertEquals(2, cli.run("evaluate", "--dataset", description.toString(), "--search", "--task", "quality"));
        assertTrue(cli.error().contains("--search chooses the windows and features of the exercise task"), cli.error());
    }

    @Test
    void anUnknownUnitExitsTwoAndRegistersNothing() throws Exception {
        assertEquals(2, cli.run("train", "--dataset", description.toString(), "--units", "u9", "--models", models.toString()));
        assertTrue(cli.error().contains("no sensor unit 'u9'; expected all, best or one of: u1, u2, u3, u4, u5"), cli.error());
        assertEquals(List.of(), new ModelRegistry(models, null).names());
    }

    @Test
    void aDescriptionMatchingNoFileExitsTwoNamingItAndRegistersNothing() throws Exception {
        Files.writeString(description, Files.readString(description).replace("s*/e1/u*/test.txt", "s*/e9/u*/test.txt")
                .replace("s*/e2/u*/test.txt", "s*/e9/u*/template.txt"));
        assertEquals(2, cli.run("train", "--dataset", description.toString(), "--models", models.toString()));
        assertTrue(cli.error().contains(description.toString()) && cli.error().contains("recordings.include"), cli.error());
        assertEquals(List.of(), new ModelRegistry(models, null).names());
    }

    @Test
    void scoreWithoutATrainedModelExitsTwoNamingTheModelItLookedFor() {
        assertEquals(2, cli.run("score", "--dataset", description.toString(), "--models", models.toString()));
        assertTrue(cli.error().contains("no model 'imu-physio-yurtman-exercise'"), cli.error());
    }
}
