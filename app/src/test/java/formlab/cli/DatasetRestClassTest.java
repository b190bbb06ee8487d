package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Rest of a described dataset comes from its declared {@code noExercise} class: the barbell description
 * (participants A and B; A recorded rest sitting and standing) trained by {@code train --dataset}, then
 * scored and replayed through the live tracker (skipped without FORMLAB_DATA_DIR).
 */
class DatasetRestClassTest {

    private static final String NAME = "imu-barbell-metawear";
    private static final String REST = "A/rest/sitting/2019-01-18T18.22.25.565";
    private static final String SQUAT = "B/squat/medium1-rpe9/2019-01-11T17.09.32.694";

    @TempDir
    static Path dir;

    private static Path description;
    private static Path models;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void trainOnce() throws IOException {
        description = ReducedDescription.write(NAME, "\"include\": [\"raw/*_MetaWear_*.csv\"]",
                "\"include\": [\"raw/[AB]-*_MetaWear_*.csv\"]", dir.resolve("barbell-ab.json"));
        models = dir.resolve("models");
        CommandRunner train = new CommandRunner();
        assertEquals(0, train.run("train", "--dataset", description.toString(), "--step", "2", "--trees", "10", "--models",
                models.toString(), "--name", "barbell-ab"), train.error());
    }

    @Test
    void scoreCallsTheRestRecordingsRestAndTheLiftsNot() throws Exception {
        Path sets = dir.resolve("recordings.csv");
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", "barbell-ab", "--models",
                models.toString(), "--sets", sets.toString()), cli.error());
        List<String> rows = Files.readAllLines(sets).subList(1, Files.readAllLines(sets).size());
        int liftWindows = 0;
        int liftRest = 0;
        for (String row : rows) {
            String[] cells = row.split(",");
            int windows = Integer.parseInt(cells[2]);
            int rest = Integer.parseInt(cells[3]);
            if (cells[7].equals("rest")) {
                assertEquals("rest", cells[4], row);
                assertTrue(rest > windows / 2, "a rest recording is mostly rest: " + row);
            } else {
                liftWindows += windows;
                liftRest += rest;
            }
        }
        assertTrue(rows.stream().filter(r -> r.split(",")[7].equals("rest")).count() == 2, "A's two rest recordings: " + rows);
        assertTrue(liftRest < liftWindows / 10, "lift windows called rest: " + liftRest + " of " + liftWindows);
        assertTrue(cli.output().contains("(rest classes: rest)"), cli.output());
    }

    @Test
    void theLiveTrackerEndsTheSetInARestRecordingAndCountsALift() {
        assertEquals(0, cli.run("replay", "--dataset", description.toString(), "--recording", REST, "--model", "barbell-ab",
                "--models", models.toString()), cli.error());
        int[] rest = windows(cli.output());
        assertTrue(rest[1] > rest[0] / 2, "rest windows of the rest recording: " + cli.output());
        assertTrue(cli.output().contains("final: rest, 0 reps"), cli.output());
        assertEquals(0, cli.run("replay", "--dataset", description.toString(), "--recording", SQUAT, "--model", "barbell-ab",
                "--models", models.toString()), cli.error());
        int[] squat = windows(cli.output());
        assertTrue(squat[1] < squat[0] / 10, "rest windows of a squat set: " + cli.output());
        Matcher last = Pattern.compile("final: squat, (\\d+) reps \\(description: squat, 10 reps\\)").matcher(cli.output());
        assertTrue(last.find(), cli.output());
        assertTrue(Math.abs(Integer.parseInt(last.group(1)) - 10) <= 2, cli.output());
    }

    @Test
    void pausesBetweenAnnotatedRepetitionsTeachRestToADatasetWithoutARestClass() throws Exception {
        Path physio = ReducedDescription.write("imu-physio-yurtman",
                "\"include\": [\"s*/e*/u*/test.txt\", \"s*/e*/u*/template_session.txt\"]",
                "\"include\": [\"s[12]/e1/u*/test.txt\", \"s[12]/e2/u*/test.txt\"]", dir.resolve("physio-pauses.json"));
        assertEquals(0, cli.run("train", "--dataset", physio.toString(), "--units", "u3", "--step", "2", "--trees", "10",
                "--pauses-as-rest", "--models", models.toString(), "--name", "physio-pauses"), cli.error());
        assertEquals(List.of("rest"), new formlab.registry.ModelRegistry(models, null).card("physio-pauses", 1).recipe()
                .pipeline().get("restClasses"));
        // s1's test sessions are annotated repetition by repetition: three blocks of ten with pauses between
        assertEquals(0, cli.run("replay", "--dataset", physio.toString(), "--recording", "s1/e1/test", "--model",
                "physio-pauses", "--models", models.toString()), cli.error());
        int[] s1 = windows(cli.output());
        assertTrue(s1[1] > 5 && s1[1] < s1[0] / 2, "the pauses are rest, the blocks are not: " + cli.output());
        // s2's repetitions are not annotated: no pause was learnt from it, and its exercise is not rest
        assertEquals(0, cli.run("replay", "--dataset", physio.toString(), "--recording", "s2/e1/test", "--model",
                "physio-pauses", "--models", models.toString()), cli.error());
        int[] s2 = windows(cli.output());
        assertTrue(s2[1] < s2[0] / 10, "rest windows of s2's exercise: " + cli.output());
        assertTrue(cli.output().contains("final: e1,"), cli.output());
    }

    /** {windows, rest windows} of a replay's output. */
    private static int[] windows(String out) {
        Matcher line = Pattern.compile("(?m)^\\s+\\d+\\s+[\\d.]+\\s+(\\S+)\\s+[\\d.]+\\s+\\d+\\s").matcher(out);
        int[] counts = new int[2];
        while (line.find()) {
            counts[0]++;
            counts[1] += line.group(1).equals("rest") ? 1 : 0;
        }
        assertTrue(counts[0] > 5, out);
        return counts;
    }
}
