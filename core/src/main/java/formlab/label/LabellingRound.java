package formlab.label;

import formlab.model.Classifier;
import formlab.model.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One labelling round end to end, as the commands and notebooks run it: choose items with a
 * strategy and export them for Label Studio; import the annotations into the next dataset version.
 */
public final class LabellingRound {

    private LabellingRound() {
    }

    /**
     * The tasks of a round: {@code batch} items of {@code pool} chosen by {@code strategy} with the
     * model's prediction, probability and uncertainty ({@code measure}) for each. Without a model
     * (first round) only random choice works and tasks carry no prediction.
     */
    public static List<LabelStudioExport.Task> tasks(Optional<Classifier> model, QueryStrategy strategy, Uncertainty measure,
                                                     UnlabelledPool pool, double[][] labelled, int batch, long seed) {
        if (model.isEmpty() && !(strategy instanceof RandomQuery)) {
            throw new IllegalArgumentException("Strategy " + strategy.name() + " needs a model; without one only random choice works");
        }
        List<LabelStudioExport.Task> tasks = new ArrayList<>();
        for (PoolItem item : strategy.select(model.orElse(null), pool, labelled, batch, seed)) {
            if (model.isEmpty()) {
                tasks.add(new LabelStudioExport.Task(item, null, Double.NaN, Double.NaN));
            } else {
                double[] p = model.get().probabilities(item.features());
                Prediction prediction = Prediction.of(model.get().classes(), p);
                tasks.add(new LabelStudioExport.Task(item, prediction.label(), prediction.confidence(), measure.score(p)));
            }
        }
        return tasks;
    }

    /**
     * Imports a Label Studio export of an exported round as the next version of the round's dataset.
     * The round must be the one the dataset expects next (exported against its latest version).
     */
    public static DatasetVersion importRound(LabelDatasets datasets, Path roundFolder, Path exportFile) throws IOException {
        ExportedRound round = ExportedRound.read(roundFolder);
        int next = datasets.latest(round.dataset()).map(DatasetVersion::version).orElse(0) + 1;
        if (round.round() != next) {
            throw new IllegalArgumentException("Round " + round.round() + " of " + round.dataset() + " cannot become version " + next
                    + ": it was exported against version " + (round.round() - 1) + "; export a new round from the latest version");
        }
        LabelStudioImport.Result result = LabelStudioImport.read(exportFile, round);
        return datasets.write(round.dataset(), result.labels(), List.of(
                new DatasetManifest.Input(exportFile.toAbsolutePath().toString(), result.fileSha256(), "Label Studio export of round " + round.round()),
                new DatasetManifest.Input(roundFolder.resolve(ExportedRound.TASKS).toAbsolutePath().toString(), round.tasksSha256(),
                        "tasks of round " + round.round() + " (" + round.strategy() + ", scored by " + round.modelVersion() + ")")));
    }
}
