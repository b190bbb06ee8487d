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
     * Imports a complete Label Studio export of an exported round as the next version of the round's
     * dataset; an export that leaves any item of the round without a label is refused, saying what
     * is missing ({@link #importRound(LabelDatasets, Path, Path, boolean)} accepts a partial one).
     */
    public static DatasetVersion importRound(LabelDatasets datasets, Path roundFolder, Path exportFile) throws IOException {
        return importRound(datasets, roundFolder, exportFile, false);
    }

    /**
     * Imports a Label Studio export of an exported round as the next version of the round's dataset.
     * The round must be the one the dataset expects next (exported against its latest version), or
     * the round the latest version imported only in part: then the items it still lacks are added as
     * a new version, so an incomplete round can be completed. An export that adds no label is always
     * refused; one that leaves items of the round unlabelled is refused unless {@code allowPartial}.
     * Either refusal says what is missing and writes nothing.
     */
    public static DatasetVersion importRound(LabelDatasets datasets, Path roundFolder, Path exportFile, boolean allowPartial)
            throws IOException {
        ExportedRound round = ExportedRound.read(roundFolder);
        Optional<DatasetVersion> latest = datasets.latest(round.dataset());
        int next = latest.map(DatasetVersion::version).orElse(0) + 1;
        java.util.Set<String> done = new java.util.HashSet<>();
        latest.ifPresent(v -> v.labels().stream().filter(l -> l.round() == round.round()).forEach(l -> done.add(l.itemId())));
        boolean completing = latest.isPresent() && round.round() == latest.get().version() && !done.isEmpty()
                && done.size() < round.items().size();
        if (round.round() != next && !completing) {
            throw new IllegalArgumentException("Round " + round.round() + " of " + round.dataset() + " cannot become version " + next
                    + ": it was exported against version " + (round.round() - 1) + "; export a new round from the latest version");
        }
        LabelStudioImport.Result result = LabelStudioImport.read(exportFile, round);
        List<ItemLabel> fresh = result.labels().stream().filter(l -> !done.contains(l.itemId())).toList();
        List<String> stillMissing = result.unlabelled().stream().filter(id -> !done.contains(id)).toList();
        LabelStudioImport.Result missing = new LabelStudioImport.Result(result.file(), result.fileSha256(), fresh, stillMissing,
                result.notExported().stream().filter(id -> !done.contains(id)).toList());
        if (fresh.isEmpty()) {
            throw new LabelStudioImportException(exportFile, List.of(new LabelStudioImportException.Problem("file", "(root)",
                    "no new labels for round " + round.round() + " of " + round.dataset() + ": " + missing.describeMissing(round.items().size())
                            + "; nothing was written and the round can still be imported")));
        }
        if (!stillMissing.isEmpty() && !allowPartial) {
            throw new LabelStudioImportException(exportFile, List.of(new LabelStudioImportException.Problem("file", "(root)",
                    "incomplete export of round " + round.round() + ": " + missing.describeMissing(round.items().size())
                            + "; export again once every task is labelled, or import it in part (al-import --partial)"
                            + " and complete the round later with a fuller export")));
        }
        return datasets.write(round.dataset(), fresh, List.of(
                new DatasetManifest.Input(exportFile.toAbsolutePath().toString(), result.fileSha256(), "Label Studio export of round "
                        + round.round() + (completing ? " (completing it)" : "") + (stillMissing.isEmpty() ? "" : " (partial: "
                        + stillMissing.size() + " items unlabelled)")),
                new DatasetManifest.Input(roundFolder.resolve(ExportedRound.TASKS).toAbsolutePath().toString(), round.tasksSha256(),
                        "tasks of round " + round.round() + " (" + round.strategy() + ", scored by " + round.modelVersion() + ")")));
    }
}
