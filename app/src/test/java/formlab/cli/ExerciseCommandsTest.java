package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The IMU exercise commands end to end on simulated MetaWear files (train, score, replay, features,
 * reps), and their answers to bad input: each names the file (and line and column where it applies)
 * and what was expected, and exits with status 1.
 */
class ExerciseCommandsTest {

    @TempDir
    Path dir;

    private final CommandRunner cli = new CommandRunner();

    /** Three simulated participants, one heavy and one medium set per lift, rest, dropouts. */
    private Path simulated() {
        Path folder = dir.resolve("recordings");
        new BarbellSimulator(new SimulationSettings(11, 3, 1, 1, true, 0.2)).writeTo(folder);
        return folder;
    }

    private static List<Path> files(Path folder, String contains) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.getFileName().toString().contains(contains)).sorted().toList();
        }
    }

    @Test
    void trainScoreReplayAndFeaturesOnRecordings() throws IOException {
        Path data = simulated();
        Path models = dir.resolve("models");
        assertEquals(0, cli.run("train", "--data", data.toString(), "--search", "quick", "--models", models.toString()), cli.error());
        assertTrue(cli.output().contains("registered imu-exercise v1"), cli.output());
        assertTrue(cli.output().contains("loaded back: identical probabilities"), cli.output());
        String card = Files.readString(models.resolve("imu-exercise/v1/card.json"));
        for (String expected : List.of("\"lengthSeconds\"", "\"stepSeconds\"", "\"restGate\"", "\"repRules\"", "\"sha256\"",
                "participant_mean_set_accuracy", "\"smile-core\"", "orient__grav_x")) {
            assertTrue(card.contains(expected), "card has " + expected);
        }

        Path windows = dir.resolve("scored.csv");
        Path sets = dir.resolve("sets.csv");
        assertEquals(0, cli.run("score", "--data", data.toString(), "--out", windows.toString(), "--sets", sets.toString(),
                "--models", models.toString()), cli.error());
        Table scored = Table.read().csv(windows.toFile());
        assertTrue(scored.columnNames().containsAll(List.of("file", "window_start_s", "label", "confidence", "set_reps")));
        Table perSet = Table.read().csv(sets.toFile());
        long right = perSet.stream().filter(row -> row.getString("label").equals(row.getString("true_exercise"))).count();
        assertTrue(right >= perSet.rowCount() * 0.8, right + " of " + perSet.rowCount() + " sets recognised");

        assertEquals(0, cli.run("replay", "--data", data.toString(), "--set", "squat-medium", "--models", models.toString()), cli.error());
        assertTrue(cli.output().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\.\\d.*")).count() > 5, cli.output());
        assertTrue(cli.output().contains("final: "), cli.output());

        Path features = dir.resolve("features.csv");
        assertEquals(0, cli.run("features", "--data", data.toString(), "--out", features.toString(), "--window", "5"), cli.error());
        Table table = Table.read().csv(features.toFile());
        assertTrue(table.columnNames().contains("orient__move_gravity_deg"));
        assertEquals(Files.readAllLines(features).size() - 1, table.rowCount());
    }

    @Test
    void badInputGivesAClearErrorNamingTheFile() throws IOException {
        Path data = simulated();
        Path acc = files(data, "S1-bench-heavy").stream().filter(p -> p.toString().contains("Accelerometer")).findFirst().orElseThrow();
        Path gyr = files(data, "S1-bench-heavy").stream().filter(p -> p.toString().contains("Gyroscope")).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>(Files.readAllLines(acc));
        String out1 = dir.resolve("x.csv").toString();

        // truncated: the last row is cut in the middle
        String last = lines.getLast();
        Files.writeString(acc, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + last.substring(0, last.length() / 2));
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", out1));
        assertTrue(cli.error().contains(acc.getFileName().toString()) && cli.error().contains("line " + lines.size())
                && cli.error().contains("expected 6"), cli.error());

        // NaN in a value column
        List<String> nan = new ArrayList<>(lines);
        String[] cells = nan.get(5).split(",");
        cells[4] = "NaN";
        nan.set(5, String.join(",", cells));
        Files.write(acc, nan);
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", out1));
        assertTrue(cli.error().contains("line 6, column 5") && cli.error().contains("expected a finite number"), cli.error());

        // a 7 s gap in the timestamps (longer than the 5 s the reader bridges)
        List<String> gap = new ArrayList<>(lines.subList(0, 10));
        for (String line : lines.subList(10, lines.size())) {
            String[] c = line.split(",", 2);
            gap.add((Long.parseLong(c[0]) + 7000) + "," + c[1]);
        }
        Files.write(acc, gap);
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", out1));
        assertTrue(cli.error().contains("7.0") && cli.error().contains("expected at most 5.0 s"), cli.error());

        // a 2 s gap is bridged: documented handling, the command succeeds
        List<String> shortGap = new ArrayList<>(lines.subList(0, 10));
        for (String line : lines.subList(10, lines.size())) {
            String[] c = line.split(",", 2);
            shortGap.add((Long.parseLong(c[0]) + 2000) + "," + c[1]);
        }
        Files.write(acc, shortGap);
        assertEquals(0, cli.run("features", "--data", data.toString(), "--out", out1), cli.error());
        Files.write(acc, lines);

        // only one sensor of a set
        Path moved = dir.resolve(gyr.getFileName());
        Files.move(gyr, moved);
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", out1));
        assertTrue(cli.error().contains("no Gyroscope file for set S1-bench-heavy"), cli.error());
        Files.move(moved, gyr);

        // an exercise label the dataset does not know
        Path curl = data.resolve(acc.getFileName().toString().replace("-bench-", "-curl-"));
        Files.copy(acc, curl);
        assertEquals(1, cli.run("features", "--data", data.toString(), "--out", out1));
        assertTrue(cli.error().contains("unknown exercise 'curl'") && cli.error().contains(curl.getFileName().toString()), cli.error());
        Files.delete(curl);

        // a missing model is a clear error too
        assertEquals(1, cli.run("score", "--data", data.toString(), "--out", out1, "--models", dir.resolve("empty").toString()));
        assertTrue(cli.error().contains("no model 'imu-exercise'") && cli.error().contains("formlab train"), cli.error());
        assertEquals(2, cli.run("replay", "--models", dir.toString()));
    }
}
