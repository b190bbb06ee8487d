package formlab.stream;

import formlab.exercise.WindowUpdate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataOrigin;
import formlab.eval.Progress;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseScoring;
import formlab.exercise.ExerciseTraining;
import formlab.imu.Exercise;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.SensorSeries;
import formlab.imu.reps.RepCounter;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live tracker against batch scoring of the same recordings (simulated, so the test runs
 * without the real data): same windows, same probabilities, same decisions, same repetition
 * count; and the documented handling of gaps, clock jumps and bad values.
 */
class LiveExerciseTrackerTest {

    static List<ImuRecording> sets;
    static ExerciseModel model;

    @BeforeAll
    static void train() {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(7, 3, 1, 1, true, 0.3));
        sets = simulator.plan().stream().map(simulator::simulate).toList();
        ImuDataset dataset = new ImuDataset(sets, new DataOrigin("simulated", false, "memory", sets.size() + " sets"));
        // the quick candidate with 4 s windows: the short simulated sets must leave a whole window
        // after the 7 s gap of aShortDropoutIsBridgedAndALongGapRestartsTheWindows
        var quick = ExerciseEvaluation.SearchSpace.quick();
        var space = new ExerciseEvaluation.SearchSpace(List.of(new formlab.imu.signal.WindowSettings(4, 1)), quick.featureSets(),
                quick.hyperparameters(), quick.seed(), quick.smoothing(), quick.gateQuantile(), quick.refinement());
        ExerciseData data = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), null, Progress.none());
        model = ExerciseTraining.train(data, space, Progress.none()).model();
        assertTrue(model.classifier() instanceof formlab.model.RefinedClassifier,
                "the streamed model has the bench/ohp refinement stage, so streaming covers both stages: " + model.classifier());
    }

    static List<WindowUpdate> replay(ImuRecording recording, LiveExerciseTracker tracker) {
        List<WindowUpdate> updates = new ArrayList<>();
        new ReplaySource(recording, 0).play(tracker, updates::add);
        return updates;
    }

    @Test
    void streamedWindowsEqualBatchScoringOfTheSameRecording() {
        int compared = 0;
        for (ImuRecording set : sets) {
            ExerciseScoring.SetScore batch = ExerciseScoring.score(model, set);
            LiveExerciseTracker tracker = new LiveExerciseTracker(model);
            List<WindowUpdate> live = replay(set, tracker);
            assertEquals(batch.windows().size(), live.size(), set.info().id() + ": number of windows");
            for (int i = 0; i < live.size(); i++) {
                ExerciseScoring.WindowScore b = batch.windows().get(i);
                WindowUpdate s = live.get(i);
                assertEquals(b.startMillis(), s.startMillis(), set.info().id() + " window " + i + " start");
                assertArrayEquals(b.probabilities(), s.probabilities(), 0.0, set.info().id() + " window " + i + " probabilities");
                assertEquals(b.gate().rest(), s.gate().rest(), set.info().id() + " window " + i + " gate");
                assertEquals(b.step().label(), s.label(), set.info().id() + " window " + i + " label");
                assertEquals(b.step().confidence(), s.confidence(), 0.0);
                compared++;
            }
            assertVerdictIsTheBatchOne(batch, tracker);
            assertEquals(live.getLast().reps(), live.getLast().totalReps(), "one set, nothing carried");
            boolean setEnded = live.stream().anyMatch(u -> !u.inSet());
            if (set.info().exercise().isLift() && !setEnded && !tracker.repExercise().isEmpty()) {
                Exercise exercise = Exercise.fromLabel(tracker.repExercise());
                assertEquals(RepCounter.count(set, model.repRules().rulesFor(exercise)).count(), tracker.repCount(),
                        set.info().id() + ": streamed count equals the batch counter's on the whole set");
            }
        }
        assertTrue(compared > 200, "compared " + compared + " windows");
    }

    @Test
    void aShortDropoutIsBridgedAndALongGapRestartsTheWindows() {
        ImuRecording set = sets.stream().filter(r -> r.info().exercise() == Exercise.SQUAT).findFirst().orElseThrow();
        ImuRecording bridged = withHole(set, 2_000);
        LiveExerciseTracker tracker = new LiveExerciseTracker(model);
        List<WindowUpdate> live = replay(bridged, tracker);
        assertEquals(0, tracker.restarts());
        assertEquals(ExerciseScoring.score(model, bridged).windows().size(), live.size());

        ImuRecording broken = withHole(set, 7_000);
        tracker = new LiveExerciseTracker(model);
        live = replay(broken, tracker);
        assertEquals(1, tracker.restarts(), "a 7 s gap (over the 5 s limit) restarts the windows");
        List<ExerciseScoring.WindowScore> batch = ExerciseScoring.score(model, broken).windows();
        assertEquals(batch.size(), live.size(), "batch scoring cuts the same windows on each side of the gap");
        for (int i = 0; i < live.size(); i++) {
            assertArrayEquals(batch.get(i).probabilities(), live.get(i).probabilities(), 0.0);
        }
        long holeEnd = set.accelerometer().epochMillis(set.accelerometer().size() / 2);
        long holeStart = holeEnd - 7_000;
        assertTrue(live.stream().noneMatch(u -> u.startMillis() < holeEnd - 100 && u.endMillis() > holeStart + 100),
                "no window spans the gap");
        assertTrue(live.getLast().setNumber() == 2, "the gap starts a new set");
        int firstSetReps = live.stream().filter(u -> u.setNumber() == 1).reduce((a, b) -> b).orElseThrow().reps();
        assertEquals(firstSetReps + live.getLast().reps(), live.getLast().totalReps(), "the first set's count is carried");
        assertVerdictIsTheBatchOne(ExerciseScoring.score(model, broken), tracker);
    }

    /** The tracker's verdict on a whole recording is batch scoring's set verdict, repetitions included. */
    static void assertVerdictIsTheBatchOne(ExerciseScoring.SetScore batch, LiveExerciseTracker tracker) {
        String id = batch.recording().info().id();
        LiveExerciseTracker.Verdict verdict = tracker.verdict().orElseThrow();
        assertEquals(batch.label(), verdict.label(), id + ": set label");
        assertEquals(batch.confidence(), verdict.confidence(), 1e-12, id + ": set confidence");
        Exercise exercise = Exercise.fromLabel(batch.label());
        if (exercise != null && exercise.isLift()) {
            assertEquals(batch.repCount(), verdict.reps(), id + ": repetitions of the whole recording");
        }
    }

    @Test
    void aClockJumpBackRestartsAndJitterIsDropped() {
        ImuRecording set = sets.getFirst();
        LiveExerciseTracker tracker = new LiveExerciseTracker(model);
        SensorSeries acc = set.accelerometer();
        SensorSeries gyr = set.gyroscope();
        tracker.add(SensorKind.ACCELEROMETER, acc.epochMillis(0), acc.value(0, 0), acc.value(1, 0), acc.value(2, 0));
        tracker.add(SensorKind.GYROSCOPE, gyr.epochMillis(0), gyr.value(0, 0), gyr.value(1, 0), gyr.value(2, 0));
        tracker.add(SensorKind.ACCELEROMETER, acc.epochMillis(0) - 30, 0, 1, 0);
        assertEquals(1, tracker.droppedSamples(), "a sample 30 ms in the past is dropped");
        assertTrue(tracker.verdict().isEmpty(), "no verdict before the first window");
        assertEquals(0, tracker.restarts());
        tracker.add(SensorKind.ACCELEROMETER, acc.epochMillis(0) - 60_000, 0, 1, 0);
        assertEquals(1, tracker.restarts(), "a clock one minute back starts a new segment");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.add(SensorKind.GYROSCOPE, gyr.epochMillis(1), Double.NaN, 0, 0));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    /** The recording with both sensors' samples removed for {@code millis} from the middle of the accelerometer. */
    static ImuRecording withHole(ImuRecording set, long millis) {
        long from = set.accelerometer().epochMillis(set.accelerometer().size() / 2) - millis;
        long to = set.accelerometer().epochMillis(set.accelerometer().size() / 2);
        return new ImuRecording(set.info(), cut(set.accelerometer(), from, to), cut(set.gyroscope(), from, to), set.sources());
    }

    static SensorSeries cut(SensorSeries s, long from, long to) {
        int[] keep = java.util.stream.IntStream.range(0, s.size())
                .filter(i -> s.epochMillis(i) <= from || s.epochMillis(i) >= to).toArray();
        long[] t = Arrays.stream(keep).mapToLong(s::epochMillis).toArray();
        double[][] v = new double[3][];
        for (int a = 0; a < 3; a++) {
            final int axis = a;
            v[a] = Arrays.stream(keep).mapToDouble(i -> s.value(axis, i)).toArray();
        }
        return new SensorSeries(s.kind(), s.nominalRateHz(), t, v[0], v[1], v[2]);
    }
}
