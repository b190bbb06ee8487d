package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DatasetFixtures;
import formlab.faults.BadInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code formlab dataset}: the summary on a self-made dataset, exit 1 for description and data errors, 2 for usage errors. */
class DatasetCommandTest {

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path dir;

    @Test
    void checkPrintsWhatItFound() throws Exception {
        DatasetFixtures.write(dir);
        assertEquals(0, cli.run("dataset", "check", dir.toString()), cli.error());
        String out = cli.output();
        assertTrue(out.contains("recordings: 4"), out);
        assertTrue(out.contains("subjects: 2: p1 (2), p2 (2)"), out);
        assertTrue(out.contains("classes: 3: burpee (1), rest (1), squat (2)"), out);
        assertTrue(out.contains("rates (median of the files' median time step): 50 Hz"), out);
        assertTrue(out.contains("repetition counts: 4 recordings, 9 repetitions"), out);
    }

    @Test
    void theDescriptionFileAndTheFolderGiveTheSameSummary() throws Exception {
        Path description = DatasetFixtures.write(dir);
        assertEquals(0, cli.run("dataset", "check", description.toString()));
        String byFile = cli.output().replaceAll("checked in .*", "");
        assertEquals(0, cli.run("dataset", "check", dir.toString()));
        assertEquals(byFile, cli.output().replaceAll("checked in .*", ""));
    }

    @Test
    void aDescriptionErrorExitsOneNamingFileLineAndKey() throws Exception {
        Path description = DatasetFixtures.write(dir);
        String text = Files.readString(description).replace("\"unit\": \"ms\"", "\"unit\": \"minutes\"");
        Files.writeString(description, text);
        assertEquals(1, cli.run("dataset", "check", dir.toString()));
        assertTrue(cli.error().contains(description + ", line " + DatasetFixtures.lineOf(text, "minutes")
                + ", column ") && cli.error().contains("key 'time.unit': unknown value 'minutes'; expected one of ns, us, ms, s, sample"),
                cli.error());
    }

    @Test
    void trainAndEvaluateExitTwoForADescriptionErrorWithoutTheUsageText() throws Exception {
        Path description = DatasetFixtures.write(dir);
        Files.writeString(description, Files.readString(description).replace("\"unit\": \"ms\"", "\"unit\": \"minutes\""));
        for (String command : List.of("train", "evaluate", "score")) {
            assertEquals(2, command.equals("evaluate") ? cli.run(command, "--dataset", description.toString())
                    : cli.run(command, "--dataset", description.toString(), "--models", dir.resolve("models").toString()),
                    command + ": " + cli.error());
            assertTrue(cli.error().contains("unknown value 'minutes'"), cli.error());
            assertTrue(!cli.error().contains("usage: formlab"), "no usage text after a data error: " + cli.error());
        }
    }

    @Test
    void theHelpListsEveryFeatureSetEvaluateAccepts() throws Exception {
        DatasetFixtures.write(dir);
        assertEquals(0, cli.run("evaluate", "--help"));
        assertTrue(cli.output().contains("--features all|robust|posture|motion"), cli.output());
        assertEquals(0, cli.run("evaluate", "--dataset", dir.toString(), "--features", "motion", "--trees", "10"), cli.error());
    }

    @Test
    void aSmallDatasetEvaluatesAndTrainsAndABadNameOrFolderIsRefusedFirst() throws Exception {
        // three subjects, three exercises, one 6 s recording each: a handful of windows per class
        StringBuilder reps = new StringBuilder("set,count\n");
        List<String> exercises = List.of("squat", "burpee", "lunge");
        for (String subject : List.of("p1", "p2", "p3")) {
            for (int e = 0; e < exercises.size(); e++) {
                Path file = dir.resolve(subject + "/" + exercises.get(e) + "-1.csv");
                Files.createDirectories(file.getParent());
                Files.write(file, DatasetFixtures.recording(6, 2 + e));
                reps.append(subject).append('/').append(exercises.get(e)).append("-1,").append(2 + e).append('\n');
            }
        }
        Files.writeString(dir.resolve("reps.csv"), reps);
        Files.writeString(dir.resolve(DatasetDescriptions.FILE_NAME), DatasetFixtures.DESCRIPTION
                .replace("\"name\": \"fixture-phone\"", "\"name\": \"My Phone Data\""));
        assertEquals(0, cli.run("evaluate", "--dataset", dir.toString()), cli.error());
        assertTrue(cli.output().contains("leave-one-subject-out, 27 windows"), cli.output());
        Path models = dir.resolve("models");
        Path plainFile = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(2, cli.run("train", "--dataset", dir.toString(), "--name", "../evil", "--models", models.toString()));
        assertTrue(cli.error().startsWith("formlab train: --name: Model name '../evil' must be"), cli.error());
        assertEquals("", cli.output(), "refused before evaluating");
        assertEquals(2, cli.run("train", "--dataset", dir.toString(), "--models", plainFile.toString()));
        assertTrue(cli.error().contains("--models: model registry folder") && cli.error().contains("is a file"), cli.error());
        assertEquals(0, cli.run("train", "--dataset", dir.toString(), "--models", models.toString()), cli.error());
        assertTrue(Files.isDirectory(models.resolve("my-phone-data-exercise/v1")), cli.output());
    }

    @Test
    void aDataErrorExitsOneAfterTheSummary() throws Exception {
        DatasetFixtures.write(dir);
        BadInputs.swapLines(dir.resolve("p1/squat-1.csv"), 10, 11);
        assertEquals(1, cli.run("dataset", "check", dir.toString()));
        assertTrue(cli.output().contains("errors (1 files do not fit the description):"), cli.output());
        assertTrue(cli.output().contains("squat-1.csv, line 11, column 1: timestamp"), cli.output());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, cli.run("dataset"));
        assertEquals(2, cli.run("dataset", "check"));
        assertEquals(2, cli.run("dataset", "inspect", "x"));
        assertEquals(2, cli.run("dataset", "check", dir.resolve("missing").toString()));
        assertTrue(cli.error().contains("no description file, dataset folder or built-in description"), cli.error());
        assertEquals(2, cli.run("dataset", "check", dir.toString()));
        assertTrue(cli.error().contains("holds no " + DatasetDescriptions.FILE_NAME), cli.error());
    }

    @Test
    void listNamesTheBuiltInDescriptions() {
        assertEquals(0, cli.run("dataset", "list"));
        for (String name : DatasetDescriptions.builtInNames()) {
            assertTrue(cli.output().contains(name), name);
        }
    }
}
