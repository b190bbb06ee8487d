package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SyntheticFeatures;
import formlab.registry.ModelRegistry;
import formlab.registry.SplitSpec;
import formlab.registry.TrainingRecipe;
import formlab.registry.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score}, {@code reps} and {@code replay} with {@code --dataset D} on a reduced copy of the
 * physiotherapy description (subjects s1 and s2, exercises e1 and e2, test sessions of 30
 * repetitions; skipped without FORMLAB_DATA_DIR), with a one-unit model trained once by
 * {@code train --dataset}.
 */
class DatasetScoreCommandsTest {

    private static final String NAME = "imu-physio-yurtman";
    private static final String MODEL = "physio-u3";

    @TempDir
    static Path dir;

    private static Path description;
    private static Path models;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void trainOnce() throws IOException {
        description = ReducedDescription.write(NAME, "\"include\": [\"s*/e*/u*/test.txt\", \"s*/e*/u*/template_session.txt\"]",
                "\"include\": [\"s[12]/e1/u*/test.txt\", \"s[12]/e2/u*/test.txt\"]", dir.resolve("physio-small.json"));
        models = dir.resolve("models");
        CommandRunner train = new CommandRunner();
        assertEquals(0, train.run("train", "--dataset", description.toString(), "--units", "u3", "--step", "4", "--trees", "10",
                "--models", models.toString(), "--name", MODEL), train.error());
    }

