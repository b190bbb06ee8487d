package formlab.deploy;

import formlab.data.DataOrigin;
import formlab.eval.Progress;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseTraining;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.sim.BarbellSimulator;
import formlab.imu.sim.SimulationSettings;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.util.List;

/**
 * An exercise model trained once per test run on a few simulated participants (seconds, no data
 * needed). Its accuracy does not matter to the deploy tests: they check that the tracker reproduces
 * what batch scoring of the same model says.
 */
final class QuickModel {

    private static ExerciseModel model;
    private static ExerciseData data;
    private static ExerciseTraining.Trained trained;

    private QuickModel() {
    }

    static synchronized ExerciseModel get() {
        if (model == null) {
            BarbellSimulator simulator = new BarbellSimulator(new SimulationSettings(11, 3, 1, 1, true, 0));
            List<ImuRecording> sets = simulator.plan().stream().map(simulator::simulate).toList();
            ImuDataset dataset = new ImuDataset(sets, new DataOrigin("simulated", false, "memory", sets.size() + " sets"));
            ExerciseEvaluation.SearchSpace space = ExerciseEvaluation.SearchSpace.quick();
            data = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), null, Progress.none());
            trained = ExerciseTraining.train(data, space, Progress.none());
            model = trained.model();
        }
        return model;
    }

    private static ExerciseModel real;

    /** A model trained (quick search) on the real barbell recordings; only when they are configured. */
    static synchronized ExerciseModel real() {
        if (real == null) {
            ImuDataset dataset = formlab.imu.dataset.ImuDatasets.barbell();
            ExerciseEvaluation.SearchSpace space = ExerciseEvaluation.SearchSpace.quick();
            ExerciseData realData = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), null, Progress.none());
            real = ExerciseTraining.train(realData, space, Progress.none()).model();
        }
        return real;
    }

    /** Registers the model (with a nested leave-one-participant-out evaluation, as {@code formlab train} does). */
    static ModelCard register(ModelRegistry registry) throws java.io.IOException {
        get();
        ExerciseEvaluation.SearchSpace space = ExerciseEvaluation.SearchSpace.quick();
        ExerciseEvaluation evaluation = ExerciseEvaluation.leaveOneParticipantOut(data, space, Progress.none());
        return ExerciseTraining.register(registry, ExerciseTraining.MODEL_NAME, trained, evaluation, data, java.util.Map.of());
    }
}
