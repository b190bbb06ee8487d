package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.data.Settings;
import formlab.eval.Progress;
import formlab.label.BarbellLabelling;
import formlab.label.DatasetVersion;
import formlab.label.LabelDatasets;
import formlab.label.Retraining;
import formlab.model.Trainers;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.registry.PromotionPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code formlab retrain --dataset imu-barbell/vN}: train on a label dataset version, register, let the gate decide. */
public final class RetrainCommand implements Command {

    @Override
    public String name() { return "retrain"; }

    @Override
    public String summary() { return "re-train on a label dataset version from the previous model's card; the promotion gate decides"; }

    @Override
    public String usage() {
        return """
                usage: formlab retrain --dataset imu-barbell/vN [--model imu-exercise-al] [--trainer tribuo-logistic]
                                       [--min-group-accuracy 0.8] [--metric balanced_accuracy] [--labels FOLDER] [--registry FOLDER]
                  Trains with the trainer and hyperparameters of the model's production card (latest version when none
                  serves; --trainer with defaults for the very first) on the labelled windows of the version, measures it
                  on the fixed evaluation participant, registers it and applies the promotion policy. Exit status 0 when
                  promoted, 1 when kept as a candidate.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        String id = args.required("dataset");
        String model = args.option("model", BarbellLabelling.MODEL);
        String trainer = args.option("trainer", "tribuo-logistic");
        double minGroup = args.number("min-group-accuracy", 0.8);
        String metric = args.option("metric", "balanced_accuracy");
        ProjectPaths paths = ProjectPaths.locate();
        LabelDatasets datasets = args.option("labels").map(f -> new LabelDatasets(Path.of(f))).orElseGet(() -> LabelDatasets.of(paths));
        ModelRegistry registry = args.option("registry").map(f -> new ModelRegistry(Path.of(f), paths.root()))
                .orElseGet(() -> ModelRegistry.of(paths));
        args.rejectUnknown();
        DatasetVersion version;
        try {
            version = datasets.read(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!version.dataset().equals(BarbellLabelling.DATASET)) {
            throw new UsageException("only the " + BarbellLabelling.DATASET + " label dataset has a pool this command can build, not " + version.dataset());
        }
        BarbellLabelling labelling = BarbellLabelling.load(Settings.smoke());
        PromotionPolicy policy = PromotionPolicy.standard(minGroup, metric);
        Optional<ModelCard> previous = registry.names().contains(model)
                ? registry.preferred(model) : Optional.empty();
        Retraining.Result result = previous.isPresent()
                ? Retraining.retrain(registry, previous.get(), version, labelling.pool(), labelling.evaluation(), policy, Progress.printing(out))
                : Retraining.train(registry, model, "exercise from wrist IMU windows", Trainers.create(trainer, Map.of()), version,
                        labelling.pool(), labelling.evaluation(), policy, Progress.printing(out));
        out.println("registered " + result.candidate().id() + " trained on " + version.id() + " ("
                + previous.map(c -> "recipe of " + c.id()).orElse("first model, " + trainer) + ")");
        out.print(result.report());
        return result.report().promoted() ? 0 : 1;
    }
}
