package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.faults.BadInputs;
import formlab.model.LabelledData;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs on the command line end in a clear message and a non-zero exit status, never in a quiet result. */
class CommandFaultsTest {

    private final CommandRunner cli = new CommandRunner();

    @TempDir
    Path dir;

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        for (Command command : Main.commands()) {
            for (String flag : List.of("--help", "-h")) {
                assertEquals(0, cli.run(command.name(), flag), command.name() + " " + flag + ": " + cli.error());
                assertEquals(command.usage().strip(), cli.output().strip(), command.name());
            }
        }
        assertEquals(0, cli.run("help"));
        assertTrue(cli.output().contains("Exit status: 0 ok, 1 failure"), cli.output());
    }

    private String registryWithOneVersion() throws Exception {
        LabelledData data = SyntheticFeatures.table(4, 2, 5, 0.1, 4);
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRecipe recipe = TrainingRecipe.of("exercise", data, new SmileGradientBoostingTrainer(20, 3, 4, 3, 0.1, 0.8, 1),
                SplitSpec.kFold(2, 3));
        registry.register("imu-exercise", TrainingRun.execute(recipe, data, Progress.none()), List.of());
        return registry.root().toString();
    }

    @Test
    void aMalformedCardIsRefusedNotPrinted() throws Exception {
        String folder = registryWithOneVersion();
        Path card = Path.of(folder, "imu-exercise", "v1", ModelRegistry.CARD_FILE);
        BadInputs.truncate(card);
        assertEquals(1, cli.run("models", "imu-exercise", "--card", "1", "--registry", folder));
        assertEquals("", cli.output());
        assertTrue(cli.error().contains("card.json: not a valid model card at line"), cli.error());
    }

    @Test
    void aMissingVersionIsNamedNotJustAPath() throws Exception {
        String folder = registryWithOneVersion();
        assertEquals(1, cli.run("models", "imu-exercise", "--card", "9", "--registry", folder));
        assertTrue(cli.error().contains("Model 'imu-exercise' has no version 9 (its versions: [1]"), cli.error());
        assertFalse(Files.exists(Path.of(folder, "imu-exercise", "v9")));
    }

    /** Three simulated participants, one heavy and one medium set per lift, rest. */
    private Path simulated() {
        Path folder = dir.resolve("recordings");
        new BarbellSimulator(new SimulationSettings(11, 3, 1, 1, true, 0)).writeTo(folder);
        return folder;
    }

    private static Path file(Path folder, String set, String sensor) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.getFileName().toString().startsWith(set) && p.getFileName().toString().contains(sensor))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void aPhysicallyImpossibleValueIsRefusedWithItsLineAndColumn() throws Exception {
        Path data = simulated();
        Path acc = file(data, "S1-squat-heavy", "Accelerometer");
        BadInputs.setCell(acc, 8, 5, "1e308");
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", dir.resolve("f.csv").toString()));
        assertTrue(cli.error().contains(acc.getFileName() + ", line 8, column 5: '1e308' in column 'y-axis (g)' is beyond the"
                + " accelerometer's range of +-16 g"), cli.error());
    }

    @Test
    void duplicateRecordingsAreNamedAndTrainingRefusesThem() throws Exception {
        Path data = simulated();
        BadInputs.copySetAs(data, "S1-squat-heavy", "S9");
        assertEquals(0, cli.run("features", "--data", data.toString(), "--out", dir.resolve("f.csv").toString()), cli.error());
        assertTrue(cli.output().contains("warning: recordings are copies of each other") && cli.output().contains("S1-squat-heavy")
                && cli.output().contains("S9-squat-heavy"), cli.output());
        assertEquals(1, cli.run("train", "--data", data.toString(), "--search", "quick", "--models", dir.resolve("m").toString()));
        assertTrue(cli.error().contains("refusing to train on recordings that are copies") && cli.error().contains("--allow-duplicates"),
                cli.error());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void checkSaysWhatItDidNotCheckAndValidatesFilesWithData() throws Exception {
        Path root = dir.resolve("datasets");
        Path raw = Files.createDirectories(root.resolve("imu-barbell-metawear/raw"));
        new BarbellSimulator(new SimulationSettings(11, 2, 1, 0, true, 0)).writeTo(raw);
        Path acc = file(raw, "S1-row-heavy", "Accelerometer");
        BadInputs.setCell(acc, 6, 4, "NaN");
        String before = System.getProperty("formlab.data.dir");
        System.setProperty("formlab.data.dir", root.toString());
        try {
            cli.run("check");
            assertTrue(cli.output().contains("dataset contents were not checked"), cli.output());
            assertEquals(1, cli.run("check", "--data"), cli.output());
            assertTrue(cli.output().lines().anyMatch(l -> l.startsWith("FAIL  Data imu-barbell-metawear")), cli.output());
            assertTrue(cli.output().contains(acc.getFileName().toString()), cli.output());
        } finally {
            if (before == null) {
                System.clearProperty("formlab.data.dir");
            } else {
                System.setProperty("formlab.data.dir", before);
            }
        }
    }

    @Test
    void textInAFeatureColumnIsNamedNotDropped() throws Exception {
        Path csv = dir.resolve("features.csv");
        SyntheticFeatures.table(4, 2, 6, 0.1, 5).table().write().csv(csv.toFile());
        String header = Files.readAllLines(csv).getFirst();
        BadInputs.setCell(csv, 7, 2, "n/a");
        assertEquals(1, cli.run("cross-validate", "--table", csv.toString(), "--label", "label", "--group", "group"));
        assertTrue(cli.error().contains("features.csv, line 7, column 2: 'n/a' in feature column '" + header.split(",")[1] + "'"),
                cli.error());
    }

    @Test
    void theBadFormFolderGivenDirectlyLoadsAsBadFormSets() throws Exception {
        Path data = simulated();
        Path form = dir.resolve("raw/form");
        BadInputs.copySetNamed(data, "S1-bench-heavy", form, "S1-bench-half");
        var recordings = formlab.imu.dataset.ImuDatasets.folder(form).recordings();
        assertEquals(1, recordings.size());
        assertTrue(recordings.getFirst().info().badForm());
        assertEquals(0, formlab.eval.validation.BarbellDatasetValidation.validate("form", form).with(
                formlab.eval.validation.Severity.FAIL).size());
    }
}
