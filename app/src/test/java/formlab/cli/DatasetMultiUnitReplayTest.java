package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetDescriptions;
import formlab.deploy.LiveClassifier;
import formlab.deploy.TrackerMain;
import formlab.deploy.TrackerModel;
import formlab.exercise.DescribedImuModel;
import formlab.exercise.DescribedImuScoring;
import formlab.exercise.ExerciseModel;
import formlab.exercise.WindowUpdate;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.ShiftedSeries;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.registry.ModelRegistry;
import formlab.stream.LiveExerciseTracker;
import formlab.stream.ReplaySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --dataset D} and the live tracker with a model of all five sensor units of the
 * physiotherapy dataset (subjects s1 and s2, exercises e1 and e2, test sessions; skipped without
 * FORMLAB_DATA_DIR), trained once by {@code train --dataset}: one stream per unit, windows matched by
 * time, the same windows, probabilities and count as {@code score --dataset}; a unit that is missing,
 * stops or runs on another clock is named, never silently scored.
 */
class DatasetMultiUnitReplayTest {

    private static final String NAME = "imu-physio-yurtman";
    private static final String MODEL = "physio-five-units";
    private static final String BUILT_IN_INCLUDE = "\"include\": [\"s*/e*/u*/test.txt\", \"s*/e*/u*/template_session.txt\"]";

    @TempDir
    static Path dir;

    private static Path description;
    private static Path models;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void trainOnce() throws IOException {
        description = ReducedDescription.write(NAME, BUILT_IN_INCLUDE,
                "\"include\": [\"s[12]/e1/u*/test.txt\", \"s[12]/e2/u*/test.txt\"]", dir.resolve("physio-small.json"));
        models = dir.resolve("models");
        CommandRunner train = new CommandRunner();
        assertEquals(0, train.run("train", "--dataset", description.toString(), "--step", "4", "--trees", "10",
                "--models", models.toString(), "--name", MODEL), train.error());
        assertTrue(train.output().contains("(units u1+u2+u3+u4+u5)"), train.output());
    }

    @Test
    void replayShowsEveryWindowAndTheCountAsScoreDoes() throws Exception {
        Path windows = dir.resolve("out/windows.csv");
        Path sets = dir.resolve("out/recordings.csv");
        Files.createDirectories(windows.getParent());
        assertEquals(0, cli.run("score", "--dataset", description.toString(), "--model", MODEL, "--models", models.toString(),
                "--out", windows.toString(), "--sets", sets.toString()), cli.error());
        String id = "s2/e2/test";
        List<String[]> scored = Files.readAllLines(windows).stream().filter(row -> row.startsWith(id + ",")).map(r -> r.split(","))
                .toList();
        String[] recording = Files.readAllLines(sets).stream().filter(row -> row.startsWith(id + ",")).findFirst().orElseThrow()
                .split(",");
        CommandRunner replay = new CommandRunner();
        assertEquals(0, replay.run("replay", "--dataset", description.toString(), "--recording", id, "--model", MODEL,
                "--models", models.toString()), replay.error());
        String out = replay.output();
        assertTrue(out.contains("replaying " + id + " (units u1+u2+u3+u4+u5)"), out);
        Matcher line = Pattern.compile("(?m)^\\s+(\\d+)\\s+[\\d.]+\\s+(\\S+)\\s+([\\d.]+)\\s+\\d+\\s+\\((\\S+) ([\\d.]+)").matcher(out);
        int windowCount = 0;
        while (line.find()) {
            // windows.csv: recording, subject, window, window_start_s, label, confidence, raw_label, raw_confidence, ...
            String[] row = scored.get(windowCount);
            assertEquals(row[2], line.group(1));
            assertEquals(row[4], line.group(2), "shown label of window " + row[2]);
            assertEquals(String.format(Locale.ROOT, "%.2f", Double.parseDouble(row[5])), line.group(3), "confidence of " + row[2]);
            assertEquals(row[6], line.group(4), "raw label of window " + row[2]);
            assertEquals(String.format(Locale.ROOT, "%.2f", Double.parseDouble(row[7])), line.group(5), "raw confidence of " + row[2]);
            windowCount++;
        }
        assertEquals(scored.size(), windowCount, out);
        assertTrue(windowCount > 40, "a 4 s step over about 220 s: " + out);
        // recordings.csv: recording, subject, windows, rest_windows, label, confidence, reps, true_label, true_reps
        assertTrue(out.contains("final: " + recording[4] + ", " + recording[6] + " reps (description: e2, 30 reps); "
                + windowCount + " windows, " + recording[3] + " rest; 0 samples dropped, 0 restarts\n"), out);
    }

