package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import formlab.imu.Exercise;
import formlab.imu.ImuRecording;
import formlab.imu.reps.Polarity;
import formlab.imu.reps.RepChannel;
import formlab.imu.reps.RepCountParameters;
import formlab.imu.reps.RepCounter;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import formlab.model.Classifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring a set with a described model whose class name is also a barbell lift's label. */
class DescribedExerciseScoringTest {

    @Test
    void countsWithTheDescribedModelsRulesForItsClassAtItsRate() {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(7, 1, 1, 1, true, 0.3));
        ImuRecording set = simulator.plan().stream().map(simulator::simulate)
                .filter(r -> r.info().exercise() == Exercise.SQUAT).findFirst().orElseThrow();
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        String label = Exercise.SQUAT.label();
        List<RepCountParameters> rules = List.of(new RepCountParameters(RepChannel.values()[0], 0.5, Polarity.values()[0], 0.2),
                new RepCountParameters(RepChannel.values()[0], 0.8, Polarity.values()[0], 0.3));
        double rate = 20;
        ExerciseModel model = ExerciseModel.described(pipeline, new Always(label, pipeline.featureNames().getFirst()), Set.of(),
                Map.of(label, rules), rate, 1, 1);
        ExerciseScoring.SetScore score = ExerciseScoring.score(model, set);
        assertEquals(label, score.label());
        assertNotNull(score.reps(), "counted with the class's rules");
        assertEquals(RepCounter.count(RepCounter.uniformAccelerometer(set, rate), rate, rules).count(), score.repCount());
    }

    /** A classifier that always answers one class. */
    private record Always(String label, String feature) implements Classifier {

        @Override
        public List<String> featureNames() {
            return List.of(feature);
        }

        @Override
        public List<String> classes() {
            return List.of(label, "other");
        }

        @Override
        public double[] probabilities(double[] features) {
            return new double[] {1, 0};
        }
    }
}
