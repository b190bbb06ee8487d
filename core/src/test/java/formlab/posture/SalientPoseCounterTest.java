package formlab.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.pose.io.DescribedPose;
import formlab.pose.reps.Repetition;
import formlab.posture.SalientPoseCounter.Labelling;
import formlab.posture.SalientPoseCounter.Scales;
import formlab.posture.SalientPoseCounter.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The salient-pose repetition counter on synthetic landmark sequences: arms raised and lowered (or
 * knees bent) a known number of times, with still stretches before and after, by subjects of
 * different proportions.
 */
class SalientPoseCounterTest {

    private static final PoseRepCountEvaluation.Settings SMALL = new PoseRepCountEvaluation.Settings(
            Labelling.defaults(), true, 30, 2, 42);

    @Test
    void countsSyntheticRepetitionsOfUnseenSubjectsWithIdleTimeAround() {
        List<DescribedPose> poses = new ArrayList<>();
        int[] counts = {3, 5, 7, 4, 6, 8};
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < 3; k++) {
                int count = counts[(s + 2 * k) % counts.length];
                poses.add(sequence("s" + s, k % 2 == 0 ? "raise" : "squat", count, 30 + 6 * s + 5 * k, 40 + 10 * k, s));
            }
        }
        PoseRepCountEvaluation evaluation = PoseRepCountEvaluation.leaveOneSubjectOut(poses, SMALL, Progress.none());
        assertEquals(poses.size(), evaluation.rows().size());
        assertTrue(evaluation.withinOne() >= 0.9, evaluation.text());
        assertTrue(evaluation.meanRelativeError() <= 0.15, evaluation.text());
        assertEquals(2, evaluation.perExercise().size());
        assertTrue(evaluation.text().contains("all"), evaluation.text());
    }

    @Test
    void innerFoldsBeyondTheTrainingSubjectsAreOneFoldPerSubject() {
        List<DescribedPose> poses = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            poses.add(sequence("s" + s, "raise", 4 + s, 30 + 4 * s, 30, s));
            poses.add(sequence("s" + s, "squat", 6 - s, 36, 30, s));
        }
        // three training subjects per held-out one: asking for 10 folds gives the same three folds of one subject
        var asked = new PoseRepCountEvaluation.Settings(Labelling.defaults(), false, 20, 10, 42);
        var three = new PoseRepCountEvaluation.Settings(Labelling.defaults(), false, 20, 3, 42);
        PoseRepCountEvaluation many = PoseRepCountEvaluation.leaveOneSubjectOut(poses, asked, Progress.none());
        assertEquals(PoseRepCountEvaluation.leaveOneSubjectOut(poses, three, Progress.none()).rows(), many.rows());
        assertEquals(poses.size(), many.rows().size());
        IllegalArgumentException tooFew = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PoseRepCountEvaluation.leaveOneSubjectOut(poses.subList(0, 4), asked, Progress.none()));
        assertTrue(tooFew.getMessage().contains("at least 3 subjects"), tooFew.getMessage());
    }

    @Test
    void sequencesSharingAnIdKeepOneRowEach() {
        List<DescribedPose> poses = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            DescribedPose pose = sequence("s" + s, "raise", 3 + s, 30, 30, s);
            poses.add(new DescribedPose("clip", pose.file(), pose.subject(), pose.label(), pose.frames(),
                    pose.coordinates(), pose.repetitions()));
        }
        PoseRepCountEvaluation evaluation = PoseRepCountEvaluation.leaveOneSubjectOut(poses, SMALL, Progress.none());
        assertEquals(List.of("s0", "s1", "s2"), evaluation.rows().stream().map(PoseRepCountEvaluation.Row::subject).toList());
        assertEquals(List.of(3, 4, 5), evaluation.rows().stream().map(PoseRepCountEvaluation.Row::truth).toList());
    }

    @Test
    void settingsAsMapHoldEveryValue() {
        var map = new PoseRepCountEvaluation.Settings(Labelling.defaults(), false, 30, 2, 7).asMap();
        assertEquals(30, map.get("trees"));
        assertEquals(7L, map.get("seed"));
        assertEquals(2, map.get("innerFolds"));
        assertEquals(false, map.get("exerciseContext"));
    }

    @Test
    void sequencesAnnotatedFromTheOtherEndAreAlignedBeforeTraining() {
        List<DescribedPose> poses = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            poses.add(sequence("s" + s, "raise", 5, 36, 30, s));
            if (s < 2) {
                poses.add(shifted(sequence("t" + s, "raise", 5, 36, 30, s)));
            }
        }
        var data = SalientPoseCounter.frames(poses, Labelling.defaults(), List.of());
        // the arms are up in the middle of the unshifted repetitions and at the ends of the shifted ones;
        // after alignment "middle" means arms up in all, as in the majority
        int wristHeight = SalientPoseCounter.featureNames(List.of()).indexOf("wrist_height");
        double middle = 0;
        double boundary = 0;
        int m = 0;
        int b = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.labels()[i].equals(SalientPoseCounter.MIDDLE)) {
                middle += data.row(i)[wristHeight];
                m++;
            } else {
                boundary += data.row(i)[wristHeight];
                b++;
            }
        }
        assertTrue(middle / m < boundary / b - 0.2, "wrists higher (smaller y) in the middle state: " + middle / m + " vs " + boundary / b);
    }

    @Test
    void countsTheScaledProbabilityWithHysteresis() {
        double[] p = new double[400];
        Arrays.fill(p, 0.1);
        for (int t = 50; t < 350; t++) {
            p[t] = 0.1 + 0.35 * (1 - Math.cos(2 * Math.PI * (t - 50) / 50.0));
        }
        p[200] = Double.NaN;
        Thresholds thresholds = new Thresholds(0, 0.7, 0.3, 0);
        assertEquals(6, SalientPoseCounter.repetitions(p, thresholds).size());
        double[] flat = new double[100];
        Arrays.fill(flat, 0.4);
        assertEquals(0, SalientPoseCounter.repetitions(flat, thresholds).size(), "a flat probability counts nothing");
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0, 0.3, 0.7, 0));
    }

    @Test
    void choosesTheSmallestSmoothingThatKeepsUpWithItsOwnCycleAndDropsRepetitionsEndingTooSoon() {
        // fast repetitions (12 frames), every third with a one-frame dip at its top: unsmoothed the dips split those
        // repetitions, a wide window flattens them all; the smallest window at least 0.3 of the cycle it counts (5 frames
        // against 12) counts them all
        double[] fast = new double[60 + 20 * 12];
        Arrays.fill(fast, 0.1);
        for (int t = 30; t < 30 + 20 * 12; t++) {
            fast[t] = 0.1 + 0.35 * (1 - Math.cos(2 * Math.PI * (t - 30) / 12.0));
        }
        for (int k = 0; k < 20; k += 3) {
            fast[30 + 12 * k + 6] = 0.1;
        }
        Thresholds regular = new Thresholds(0.3, 0.7, 0.3, 0);
        assertEquals(20, SalientPoseCounter.repetitions(fast, regular).size());
        Scales scales = new Scales(fast);
        assertTrue(scales.triggered(0, 0.7, 0.3).size() > 20, "unsmoothed, the noise counts more");
        assertTrue(SalientPoseCounter.medianInterval(scales.triggered(0, 0.7, 0.3)) > 1 / 0.3,
                "the unsmoothed window is short against the cycle it counts, so it is not chosen");
        assertEquals(scales.triggered(0, 0.7, 0.3).size(), SalientPoseCounter.repetitions(fast, new Thresholds(0, 0.7, 0.3, 0)).size(),
                "with no share asked the smallest window that counts two is kept");
        double[] still = new double[200];
        Arrays.fill(still, 0.1);
        for (int t = 80; t < 120; t++) {
            still[t] = 0.1 + 0.4 * (1 - Math.cos(2 * Math.PI * (t - 80) / 40.0));
        }
        assertEquals(1, SalientPoseCounter.repetitions(still, regular).size(),
                "a single repetition has no cycle: the most regular window's count is kept");
        assertTrue(scales.triggered(SalientPoseCounter.SMOOTHINGS.length - 1, 0.7, 0.3).size() < 20, "a 25-frame window merges");
        // a repetition ending a few frames after the last one counted is dropped by minCycle
        List<Repetition> close = List.of(new Repetition(0, 40), new Repetition(50, 80), new Repetition(85, 88),
                new Repetition(100, 120), new Repetition(140, 160));
        assertEquals(5, SalientPoseCounter.spaced(close, 0).size());
        assertEquals(List.of(0, 1, 3, 4).stream().map(close::get).toList(), SalientPoseCounter.spaced(close, 0.4));
        // an exercise with thresholds of its own is counted with them, any other with the common ones
        SalientPoseCounter counter = SalientPoseCounter.periodic().with(regular,
                java.util.Map.of("raise", new Thresholds(0, 0.8, 0.5, 0.55)));
        assertEquals(0.8, counter.thresholds("raise").enter());
        assertEquals(regular, counter.thresholds("squat"));
    }

    @Test
    void withoutBoundariesItCountsByPeriodicity() {
        DescribedPose annotated = sequence("s0", "raise", 6, 40, 30, 0);
        DescribedPose bare = new DescribedPose(annotated.id(), annotated.file(), "s0", "raise", annotated.frames(),
                annotated.coordinates(), List.of());
        SalientPoseCounter counter = SalientPoseCounter.train(List.of(bare), Labelling.defaults(), List.of(),
                SMALL.trainer(), new Thresholds(0, 0.7, 0.3, 0));
        assertNull(counter.model());
        int count = counter.count(bare.frames(), "raise");
        assertTrue(Math.abs(count - 6) <= 1, "periodic count " + count);
    }

    @Test
    void refusesTooFewSubjectsAndCountsUnknownExercisesWithoutContext() {
        List<DescribedPose> two = List.of(sequence("a", "raise", 4, 30, 20, 0), sequence("b", "raise", 4, 30, 20, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoseRepCountEvaluation.leaveOneSubjectOut(two, SMALL, Progress.none()));
        assertTrue(e.getMessage().contains("at least 3 subjects"), e.getMessage());
        SalientPoseCounter counter = SalientPoseCounter.train(two, Labelling.defaults(), List.of("raise"), SMALL.trainer(),
                new Thresholds(0, 0.7, 0.3, 0));
        // an exercise it was not trained on is counted without context: the same as the only exercise it knows
        assertEquals(counter.count(two.getFirst().frames(), "raise"), counter.count(two.getFirst().frames(), "curl"));
        assertFalse(counter.exercises().isEmpty());
    }

    /**
     * A sequence of {@code count} repetitions of {@code period} frames with {@code idle} still frames
     * before and after; {@code raise} lifts both arms, {@code squat} lowers the hips. The repetitions
     * are annotated from rest to rest.
     */
    static DescribedPose sequence(String subject, String exercise, int count, int period, int idle, int build) {
        Random random = new Random(31L * subject.hashCode() + count + period);
        int frames = 2 * idle + count * period;
        double[][][] landmarks = new double[frames][][];
        List<double[]> repetitions = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            repetitions.add(new double[] {idle + r * period, idle + (r + 1) * period});
        }
        double scale = 1 + 0.1 * build;
        for (int t = 0; t < frames; t++) {
            double phase = t < idle || t >= idle + count * period ? 0 : (1 - Math.cos(2 * Math.PI * (t - idle) / period)) / 2;
            landmarks[t] = skeleton(exercise.equals("raise") ? phase : 0, exercise.equals("squat") ? phase : 0, scale, random);
        }
        return new DescribedPose(subject + "_" + exercise + count + "_" + period, subject + "_" + exercise + count + ".npy",
                subject, exercise, landmarks, List.of("x", "y", "z"), repetitions);
    }

    /** The same sequence with its repetitions annotated half a period later (from the top of the movement). */
    private static DescribedPose shifted(DescribedPose pose) {
        List<double[]> moved = new ArrayList<>();
        for (double[] r : pose.repetitions()) {
            double half = (r[1] - r[0]) / 2;
            if (r[1] + half < pose.length()) {
                moved.add(new double[] {r[0] + half, r[1] + half});
            }
        }
        return new DescribedPose(pose.id() + "_shifted", pose.file(), pose.subject(), pose.label(), pose.frames(),
                pose.coordinates(), moved);
    }

    /** 33 BlazePose landmarks, image coordinates (y down); arms raised by {@code raise}, hips lowered by {@code squat}. */
    private static double[][] skeleton(double raise, double squat, double scale, Random random) {
        double[][] p = new double[33][];
        double cx = 0.5;
        double shoulderY = 0.3 + 0.15 * squat;
        double hipY = 0.55 + 0.2 * squat;
        double kneeY = 0.75 + 0.05 * squat;
        double ankleY = 0.95;
        for (int i = 0; i < 11; i++) {
            p[i] = new double[] {cx + 0.01 * (i % 3 - 1), shoulderY - 0.1 * scale - 0.01 * (i % 2), 0};
        }
        double arm = 0.15 * scale;
        double angle = Math.PI * 0.9 * raise;
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? 1 : -1;
            double sx = cx + sign * 0.08 * scale;
            p[11 + side] = new double[] {sx, shoulderY, 0};
            double ex = sx + sign * 0.3 * arm * Math.sin(angle);
            double ey = shoulderY + arm * Math.cos(angle);
            p[13 + side] = new double[] {ex, ey, 0};
            p[15 + side] = new double[] {ex + sign * 0.3 * arm * Math.sin(angle), ey + arm * Math.cos(angle), 0};
            for (int k = 17; k <= 21; k += 2) {
                p[k + side] = new double[] {p[15 + side][0], p[15 + side][1] + 0.02, 0};
            }
            double hx = cx + sign * 0.05 * scale;
            p[23 + side] = new double[] {hx, hipY, 0};
            p[25 + side] = new double[] {hx + sign * 0.08 * squat, kneeY, 0};
            p[27 + side] = new double[] {hx, ankleY, 0};
            p[29 + side] = new double[] {hx - sign * 0.01, ankleY + 0.01, 0};
            p[31 + side] = new double[] {hx + sign * 0.03, ankleY + 0.02, 0};
        }
        for (double[] landmark : p) {
            landmark[0] += 0.004 * random.nextGaussian();
            landmark[1] += 0.004 * random.nextGaussian();
        }
        return p;
    }
}
