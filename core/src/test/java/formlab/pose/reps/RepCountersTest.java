package formlab.pose.reps;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader;
import formlab.pose.io.ExerciseCorrectionReader.DatasetFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RepCountersTest {

    /** Three dips from 178 to 60 degrees with noise, a shallow dip to 170 and a NaN gap. */
    static double[] kneeLikeSignal() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < 20; i++) {
                values.add(178 + random.nextGaussian());
            }
            for (int i = 0; i <= 40; i++) {
                values.add(119 + 59 * Math.cos(2 * Math.PI * i / 40) + 3 * random.nextGaussian());
            }
        }
        for (int i = 0; i <= 20; i++) {
            values.add(i == 10 ? Double.NaN : 174 - 4 * Math.sin(Math.PI * i / 20));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void hysteresisCountsEachDipOnceDespiteNoise() {
        HysteresisRepCounter counter = new HysteresisRepCounter(150, 170, 3);
        List<Repetition> reps = counter.count(kneeLikeSignal());
        assertEquals(3, reps.size(), reps.toString());
        // a single threshold at 170 would count noise crossings several times per dip
        long crossings = 0;
        double[] signal = kneeLikeSignal();
        for (int i = 1; i < signal.length; i++) {
            crossings += signal[i - 1] >= 170 && signal[i] < 170 ? 1 : 0;
        }
        assertTrue(crossings > 3, "the noise makes a single threshold unreliable: " + crossings);
        assertTrue(reps.get(0).start() > 20 && reps.get(0).end() < 61);
    }

    @Test
    void streamingPushGivesTheBatchCount() {
        double[] signal = kneeLikeSignal();
        HysteresisRepCounter live = new HysteresisRepCounter(150, 170, 3);
        int completed = 0;
        for (double value : signal) {
            completed += live.push(value) != null ? 1 : 0;
        }
        assertEquals(3, completed);
        assertEquals(live.count(signal), live.repetitions());
        live.reset();
        assertTrue(live.repetitions().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new HysteresisRepCounter(170, 150, 3));
    }

    @Test
    void shortActivePhasesDoNotCount() {
        double[] blip = {178, 178, 100, 178, 178, 100, 100, 100, 100, 178};
        assertEquals(1, new HysteresisRepCounter(150, 170, 3).count(blip).size());
        assertEquals(2, new HysteresisRepCounter(150, 170, 1).count(blip).size());
    }

    @Test
    void thresholdsComeFromTheRestSamples() {
        double[] signal = {178, 177, 176, 175, 60, 70, 80};
        boolean[] active = {false, false, false, false, true, true, true};
        assertArrayEquals(new double[] {165, 175}, HysteresisRepCounter.thresholds(signal, active, 0, 10), 1e-12);
    }

    @Test
    void phaseCounterAbsorbsFlicker() {
        List<String> phases = Arrays.asList("up up up down down down up up down up up down down down up up down down".split(" "));
        PhaseRepCounter counter = new PhaseRepCounter("down", "up", 2);
        List<Repetition> reps = counter.count(phases);
        assertEquals(2, reps.size(), "the single 'down' is flicker and the last squat never comes back up");
        assertEquals(new Repetition(3, 6), reps.get(0));
        assertEquals(3, new PhaseRepCounter("down", "up", 1).count(phases).size());
    }

    @Test
    void realSquatFilesHipHeightCountMatchesTheLabels() {
        Path root = KnownDataset.POSE_EXERCISE_CORRECTION.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-exercise-correction not available");
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader();
        PoseSequence train = reader.read(DatasetFile.SQUAT_TRAIN.in(root)).sequence();
        PoseSequence test = reader.read(DatasetFile.SQUAT_TEST.in(root)).sequence();
        double[] trainSignal = RepSignals.of(train, RepSignals::hipHeight);
        boolean[] down = new boolean[train.size()];
        for (int i = 0; i < down.length; i++) {
            down[i] = train.frames().get(i).label().equals("down");
        }
        double[] thresholds = HysteresisRepCounter.thresholds(trainSignal, down, 5, 0.4);
        HysteresisRepCounter counter = new HysteresisRepCounter(thresholds[0], thresholds[1], 5);
        PhaseRepCounter fromLabels = new PhaseRepCounter("down", "up", 3);
        int trainLabels = fromLabels.count(train.frames().stream().map(PoseFrame::label).toList()).size();
        int testLabels = fromLabels.count(test.frames().stream().map(PoseFrame::label).toList()).size();
        assertEquals(37, trainLabels);
        assertEquals(4, testLabels);
        assertEquals(trainLabels, counter.count(trainSignal).size(), 1, "train: hip height vs labels");
        double[] testSignal = RepSignals.of(test, RepSignals::hipHeight);
        assertEquals(testLabels, counter.count(testSignal).size(), "test: hip height vs labels");
        // Cross-check with the IMU package's batch peak finder on the same signal: it finds every squat
        // bottom, including the last squat of the file, which never comes back up and is not a completed repetition.
        double[] depth = java.util.Arrays.stream(testSignal).map(v -> -v).toArray();
        boolean endsDown = test.frames().getLast().label().equals("down");
        assertTrue(endsDown);
        assertEquals(testLabels + 1, formlab.imu.reps.Peaks.find(depth, 0.4).length, "prominent squat bottoms");
    }
}