    @Test
    void scoreLabelsEveryRecordingAndCountsItsRepetitions() throws Exception {
        Path windows = dir.resolve("out/windows.csv");
        Path sets = dir.resolve("out/recordings.csv");
        Files.createDirectories(windows.getParent());
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", MODEL, "--models", models.toString(),
                "--out", windows.toString(), "--sets", sets.toString()), cli.error());
        List<String> rows = Files.readAllLines(sets);
        assertEquals("recording,subject,windows,rest_windows,label,confidence,reps,true_label,true_reps", rows.getFirst());
        assertEquals(5, rows.size(), "header and 4 recordings: " + rows);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertEquals(cells[7], cells[4], "recording label (trained on these subjects): " + row);
            assertEquals("0", cells[3], "no rest class declared, so no window is rest: " + row);
            assertEquals("30", cells[8], row);
            int reps = Integer.parseInt(cells[6]);
            assertTrue(Math.abs(reps - 30) <= 5, "repetitions counted with the class's rule, near the protocol's 30: " + row);
        }
        List<String> windowRows = Files.readAllLines(windows);
        assertTrue(windowRows.getFirst().startsWith("recording,subject,window,window_start_s,label,confidence,raw_label"),
                windowRows.getFirst());
        assertTrue(windowRows.size() > 4 * 20, "one row per 4 s step of 4 recordings of about 200 s: " + windowRows.size());
        assertTrue(cli.output().contains("recording label = description's class: 4 of 4"), cli.output());
        assertTrue(cli.output().contains("repetitions of 4 recordings with a known count: exact "), cli.output());
        assertFalse(cli.output().contains("warning"), cli.output());
    }

    @Test
    void scoreWarnsWhenTheDescriptionChangedSinceTraining() throws Exception {
        Path changed = dir.resolve("physio-changed.json");
        Files.writeString(changed, Files.readString(description) + "\n");
        assertEquals(0, cli.run("score", "--dataset", changed.toString(), "--model", MODEL, "--models", models.toString()),
                cli.error());
        assertTrue(cli.output().contains("warning: model " + MODEL + " v1 was trained with description"), cli.output());
    }

    @Test
    void thePiTrackerLoadsTheOneUnitModelAsTheLiveTrackerRunsIt() throws Exception {
        Path folder = new ModelRegistry(models, null).versionFolder(MODEL, 1);
        formlab.exercise.ExerciseModel pi = formlab.deploy.TrackerModel.loadFolder(folder);
        formlab.exercise.ExerciseModel live = formlab.exercise.DescribedImuModel.load(new ModelRegistry(models, null), MODEL).live();
        assertEquals(List.of("u3"), pi.units());
        assertEquals(live.classes(), pi.classes());
        assertEquals(live.featureNames(), pi.featureNames());
        assertEquals(live.countedClasses(), pi.countedClasses());
        new formlab.deploy.LiveClassifier(pi, 25, 25); // one unit: the tracker takes it
    }

    @Test
    void replayStreamsARecordingThroughTheLiveTrackerWithoutCallingItRest() {
        assertEquals(0, cli.run("replay", "--dataset", description.toString(), "--recording", "s1/e1/test", "--model", MODEL,
                "--models", models.toString()), cli.error());
        String out = cli.output();
        Matcher line = Pattern.compile("(?m)^\\s+\\d+\\s+[\\d.]+\\s+(\\S+)\\s+[\\d.]+\\s+(\\d+)\\s").matcher(out);
        int windows = 0;
        int rest = 0;
        int e1 = 0;
        int lastReps = 0;
        while (line.find()) {
            windows++;
            rest += line.group(1).equals("rest") ? 1 : 0;
            e1 += line.group(1).equals("e1") ? 1 : 0;
            lastReps = Integer.parseInt(line.group(2));
        }
        assertTrue(Math.abs(lastReps - 30) <= 5, "the running count at the last window: " + out);
        assertTrue(windows > 40, "a 4 s step over about 200 s: " + out);
        assertTrue(rest < windows / 10, "an exercise recording is mostly not rest: " + rest + " of " + windows);
        assertTrue(e1 > windows * 9 / 10, "labelled with its exercise: " + e1 + " of " + windows);
        Matcher last = Pattern.compile("final: e1, (\\d+) reps \\(description: e1, 30 reps\\)").matcher(out);
        assertTrue(last.find(), out);
        assertTrue(Math.abs(Integer.parseInt(last.group(1)) - 30) <= 5, out);
    }

    @Test
    void replayCountsARecordingAsScoreDoes() throws Exception {
        // both count at the rate the rules were chosen at (the recording's 25 Hz), with the class's tied rules
        Path sets = dir.resolve("out-replay/recordings.csv");
        Files.createDirectories(sets.getParent());
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", MODEL, "--models", models.toString(),
                "--sets", sets.toString()), cli.error());
        String scored = Files.readAllLines(sets).stream().filter(row -> row.startsWith("s1/e1/test,")).findFirst().orElseThrow();
        CommandRunner replay = new CommandRunner();
        assertEquals(0, replay.run("replay", "--dataset", description.toString(), "--recording", "s1/e1/test", "--model", MODEL,
                "--models", models.toString()), replay.error());
        Matcher last = Pattern.compile("final: e1, (\\d+) reps").matcher(replay.output());
        assertTrue(last.find(), replay.output());
        assertEquals(scored.split(",")[6], last.group(1), "score's count (" + scored + ") and replay's: " + replay.output());
    }

    @Test
    void repsReportsLeaveOneSubjectOutCountsAsEvaluateDoes() {
        assertEquals(0, cli.run("reps", "--dataset", description.toString()), cli.error());
        String out = cli.output();
        assertTrue(out.contains("leave-one-subject-out") && out.contains("4 recordings"), out);
        Matcher row = Pattern.compile("(?m)^\\s+(s\\d/e\\d/test)\\s+true\\s+(\\d+) counted\\s+(\\d+)").matcher(out);
        double error = 0;
        int exact = 0;
        int rows = 0;
        while (row.find()) {
            assertEquals("30", row.group(2), out);
            int difference = Math.abs(Integer.parseInt(row.group(3)) - 30);
            error += difference;
            exact += difference == 0 ? 1 : 0;
            rows++;
        }
        assertEquals(4, rows, out);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "%-28s %.3f", "count_mae", error / rows)), out);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "%-28s %.3f", "count_exact", exact / 4.0)), out);
        assertTrue(out.contains("count_within_one"), out);
        String reps = out.substring(0, out.lastIndexOf("count_relative_error"));
        assertEquals(0, cli.run("evaluate", "--dataset", description.toString(), "--task", "reps"), cli.error());
        assertEquals(reps, cli.output().substring(0, cli.output().lastIndexOf("count_relative_error")),
                "reps --dataset is evaluate --task reps");
    }

    @Test
    void badInputExitsTwoNamingWhatWasExpectedAndWritesNothing() throws Exception {
        Path windows = dir.resolve("bad/windows.csv");
        Files.createDirectories(windows.getParent());
        assertEquals(2, cli.run("score", "--dataset", "no-such-dataset", "--models", models.toString()));
        assertTrue(cli.error().contains("no-such-dataset"), cli.error());
        assertEquals(2, cli.run("replay", "--dataset", "pose-repcount", "--recording", "x", "--models", models.toString()));
        assertTrue(cli.error().contains("--model: no model 'pose-repcount-class'"), "a landmark replay needs its classifier: "
                + cli.error());
        assertEquals(2, cli.run("replay", "--dataset", description.toString(), "--recording", "s9/e1/test", "--model", MODEL,
                "--models", models.toString()));
        assertTrue(cli.error().contains("--recording s9/e1/test: no such recording") && cli.error().contains("s1/e1/test"),
                cli.error());
        assertEquals(2, cli.run("score", "--dataset", description.toString(), "--model", "nothing-here", "--models",
                models.toString(), "--out", windows.toString()));
        assertTrue(cli.error().contains("no model 'nothing-here'"), cli.error());
        // a model that was not trained on a described IMU dataset
        LabelledData data = SyntheticFeatures.table(4, 2, 5, 0.1, 4);
        TrainingRecipe recipe = TrainingRecipe.of("exercise", data, new SmileGradientBoostingTrainer(5, 3, 4, 3, 0.1, 0.8, 1),
                SplitSpec.leaveOneGroupOut());
        new ModelRegistry(models, null).register("synthetic", TrainingRun.execute(recipe, data, Progress.none()), List.of());
        assertEquals(2, cli.run("score", "--dataset", description.toString(), "--model", "synthetic", "--models",
                models.toString(), "--out", windows.toString()));
        assertTrue(cli.error().contains("was not trained on a described IMU dataset"), cli.error());
        // the phone example has one combined unit, not u3
        Path phone = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/examples/phyphox-example");
        assertEquals(2, cli.run("score", "--dataset", phone.toString(), "--model", MODEL, "--models", models.toString(),
                "--out", windows.toString()));
        assertTrue(cli.error().contains("reads sensor units u3") && cli.error().contains("have combined"), cli.error());
        assertFalse(Files.exists(windows), "nothing written");
    }
}
