package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlCommandsTest {

    @TempDir
    Path dir;

    private final CommandRunner cli = new CommandRunner();

    @Test
    void crossValidateReportsEveryFoldAndThePooledScore() throws Exception {
        Path csv = dir.resolve("features.csv");
        SyntheticFeatures.table(4, 2, 5, 0.1, 2).table().write().csv(csv.toFile());
        assertEquals(0, cli.run("cross-validate", "--table", csv.toString(), "--label", "label", "--group", "group",
                "--trainer", "tribuo-logistic", "--folds", "2", "--seed", "3"), cli.error());
        assertTrue(cli.output().contains("200 rows, 8 features, 5 classes"), cli.output());
        assertTrue(cli.output().contains("2/2 fold 2/2"), cli.output());
        assertTrue(cli.output().contains("tribuo-logistic: pooled balanced accuracy"), cli.output());
        assertEquals(2, cli.run("cross-validate", "--table", csv.toString(), "--label", "label", "--group", "group", "--folds", "x"));
    }

    @Test
    void duplicatesFindsAShiftedCopyAndFailsTheExitStatus() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("raw"));
        Files.write(folder.resolve("a.csv"), List.of("epoch (ms),elapsed (s),x-axis (g)", "1000,0.00,0.5", "1080,0.08,0.6"));
        Files.write(folder.resolve("b.csv"), List.of("epoch (ms),elapsed (s),x-axis (g)", "87401000,0.00,0.5", "87401080,0.08,0.6"));
        Files.write(folder.resolve("c.csv"), List.of("epoch (ms),elapsed (s),x-axis (g)", "1000,0.00,0.7", "1080,0.08,0.6"));
        assertEquals(3, cli.run("duplicates", folder.toString()));
        assertTrue(cli.output().contains("3 CSV files, 1 groups of copies") && cli.output().contains("b.csv"), cli.output());
        Files.delete(folder.resolve("b.csv"));
        assertEquals(0, cli.run("duplicates", folder.toString()));
    }

    @Test
    void modelsListsVersionsShowsCardsAndPromotes() throws Exception {
        LabelledData data = SyntheticFeatures.table(4, 2, 5, 0.1, 4);
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRecipe recipe = TrainingRecipe.of("exercise", data, new SmileGradientBoostingTrainer(20, 3, 4, 3, 0.1, 0.8, 1),
                SplitSpec.leaveOneGroupOut());
        registry.register("imu-exercise", TrainingRun.execute(recipe, data, Progress.none()), List.of());
        String folder = dir.resolve("models").toString();
        assertEquals(0, cli.run("models", "--registry", folder));
        assertEquals("imu-exercise", cli.output().strip());
        assertEquals(0, cli.run("models", "imu-exercise", "--registry", folder));
        assertTrue(cli.output().contains("candidate"), cli.output());
        assertEquals(0, cli.run("models", "imu-exercise", "--card", "1", "--registry", folder));
        assertTrue(cli.output().contains("\"trainerName\" : \"smile-gbt\""), cli.output());
        assertEquals(3, cli.run("models", "imu-exercise", "--promote", "1", "--min-group-accuracy", "1.01", "--registry", folder));
        assertTrue(cli.output().contains("NOT promoted"), cli.output());
        assertEquals(0, cli.run("models", "imu-exercise", "--promote", "1", "--min-group-accuracy", "0.5", "--registry", folder));
        assertEquals(0, cli.run("models", "imu-exercise", "--registry", folder));
        assertTrue(cli.output().contains("production"), cli.output());
    }

    @Test
    void copyPreferredStagesTheProductionVersionElseTheNewest() throws Exception {
        LabelledData data = SyntheticFeatures.table(4, 2, 5, 0.1, 4);
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        TrainingRecipe recipe = TrainingRecipe.of("exercise", data, new SmileGradientBoostingTrainer(20, 3, 4, 3, 0.1, 0.8, 1),
                SplitSpec.leaveOneGroupOut());
        String folder = dir.resolve("models").toString();
        Path staging = dir.resolve("staging");
        assertEquals(3, cli.run("models", "imu-exercise", "--registry", folder, "--copy-preferred", staging.toString()));
        registry.register("imu-exercise", TrainingRun.execute(recipe, data, Progress.none()), List.of());
        registry.register("imu-exercise", TrainingRun.execute(recipe, data, Progress.none()), List.of());

        assertEquals(0, cli.run("models", "imu-exercise", "--registry", folder, "--copy-preferred", staging.toString()), cli.error());
        assertTrue(cli.output().contains("copied imu-exercise v2 (candidate)"), cli.output());
        assertTrue(Files.readString(staging.resolve(ModelRegistry.CARD_FILE)).contains("\"version\" : 2"));

        registry.setStage("imu-exercise", 1, formlab.registry.Stage.PRODUCTION, "chosen for the Pi");
        assertEquals(0, cli.run("models", "imu-exercise", "--registry", folder, "--copy-preferred", staging.toString()), cli.error());
        assertTrue(cli.output().contains("copied imu-exercise v1 (production)"), cli.output());
        assertTrue(Files.exists(staging.resolve(registry.card("imu-exercise", 1).modelFile())));
    }
}
