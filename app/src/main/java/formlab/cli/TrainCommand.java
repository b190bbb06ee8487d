package formlab.cli;

import formlab.options.Args;
import formlab.eval.Progress;
import formlab.exercise.ExerciseData;
import formlab.exercise.ExerciseEvaluation;
import formlab.exercise.ExerciseModel;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.ExerciseScoring;
import formlab.exercise.ExerciseTraining;
import formlab.imu.ImuDataset;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.PrintStream;
import java.util.Arrays;
import tech.tablesaw.api.Table;

/** {@code formlab train}: nested evaluation, final training and registration of the exercise model. */
public final class TrainCommand implements Command {

    @Override
    public String name() { return "train"; }

    @Override
    public String summary() { return "train the IMU exercise model (nested LOSO metrics) and register it"; }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab train [--data DIR] [--search default|quick] [--name NAME] [--models DIR] [--allow-duplicates]",
                "       formlab train --dataset D [--task exercise|quality] [--units all|UNIT|best] [--features SET] [--window S] [--step S]"
                        + " [--trees N] [--json] [--name NAME] [--models DIR]",
                ImuOptions.DATA_HELP,
                ImuOptions.SEARCH_HELP,
                "  --name NAME      registry name (default imu-exercise; imu-exercise-simulated on the simulated data)",
                ImuOptions.MODELS_HELP,
                "  --allow-duplicates  train even when recordings are copies of each other (refused otherwise)",
                "  Measures the training procedure by nested leave-one-participant-out, then chooses window length,",
                "  feature set and trees on all participants, trains, registers the model with its card, loads it",
                "  back and checks that it scores a set exactly as the trained one did.",
                "  With --dataset: leave-one-subject-out metrics, then a model trained on every subject, registered as",
                "  NAME (default <dataset>-<task>) with the description's SHA-256 on its card.",
                DatasetCommands.HELP);
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        java.util.Optional<String> described = args.option("dataset");
        if (described.isPresent()) {
            return DatasetCommands.train(described.get(), args, out);
        }
        ImuDataset dataset = ImuOptions.dataset(args);
        ExerciseEvaluation.SearchSpace space = ImuOptions.search(args);
        String name = args.option("name").orElse(ExerciseTraining.modelName(dataset));
        ModelRegistry registry = ImuOptions.registry(args);
        boolean allowCopies = args.flag("allow-duplicates");
        args.rejectUnknown();
        out.println(dataset.origin().summary());
        if (ImuOptions.warnAboutCopies(dataset, out) > 0 && !allowCopies) {
            throw new IllegalArgumentException("refusing to train on recordings that are copies of each other (a copied set"
                    + " can leak across participants and inflate the held-out metrics): remove the copies, or give"
                    + " --allow-duplicates to train anyway");
        }
        ExerciseData data = ExerciseData.build(dataset, ExercisePipeline.defaults(), space.windows(), ImuOptions.cache(),
                Progress.printing(out));
        ExerciseEvaluation evaluation = ExerciseEvaluation.leaveOneParticipantOut(data, space, Progress.printing(out));
        out.println(evaluation.perParticipant().print());
        ExerciseTraining.Trained trained = ExerciseTraining.train(data, space, Progress.printing(out));
        Table loads = ExerciseTraining.intensitySplit(data, trained.choice(), space.smoothing());
        out.println(loads.print());
        ModelCard card = ExerciseTraining.register(registry, name, trained, evaluation, data,
                ExerciseTraining.intensityMetrics(loads));
        out.println("registered " + card.id() + " in " + registry.versionFolder(name, card.version()));
        ExerciseModel loaded = ExerciseModel.load(registry, name, card.version());
        var set = dataset.liftSets().getFirst();
        double[] before = ExerciseScoring.score(trained.model(), set).windows().getFirst().probabilities();
        double[] after = ExerciseScoring.score(loaded, set).windows().getFirst().probabilities();
        if (!Arrays.equals(before, after)) {
            throw new IllegalStateException("the registered model scores " + set.info().id() + " differently after loading: "
                    + Arrays.toString(before) + " vs " + Arrays.toString(after));
        }
        out.println("loaded back: identical probabilities on " + set.info().id());
        out.println(loaded);
        out.println(evaluation);
        return 0;
    }
}
