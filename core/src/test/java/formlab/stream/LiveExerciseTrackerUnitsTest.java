package formlab.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.WindowUpdate;
import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.ShiftedSeries;
import formlab.imu.signal.Window;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import formlab.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live tracker with a model of two sensor units, on simulated sets (no data needed): window k of
 * both units is classified together from both units' features; a unit whose samples stop is reported
 * and nothing is classified without it; units on different clocks are refused naming them.
 */
class LiveExerciseTrackerUnitsTest {

    private static final ExercisePipeline PIPELINE = ExercisePipeline.defaults();
    private static final String FIRST = PIPELINE.featureNames().getFirst();

    /** Reads the first pipeline feature of each unit; "wrist" when the wrist's is the larger. */
    private static final Classifier COMPARES_UNITS = new Classifier() {
        @Override
        public List<String> featureNames() {
            return List.of(ExerciseModel.unitFeatureName("wrist", FIRST), ExerciseModel.unitFeatureName("ankle", FIRST));
        }

        @Override
        public List<String> classes() {
            return List.of("wrist", "ankle");
        }

        @Override
        public double[] probabilities(double[] features) {
            double p = features[0] > features[1] ? 0.9 : 0.1;
            return new double[] {p, 1 - p};
        }
    };

    private static final ExerciseModel TWO_UNITS = ExerciseModel.described(PIPELINE, List.of("wrist", "ankle"), COMPARES_UNITS,
            Set.of(), Map.of(), Map.of(), PIPELINE.rateHz(), 1, 1);

    private static ImuRecording set(long seed, Exercise exercise) {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(seed, 1, 1, 1, true, 0.3));
        return simulator.plan().stream().map(simulator::simulate).filter(r -> r.info().exercise() == exercise)
                .findFirst().orElseThrow();
    }

    private static List<WindowUpdate> play(LiveExerciseTracker tracker, List<ReplaySource.UnitSeries> units) {
        List<WindowUpdate> updates = new ArrayList<>();
        ReplaySource.ofUnits(units, 0).play(tracker, updates::add);
        return updates;
    }

    @Test
    void eachWindowIsClassifiedFromBothUnitsFeaturesAsInBatch() {
        ImuRecording wrist = set(3, Exercise.SQUAT);
        SensorSeries ankleAccelerometer = scaled(wrist.accelerometer(), 0.5);
        SensorSeries ankleGyroscope = scaled(wrist.gyroscope(), 2);
        LiveExerciseTracker tracker = new LiveExerciseTracker(TWO_UNITS, List.of(
                new LiveExerciseTracker.SensorRates(wrist.accelerometer().nominalRateHz(), wrist.gyroscope().nominalRateHz()),
                new LiveExerciseTracker.SensorRates(ankleAccelerometer.nominalRateHz(), ankleGyroscope.nominalRateHz())));
        List<WindowUpdate> updates = play(tracker, List.of(
                new ReplaySource.UnitSeries("wrist", wrist.accelerometer(), wrist.gyroscope()),
                new ReplaySource.UnitSeries("ankle", ankleAccelerometer, ankleGyroscope)));
        List<Window> wristWindows = PIPELINE.windows(wrist.accelerometer(), wrist.gyroscope());
        List<Window> ankleWindows = PIPELINE.windows(ankleAccelerometer, ankleGyroscope);
        assertEquals(wristWindows.size(), updates.size(), "one update per window both units completed");
        for (int i = 0; i < updates.size(); i++) {
            double[] expected = COMPARES_UNITS.probabilities(new double[] {PIPELINE.features(wristWindows.get(i))[0],
                PIPELINE.features(ankleWindows.get(i))[0]});
            assertArrayEquals(expected, updates.get(i).probabilities(), 1e-12, "window " + i + ": wrist, then ankle features");
        }
        assertTrue(PIPELINE.features(wristWindows.getFirst())[0] != PIPELINE.features(ankleWindows.getFirst())[0],
                "the units' features differ, so their order matters");
        assertEquals(List.of(), tracker.stalledUnits());
        assertEquals(0, tracker.unmatchedWindows());
    }

    private static SensorSeries scaled(SensorSeries series, double factor) {
        return new SensorSeries(series.kind(), series.nominalRateHz(), series.epochMillis().clone(), times(series.x(), factor),
                times(series.y(), factor), times(series.z(), factor));
    }

    private static double[] times(double[] values, double factor) {
        return java.util.Arrays.stream(values).map(v -> v * factor).toArray();
    }

    @Test
    void aUnitThatStopsIsReportedAndNoWindowIsClassifiedWithoutIt() {
        ImuRecording set = set(5, Exercise.DEAD);
        long start = set.accelerometer().startMillis();
        long stop = start + 8_000;
        LiveExerciseTracker tracker = new LiveExerciseTracker(TWO_UNITS, PIPELINE.rateHz(), PIPELINE.rateHz());
        List<WindowUpdate> updates = play(tracker, List.of(
                new ReplaySource.UnitSeries("wrist", set.accelerometer(), set.gyroscope()),
                new ReplaySource.UnitSeries("ankle", set.accelerometer().between(start, stop), set.gyroscope().between(start, stop))));
        assertEquals(List.of("ankle"), tracker.stalledUnits());
        double period = 1000.0 / PIPELINE.rateHz(); // the aligned grid ends within one period of the last sample
        assertTrue(!updates.isEmpty() && updates.stream().allMatch(u -> u.endMillis() <= stop + period),
                "windows only while the ankle unit ran: " + updates.stream().map(WindowUpdate::endMillis).toList());
        assertTrue(tracker.unmatchedWindows() > 0, "the wrist's windows after the ankle stopped are dropped, counted");
    }

    @Test
    void unitsOnDifferentClocksAreRefusedNamingThem() {
        ImuRecording set = set(7, Exercise.SQUAT);
        LiveExerciseTracker tracker = new LiveExerciseTracker(TWO_UNITS, PIPELINE.rateHz(), PIPELINE.rateHz());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> play(tracker, List.of(
                new ReplaySource.UnitSeries("wrist", set.accelerometer(), set.gyroscope()),
                new ReplaySource.UnitSeries("ankle", ShiftedSeries.of(set.accelerometer(), 2000),
                        ShiftedSeries.of(set.gyroscope(), 2000)))));
        assertTrue(refused.getMessage().contains("unit wrist") && refused.getMessage().contains("unit ankle")
                && refused.getMessage().contains("not synchronised"), refused.getMessage());
    }

    @Test
    void unitRatesMustMatchTheModelsUnits() {
        assertThrows(IllegalArgumentException.class, () -> new LiveExerciseTracker(TWO_UNITS,
                List.of(new LiveExerciseTracker.SensorRates(25, 25))));
    }
}