    @Test
    void thePiTrackerLoadsTheModelAndRefusesItsFiveUnitsWhenItStarts() throws Exception {
        Path folder = new ModelRegistry(models, null).versionFolder(MODEL, 1);
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), TrackerModel.loadFolder(folder).units());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = TrackerMain.run(List.of("--self-test", "--mock", "--model", folder.toString()),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), LiveClassifier::create);
        String message = err.toString();
        assertEquals(2, status, message + out);
        assertTrue(message.contains("u1, u2, u3, u4, u5") && message.contains("--units UNIT"), message);
    }

    @Test
    void theTrackerComputesScoresProbabilitiesForEveryWindow() throws Exception {
        DescribedImuModel model = model();
        DescribedImuRecording recording = recording("s1/e1/test");
        DescribedImuScoring.Scored scored = DescribedImuScoring.score(model, List.of(recording)).getFirst();
        LiveExerciseTracker tracker = tracker(model, recording);
        List<WindowUpdate> updates = play(tracker, units(recording, model, s -> s));
        assertEquals(scored.windows().size(), updates.size());
        for (int i = 0; i < updates.size(); i++) {
            DescribedImuScoring.Window batch = scored.windows().get(i);
            assertArrayEquals(batch.raw().probabilities(), updates.get(i).probabilities(), 1e-12, "window " + i);
            assertEquals(batch.step().label(), updates.get(i).label(), "window " + i);
        }
        assertEquals(scored.label(), tracker.verdict().orElseThrow().label());
        assertEquals(scored.reps(), tracker.verdict().orElseThrow().reps());
        assertEquals(List.of(), tracker.stalledUnits());
        assertEquals(0, tracker.unmatchedWindows());
        assertTrue(tracker.waitingWindows().isEmpty(), tracker.waitingWindows().toString());
    }

    @Test
    void aUnitWhoseSamplesStopIsReportedAndNoWindowIsClassifiedWithoutIt() throws Exception {
        DescribedImuModel model = model();
        DescribedImuRecording recording = recording("s1/e1/test");
        long start = recording.sensors("u1").accelerometer().startMillis();
        long stop = start + 60_000;
        List<ReplaySource.UnitSeries> units = new ArrayList<>();
        for (ReplaySource.UnitSeries unit : units(recording, model, s -> s)) {
            units.add(unit.unit().equals("u3") ? new ReplaySource.UnitSeries("u3", unit.accelerometer().between(start, stop),
                    unit.gyroscope().between(start, stop)) : unit);
        }
        LiveExerciseTracker tracker = tracker(model, recording);
        List<WindowUpdate> updates = play(tracker, units);
        assertEquals(List.of("u3"), tracker.stalledUnits());
        assertTrue(tracker.unmatchedWindows() > 30, "the other units' windows after u3 stopped: " + tracker.unmatchedWindows());
        assertTrue(!updates.isEmpty() && updates.stream().allMatch(u -> u.endMillis() <= stop), "windows only while u3 ran");
    }

    @Test
    void unitsOnDifferentClocksAreRefusedNamingThem() throws Exception {
        DescribedImuModel model = model();
        DescribedImuRecording recording = recording("s1/e1/test");
        List<ReplaySource.UnitSeries> units = new ArrayList<>();
        for (ReplaySource.UnitSeries unit : units(recording, model, s -> s)) {
            units.add(unit.unit().equals("u2") ? new ReplaySource.UnitSeries("u2", ShiftedSeries.of(unit.accelerometer(), 2000),
                    ShiftedSeries.of(unit.gyroscope(), 2000)) : unit);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> play(tracker(model, recording), units));
        assertTrue(e.getMessage().contains("unit u1") && e.getMessage().contains("unit u2")
                && e.getMessage().contains("2000 ms apart") && e.getMessage().contains("not synchronised"), e.getMessage());

        // batch scoring pairs window k of every unit too, and refuses the same recording
        java.util.Map<String, DescribedImuRecording.Part> parts = new java.util.LinkedHashMap<>(recording.parts());
        DescribedImuRecording.Part u2 = parts.get("u2");
        parts.put("u2", new DescribedImuRecording.Part(u2.name(), u2.rateHz(),
                java.util.Arrays.stream(u2.millis()).map(t -> t + 2000).toArray(), u2.channels(), u2.quantities(), u2.units(),
                u2.values()));
        DescribedImuRecording shiftedU2 = new DescribedImuRecording(recording.id(), recording.groups(), recording.subject(),
                recording.label(), parts, recording.repetitions(), recording.qualities(), recording.count(), recording.sources());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> DescribedImuScoring.score(model, List.of(shiftedU2)));
        assertTrue(batch.getMessage().contains("recording s1/e1/test") && batch.getMessage().contains("unit u2")
                && batch.getMessage().contains("2000 ms from that of unit u1"), batch.getMessage());
    }

    @Test
    void aSampleWithoutOneOfTheModelsUnitsIsRefused() throws Exception {
        LiveExerciseTracker tracker = tracker(model(), recording("s1/e1/test"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> tracker.add("u9", SensorKind.ACCELEROMETER, 0, 0, 0, 1));
        assertTrue(unknown.getMessage().contains("'u9'") && unknown.getMessage().contains("u1, u2, u3, u4, u5"),
                unknown.getMessage());
        IllegalArgumentException unnamed = assertThrows(IllegalArgumentException.class,
                () -> tracker.add(SensorKind.ACCELEROMETER, 0, 0, 0, 1));
        assertTrue(unnamed.getMessage().contains("u1+u2+u3+u4+u5: give each sample with its unit"), unnamed.getMessage());
    }

    @Test
    void replayOfARecordingWithoutEveryUnitExitsTwoNamingThem() throws Exception {
        Path fourUnits = ReducedDescription.write(NAME, BUILT_IN_INCLUDE, "\"include\": [\"s1/e1/u[1-4]/test.txt\"]",
                dir.resolve("physio-four-units.json"));
        assertEquals(2, cli.run("replay", "--dataset", fourUnits.toString(), "--recording", "s1/e1/test", "--model", MODEL,
                "--models", models.toString()));
        assertTrue(cli.error().contains("reads sensor units u1+u2+u3+u4+u5") && cli.error().contains("u1, u2, u3, u4"),
                cli.error());
        assertTrue(!cli.output().contains("final:"), cli.output());
    }

    private static DescribedImuModel model() throws IOException {
        return DescribedImuModel.load(new ModelRegistry(models, null), MODEL);
    }

    private static DescribedImuRecording recording(String id) {
        return DescribedImuReader.read(DatasetDescriptions.read(description)).stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
    }

    /** The tracker as replay builds it: each unit at its own sensors' nominal rates. */
    private static LiveExerciseTracker tracker(DescribedImuModel model, DescribedImuRecording recording) {
        ExerciseModel live = model.live();
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), live.units(), "the units of the card");
        return new LiveExerciseTracker(live, model.units().stream().map(unit -> new LiveExerciseTracker.SensorRates(
                recording.sensors(unit).accelerometer().nominalRateHz(), recording.sensors(unit).gyroscope().nominalRateHz()))
                .toList());
    }

    private static List<ReplaySource.UnitSeries> units(DescribedImuRecording recording, DescribedImuModel model,
            UnaryOperator<SensorSeries> change) {
        return model.units().stream().map(unit -> new ReplaySource.UnitSeries(unit,
                change.apply(recording.sensors(unit).accelerometer()), change.apply(recording.sensors(unit).gyroscope()))).toList();
    }

    private static List<WindowUpdate> play(LiveExerciseTracker tracker, List<ReplaySource.UnitSeries> units) {
        List<WindowUpdate> updates = new ArrayList<>();
        ReplaySource.ofUnits(units, 0).play(tracker, updates::add);
        return updates;
    }
}
