package formlab.registry;

import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Re-trains a registered version from its card and checks that it comes out the same: the data
 * files and the table hash match, every recorded metric is reproduced, and the re-trained model
 * predicts the same probabilities as the stored one.
 *
 * @param card            the card re-trained from
 * @param checks          one row per check: what, expected, found, ok
 * @param maxProbabilityDifference largest absolute probability difference between stored and re-trained model
 */
public record Reproduction(ModelCard card, Table checks, double maxProbabilityDifference) {

    /** Tolerance for metric equality (training is deterministic; this only absorbs text round-trips). */
    public static final double TOLERANCE = 1e-9;

    /** True when every check passed. */
    public boolean reproduced() {
        return checks.stringColumn("ok").asList().stream().allMatch("yes"::equals);
    }

    /**
     * Re-trains {@code name} v{@code version} of {@code registry} on {@code data} (the table rebuilt
     * from the card's data files) and compares.
     */
    public static Reproduction check(ModelRegistry registry, String name, int version, LabelledData data, Progress progress)
            throws IOException {
        ModelCard card = registry.card(name, version);
        StringColumn what = StringColumn.create("check");
        StringColumn expected = StringColumn.create("card");
        StringColumn found = StringColumn.create("reproduced");
        StringColumn ok = StringColumn.create("ok");
        for (DataFile file : card.data()) {
            Optional<Path> local = file.resolve(registry.projectRoot());
            String sha = local.filter(Files::isRegularFile).map(Reproduction::hash).orElse("file not found");
            add(what, expected, found, ok, "data file " + file.path(), file.sha256(), sha, file.sha256().equals(sha));
        }
        String tableSha = DataFingerprint.sha256(data);
        add(what, expected, found, ok, "training table SHA-256", card.dataSha256(), tableSha, card.dataSha256().equals(tableSha));

        TrainingRun run = TrainingRun.execute(card.recipe(), data, progress);
        Map<String, Double> metrics = run.evaluation().metrics();
        for (ModelCard.MetricValue metric : card.metrics()) {
            Double value = metrics.get(metric.name());
            boolean same = value != null && Math.abs(value - metric.value()) <= TOLERANCE;
            add(what, expected, found, ok, metric.name() + " on " + metric.split(), format(metric.value()),
                    value == null ? "missing" : format(value), same);
        }
        Classifier stored = registry.load(name, version);
        double maxDifference = maxDifference(stored, run.model(), data.x());
        add(what, expected, found, ok, "predicted probabilities (max abs difference)", "0", format(maxDifference),
                maxDifference <= TOLERANCE);
        return new Reproduction(card, Table.create("Reproduction of " + card.id(), what, expected, found, ok), maxDifference);
    }

    private static double maxDifference(Classifier a, Classifier b, double[][] rows) {
        if (!a.classes().equals(b.classes())) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] pa = a.probabilities(rows);
        double[][] pb = b.probabilities(rows);
        double max = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < pa[i].length; c++) {
                max = Math.max(max, Math.abs(pa[i][c] - pb[i][c]));
            }
        }
        return max;
    }

    private static String hash(Path file) {
        try {
            return DataFile.sha256(file);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    private static void add(StringColumn what, StringColumn expected, StringColumn found, StringColumn ok,
                            String check, String card, String reproduced, boolean same) {
        what.append(check);
        expected.append(card);
        found.append(reproduced);
        ok.append(same ? "yes" : "NO");
    }
}
