package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.deploy.sensor.RecordingSource;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseScoring;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.ImuRecording;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import formlab.imu.Exercise;
import formlab.imu.Intensity;
import formlab.model.Classifier;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker with the library's live exercise tracker, replaying recordings on the mock platform:
 * its final verdict and the rep LED must agree with batch scoring of the same file.
 */
class LiveClassifierTest {

    @TempDir
    Path dir;

    /** Replays {@code sets} and checks label, count and LED pulses against batch scoring; returns a line per set. */
    private List<String> replayAgainstBatch(ExerciseModel model, List<ImuRecording> sets) throws Exception {
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (ImuRecording set : sets) {
            ExerciseScoring.SetScore batch = ExerciseScoring.score(model, set);
            ReplayDemo live = ReplayDemo.run(set, LiveClassifier.of(model), dir.resolve("s" + i++));
            String id = set.info().id();
            assertEquals(batch.label(), live.set().exercise(), id + ": exercise");
            assertEquals(batch.confidence(), live.set().confidence(), 1e-12, id + ": confidence");
            assertEquals(batch.repCount(), live.set().reps(), id + ": repetitions, live vs batch");
            assertEquals(live.set().reps(), live.repLedOnSeconds().length, id + ": one LED pulse per repetition");
            lines.add(id + " " + batch.label() + " " + batch.repCount());
        }
        return lines;
    }

    @Test
    void simulatedSetsGiveTheBatchVerdictAndOneBlinkPerRepetition() throws Exception {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(99, 1, 1, 1, true, 0.3));
        List<ImuRecording> sets = simulator.plan().stream().map(simulator::simulate).toList();
        assertEquals(sets.size(), replayAgainstBatch(QuickModel.get(), sets).size());
    }

    @Test
    void realSetsGiveTheBatchCountOnTheRepLed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(KnownDataset.IMU_BARBELL.path().isPresent(),
                "real barbell data not configured (FORMLAB_DATA_DIR)");
        List<ImuRecording> sets = ImuDatasets.barbell().recordings();
        // trained on the real sets themselves: what matters here is live = batch, and a model that knows
        // the data keeps the live label steady, so the blinks shown live are the final count
        List<String> lines = replayAgainstBatch(QuickModel.real(), sets);
        assertTrue(lines.size() >= 59, "every real set replayed: " + lines.size());
    }

    @Test
    void aRegisteredModelLoadsFromItsVersionFolderAndTheCommandLineRunsIt() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        ModelCard card = QuickModel.register(registry);
        Path folder = registry.versionFolder(card.name(), card.version());
        ExerciseModel loaded = TrackerModel.loadFolder(folder);
        assertEquals(QuickModel.get().classes(), loaded.classes());
        Path file = SimulatedSets.write(dir, Exercise.OHP, Intensity.MEDIUM);
        ImuRecording set = RecordingSource.of(file).recording();
        ExerciseScoring.SetScore batch = ExerciseScoring.score(loaded, set);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TrackerMain.run(List.of("--mock", "--replay", file.toString(), "--speed", "max", "--model",
                folder.toString(), "--out", dir.resolve("cli").toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, LiveClassifier::create);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("set 1 ended: " + batch.label() + ", " + batch.repCount() + " reps"), text);
        assertTrue(text.contains("rep LED pulses: " + batch.repCount() + " "), text);
    }

    @Test
    void aModelOfSeveralSensorUnitsIsRefusedNamingThem() {
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        Classifier wristOnly = new Classifier() {
            @Override
            public List<String> featureNames() {
                return List.of("wrist:" + pipeline.featureNames().getFirst());
            }

            @Override
            public List<String> classes() {
                return List.of("lunge", "rest");
            }

            @Override
            public double[] probabilities(double[] features) {
                return new double[] {1, 0};
            }
        };
        ExerciseModel twoUnits = ExerciseModel.described(pipeline, List.of("wrist", "ankle"), wristOnly, Set.of("rest"),
                Map.of(), Map.of(), 25, 1, 1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LiveClassifier(twoUnits, 25, 25));
        assertTrue(refused.getMessage().contains("wrist, ankle") && refused.getMessage().contains("--units"),
                refused.getMessage());
    }
}
