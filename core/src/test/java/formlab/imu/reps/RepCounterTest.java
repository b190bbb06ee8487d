package formlab.imu.reps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.ImuRecording;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulatedSet;
import formlab.imu.sim.SimulationSettings;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RepCounterTest {

    static final SimulationSettings SIM = new SimulationSettings(21, 4, 1, 1, false, 0.0);

    static List<ImuRecording> simulatedSets() {
        BarbellSimulator simulator = new BarbellSimulator(SIM);
        return simulator.plan().stream().map(simulator::simulate).toList();
    }

    @Test
    void streamingGivesTheBatchCountOnceTheSetIsComplete() {
        BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(4, 1, 1, 1, false, 1.0));
        RepCountParameters rule = new RepCountParameters(RepChannel.ACC_VERTICAL, 0.4, Polarity.BOTH, 0.1);
        for (SimulatedSet plan : simulator.plan().subList(0, 4)) {
            ImuRecording set = simulator.simulate(plan);
            StreamingRepCounter stream = new StreamingRepCounter(rule, RepCounter.COUNT_RATE_HZ);
            var acc = set.accelerometer();
            int seenHalfway = -1;
            for (int i = 0; i < acc.size(); i++) {
                stream.add(acc.epochMillis(i), acc.value(0, i), acc.value(1, i), acc.value(2, i));
                if (i == acc.size() / 2) {
                    seenHalfway = stream.current().count();
                }
            }
            RepCount batch = RepCounter.count(set, rule);
            assertEquals(batch.count(), stream.current().count(), plan.info().id() + " (with a dropout in every set)");
            assertEquals(batch.repSeconds().length, stream.current().repSeconds().length);
            assertTrue(seenHalfway >= 0 && seenHalfway <= batch.count(), "halfway the count is partial");
            stream.reset();
            assertEquals(0, stream.current().count());
        }
    }

    @Test
    void learnedRulesCountSimulatedSetsOfUnseenParticipants() {
        RepCountEvaluation evaluation = RepCountEvaluation.leaveOneParticipantOut(simulatedSets(), RepCountSearch.defaults());
        assertEquals(4 * 5 * 2, evaluation.learned().sets());
        assertTrue(evaluation.learned().exactRate() >= 0.8, evaluation.learned().toString());
        assertTrue(evaluation.learned().withinOne() >= 0.95, evaluation.learned().toString());
        assertEquals(List.of("file", "set_id", "participant", "exercise", "intensity", "expected", "counted", "error",
                "baseline_counted", "baseline_error", "rule"), evaluation.perSet().columnNames());
        assertEquals(5, evaluation.perExercise().rowCount());
    }

    @Test
    void repetitionPeriodOfSimulatedMediumSets() {
        BarbellSimulator simulator = new BarbellSimulator(SIM);
        for (SimulatedSet plan : simulator.plan()) {
            if (plan.reps() != 10) {
                continue;
            }
            ImuRecording set = simulator.simulate(plan);
            double[][] acc = RepCounter.uniformAccelerometer(set, RepCounter.COUNT_RATE_HZ);
            double[] vertical = RepCounter.channel(acc, RepCounter.COUNT_RATE_HZ, RepChannel.ACC_VERTICAL);
            double truth = (plan.repStarts().get(9) - plan.repStarts().get(0)) / 9;
            assertEquals(truth, RepCounter.repetitionPeriod(vertical, RepCounter.COUNT_RATE_HZ), 0.15 * truth, plan.info().id());
        }
    }

    @Test
    void onRealSetsTheLearnedCounterBeatsTheBaseline() {
        var folder = KnownDataset.IMU_BARBELL.path();
        Assumptions.assumeTrue(folder.isPresent(), "real barbell dataset not available");
        RepCountEvaluation evaluation = RepCountEvaluation.leaveOneParticipantOut(
                ImuDatasets.real(folder.get()).recordings(), RepCountSearch.defaults());
        assertEquals(57, evaluation.learned().sets(), "59 sets minus 2 rest recordings; bad-form sets have no count");
        assertTrue(evaluation.learned().mae() < evaluation.baseline().mae(), evaluation.learned() + " vs " + evaluation.baseline());
        assertTrue(evaluation.learned().exactRate() > evaluation.baseline().exactRate(), evaluation.learned() + " vs " + evaluation.baseline());
    }
}
