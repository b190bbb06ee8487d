package formlab.eval;

import formlab.model.Classifier;
import formlab.model.LabelledData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The one evaluation of a classifier's predictions used across FormLab (IMU, pose, CNN): it takes
 * plain arrays of true and predicted labels, optional class probabilities and optional groups,
 * so any model can be evaluated the same way.
 *
 * <p>Counts come from Tribuo's {@link LabelConfusionMatrix} and per-class precision, recall and
 * F1 from Tribuo's {@link ConfusionMetrics}; the Tribuo {@code LabelEvaluator} itself is not
 * used because it needs a Tribuo {@code Model}, which DJL and Smile models are not. Averages are
 * computed here so that the set of classes they run over is explicit: macro and balanced
 * averages run over the classes that occur in the true labels (a class absent from a test fold
 * has no recall), weighted averages weight by support. Calibration (reliability bins and
 * expected calibration error) is not in Tribuo and is computed here from the top-class
 * probability.
 */
public final class Evaluation {

    private static final LabelFactory LABELS = new LabelFactory();

    private final List<String> classes;
    private final String[] truth;
    private final String[] predicted;
    private final double[][] probabilities;
    private final String[] groups;
    private final long[][] confusion;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;

    private Evaluation(List<String> classes, String[] truth, String[] predicted, double[][] probabilities, String[] groups) {
        this.classes = List.copyOf(classes);
        this.truth = truth.clone();
        this.predicted = predicted.clone();
        this.probabilities = probabilities == null ? null : Arrays.stream(probabilities).map(double[]::clone).toArray(double[][]::new);
        this.groups = groups == null ? null : groups.clone();
        int k = classes.size();
        this.confusion = new long[k][k];
        this.precision = new double[k];
        this.recall = new double[k];
        this.f1 = new double[k];
        this.support = new long[k];
        computeWithTribuo();
    }

    /**
     * Evaluates predictions.
     *
     * @param classes       every class, in the order of the probability vectors and of the tables
     * @param truth         true label of each example
     * @param predicted     predicted label of each example
     * @param probabilities probability per class for each example (rows ordered as {@code classes}), or null
     * @param groups        group (participant) of each example, or null
     */
    public static Evaluation of(List<String> classes, String[] truth, String[] predicted, double[][] probabilities, String[] groups) {
        if (classes.isEmpty() || classes.size() != classes.stream().distinct().count()) {
            throw new IllegalArgumentException("Classes must be distinct and non-empty: " + classes);
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("Nothing to evaluate: no examples");
        }
        if (probabilities != null && probabilities.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " examples but " + probabilities.length + " probability rows");
        }
        if (groups != null && groups.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " examples but " + groups.length + " groups");
        }
        for (int i = 0; i < truth.length; i++) {
            requireClass(classes, truth[i], "true label", i);
            requireClass(classes, predicted[i], "predicted label", i);
            if (probabilities != null && probabilities[i].length != classes.size()) {
                throw new IllegalArgumentException("Example " + i + ": " + probabilities[i].length
                        + " probabilities, expected one per class " + classes);
            }
        }
        return new Evaluation(classes, truth, predicted, probabilities, groups);
    }

    /**
     * Evaluates predictions given as probabilities only: the predicted label is the arg-max.
     * Convenient for networks (DJL) that output a probability vector per example.
     */
    public static Evaluation ofProbabilities(List<String> classes, String[] truth, double[][] probabilities, String[] groups) {
        String[] predicted = new String[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            predicted[i] = classes.get(argMax(probabilities[i]));
        }
        return of(classes, truth, predicted, probabilities, groups);
    }

    /**
     * Runs {@code model} on every row of {@code data} and evaluates it against the labels, grouped by
     * the data's group column. Classes are {@code classes} (pass the full class list of a study so that
     * folds line up); the model's probabilities are mapped onto it, classes it does not know get 0.
     * The model reads its features by name: when the data's feature columns differ from the model's
     * (other order, extra columns), the model's columns are picked out of the data's table.
     *
     * @throws IllegalArgumentException when the data lacks a feature the model needs
     */
    public static Evaluation of(Classifier model, LabelledData data, List<String> classes) {
        double[][] rows = model.featureNames().equals(data.features()) ? data.x()
                : new LabelledData(data.table(), model.featureNames(), data.label(), data.group()).x();
        double[][] raw = model.probabilities(rows);
        double[][] probabilities = new double[rows.length][];
        int[] position = new int[model.classes().size()];
        for (int c = 0; c < position.length; c++) {
            position[c] = classes.indexOf(model.classes().get(c));
            if (position[c] < 0) {
                throw new IllegalArgumentException("Model class '" + model.classes().get(c) + "' is not in " + classes);
            }
        }
        for (int i = 0; i < rows.length; i++) {
            probabilities[i] = new double[classes.size()];
            for (int c = 0; c < position.length; c++) {
                probabilities[i][position[c]] = raw[i][c];
            }
        }
        return ofProbabilities(classes, data.labels(), probabilities, data.groups());
    }

    /** Evaluates {@code model} on {@code data} with the data's own classes plus the model's. */
    public static Evaluation of(Classifier model, LabelledData data) {
        TreeSet<String> all = new TreeSet<>(data.classes());
        all.addAll(model.classes());
        return of(model, data, List.copyOf(all));
    }

    /** One evaluation of all examples of several evaluations (same classes), e.g. pooled over folds. */
    public static Evaluation pool(List<Evaluation> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to pool");
        }
        List<String> classes = parts.getFirst().classes;
        boolean withProbabilities = parts.stream().allMatch(p -> p.probabilities != null);
        boolean withGroups = parts.stream().allMatch(p -> p.groups != null);
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Evaluation part : parts) {
            if (!part.classes.equals(classes)) {
                throw new IllegalArgumentException("Cannot pool evaluations over different classes: " + classes + " vs " + part.classes);
            }
            truth.addAll(Arrays.asList(part.truth));
            predicted.addAll(Arrays.asList(part.predicted));
            if (withProbabilities) {
                probabilities.addAll(Arrays.asList(part.probabilities));
            }
            if (withGroups) {
                groups.addAll(Arrays.asList(part.groups));
            }
        }
        return of(classes, truth.toArray(String[]::new), predicted.toArray(String[]::new),
                withProbabilities ? probabilities.toArray(double[][]::new) : null,
                withGroups ? groups.toArray(String[]::new) : null);
    }

    private void computeWithTribuo() {
        Map<Label, Integer> ids = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            ids.put(new Label(classes.get(c)), c);
        }
        ImmutableOutputInfo<Label> domain = LABELS.constructInfoForExternalModel(ids);
        List<Prediction<Label>> predictions = new ArrayList<>(truth.length);
        for (int i = 0; i < truth.length; i++) {
            predictions.add(new Prediction<>(new Label(predicted[i]), 0, new ArrayExample<>(new Label(truth[i]))));
        }
        LabelConfusionMatrix matrix = new LabelConfusionMatrix(domain, predictions);
        for (int t = 0; t < classes.size(); t++) {
            Label trueLabel = new Label(classes.get(t));
            for (int p = 0; p < classes.size(); p++) {
                // Tribuo's confusion(predicted, truth): how often 'truth' was predicted as 'predicted'.
                confusion[t][p] = Math.round(matrix.confusion(new Label(classes.get(p)), trueLabel));
            }
            double tp = matrix.tp(trueLabel);
            double fp = matrix.fp(trueLabel);
            double fn = matrix.fn(trueLabel);
            double tn = matrix.tn(trueLabel);
            support[t] = Math.round(matrix.support(trueLabel));
            // Tribuo's argument order is (tp, fp, tn, fn); it returns 0 for 0/0, recall of an absent class is NaN here.
            precision[t] = ConfusionMetrics.precision(tp, fp, tn, fn);
            recall[t] = tp + fn == 0 ? Double.NaN : ConfusionMetrics.recall(tp, fp, tn, fn);
            f1[t] = ConfusionMetrics.f1(tp, fp, tn, fn);
        }
    }

    /** Classes in table order. */
    public List<String> classes() {
        return classes;
    }

    /** Number of examples. */
    public int size() {
        return truth.length;
    }

    /** True labels (copy). */
    public String[] truth() {
        return truth.clone();
    }

    /** Predicted labels (copy). */
    public String[] predicted() {
        return predicted.clone();
    }

    /** Groups (copy), if given. */
    public Optional<String[]> groups() {
        return Optional.ofNullable(groups).map(String[]::clone);
    }

    /** Probabilities (copy), if given. */
    public Optional<double[][]> probabilities() {
        return Optional.ofNullable(probabilities).map(p -> Arrays.stream(p).map(double[]::clone).toArray(double[][]::new));
    }

    /** Fraction of examples predicted correctly. */
    public double accuracy() {
        long correct = 0;
        for (int t = 0; t < classes.size(); t++) {
            correct += confusion[t][t];
        }
        return (double) correct / truth.length;
    }

    /** Mean recall over the classes present in the true labels. */
    public double balancedAccuracy() {
        return meanOverPresent(recall);
    }

    /** Macro-averaged precision over the classes present in the true labels. */
    public double macroPrecision() {
        return meanOverPresent(precision);
    }

    /** Macro-averaged recall (= balanced accuracy). */
    public double macroRecall() {
        return balancedAccuracy();
    }

    /** Macro-averaged F1 over the classes present in the true labels. */
    public double macroF1() {
        return meanOverPresent(f1);
    }

    /** Support-weighted precision. */
    public double weightedPrecision() {
        return weighted(precision);
    }

    /** Support-weighted recall (equals accuracy). */
    public double weightedRecall() {
        return weighted(recall);
    }

    /** Support-weighted F1. */
    public double weightedF1() {
        return weighted(f1);
    }

    /** Confusion counts: {@code [true class][predicted class]}, classes in {@link #classes()} order. */
    public long[][] confusionCounts() {
        return Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
    }

    /** Expected calibration error with {@code bins} equal-width confidence bins, if probabilities were given. */
    public Optional<Double> expectedCalibrationError(int bins) {
        return calibration(bins).map(Calibration::expectedCalibrationError);
    }

    /** Reliability curve of the top-class probability in {@code bins} equal-width bins, if probabilities were given. */
    public Optional<Calibration> calibration(int bins) {
        if (probabilities == null) {
            return Optional.empty();
        }
        double[] confidence = new double[truth.length];
        boolean[] correct = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            int best = argMax(probabilities[i]);
            confidence[i] = probabilities[i][best];
            correct[i] = classes.get(best).equals(truth[i]);
        }
        return Optional.of(Calibration.of(confidence, correct, bins));
    }

    /**
     * Headline metrics by name: accuracy, balanced_accuracy, macro_precision, macro_recall, macro_f1,
     * weighted_precision, weighted_recall, weighted_f1, ece (when probabilities were given),
     * min_group_accuracy (when groups were given), n.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy());
        metrics.put("balanced_accuracy", balancedAccuracy());
        metrics.put("macro_precision", macroPrecision());
        metrics.put("macro_recall", macroRecall());
        metrics.put("macro_f1", macroF1());
        metrics.put("weighted_precision", weightedPrecision());
        metrics.put("weighted_recall", weightedRecall());
        metrics.put("weighted_f1", weightedF1());
        expectedCalibrationError(Calibration.DEFAULT_BINS).ifPresent(ece -> metrics.put("ece", ece));
        if (groups != null) {
            metrics.put("min_group_accuracy", groupAccuracies().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        }
        metrics.put("n", (double) truth.length);
        return metrics;
    }

    /** One headline metric by its name in {@link #metrics()}. */
    public double metric(String name) {
        Double value = metrics().get(name);
        if (value == null) {
            throw new IllegalArgumentException("Unknown or unavailable metric '" + name + "'; available: " + metrics().keySet());
        }
        return value;
    }

    /** Accuracy of each group, groups sorted; empty when no groups were given. */
    public Map<String, Double> groupAccuracies() {
        Map<String, long[]> counts = new TreeMap<>();
        if (groups != null) {
            for (int i = 0; i < truth.length; i++) {
                long[] c = counts.computeIfAbsent(groups[i], g -> new long[2]);
                c[0]++;
                if (truth[i].equals(predicted[i])) {
                    c[1]++;
                }
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        counts.forEach((group, c) -> accuracy.put(group, (double) c[1] / c[0]));
        return accuracy;
    }

    /** Table "metric, value" of {@link #metrics()}. */
    public Table summary() {
        Map<String, Double> metrics = metrics();
        return Table.create("Evaluation summary",
                StringColumn.create("metric", metrics.keySet()),
                DoubleColumn.create("value", metrics.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Per-class precision, recall, F1 and support, then macro and weighted averages. */
    public Table perClass() {
        StringColumn name = StringColumn.create("class");
        DoubleColumn p = DoubleColumn.create("precision");
        DoubleColumn r = DoubleColumn.create("recall");
        DoubleColumn f = DoubleColumn.create("f1");
        IntColumn s = IntColumn.create("support");
        for (int c = 0; c < classes.size(); c++) {
            name.append(classes.get(c));
            p.append(precision[c]);
            if (Double.isNaN(recall[c])) {
                r.appendMissing();
            } else {
                r.append(recall[c]);
            }
            f.append(f1[c]);
            s.append((int) support[c]);
        }
        name.append("macro avg");
        p.append(macroPrecision());
        r.append(macroRecall());
        f.append(macroF1());
        s.append(truth.length);
        name.append("weighted avg");
        p.append(weightedPrecision());
        r.append(weightedRecall());
        f.append(weightedF1());
        s.append(truth.length);
        for (DoubleColumn column : List.of(p, r, f)) {
            column.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(4));
        }
        return Table.create("Per-class metrics", name, p, r, f, s);
    }

    /** Confusion counts as a table: one row per true class, one column per predicted class. */
    public Table confusionMatrix() {
        Table table = Table.create("Confusion matrix (rows: true, columns: predicted)", StringColumn.create("true", classes));
        for (int p = 0; p < classes.size(); p++) {
            int[] column = new int[classes.size()];
            for (int t = 0; t < classes.size(); t++) {
                column[t] = (int) confusion[t][p];
            }
            table.addColumns(IntColumn.create(classes.get(p), column));
        }
        return table;
    }

    /** Confusion matrix with each row divided by its total (rows of absent classes are 0). */
    public Table confusionMatrixNormalised() {
        double[][] normalised = normalisedRows();
        Table table = Table.create("Confusion matrix, row-normalised (rows: true, columns: predicted)",
                StringColumn.create("true", classes));
        for (int p = 0; p < classes.size(); p++) {
            double[] column = new double[classes.size()];
            for (int t = 0; t < classes.size(); t++) {
                column[t] = normalised[t][p];
            }
            table.addColumns(DoubleColumn.create(classes.get(p), column));
        }
        return table;
    }

    /** Per-group number of examples, accuracy and balanced accuracy; empty when no groups were given. */
    public Table perGroup() {
        StringColumn group = StringColumn.create("group");
        IntColumn n = IntColumn.create("n");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn balanced = DoubleColumn.create("balanced_accuracy");
        if (groups != null) {
            for (String g : new TreeSet<>(Arrays.asList(groups))) {
                Evaluation part = subset(g);
                group.append(g);
                n.append(part.size());
                accuracy.append(part.accuracy());
                balanced.append(part.balancedAccuracy());
            }
        }
        return Table.create("Per-group accuracy", group, n, accuracy, balanced);
    }

    /** The evaluation of one group's examples only. */
    public Evaluation subset(String group) {
        if (groups == null) {
            throw new IllegalStateException("This evaluation has no groups");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i].equals(group)) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No examples of group '" + group + "'");
        }
        return new Evaluation(classes,
                rows.stream().map(i -> truth[i]).toArray(String[]::new),
                rows.stream().map(i -> predicted[i]).toArray(String[]::new),
                probabilities == null ? null : rows.stream().map(i -> probabilities[i]).toArray(double[][]::new),
                rows.stream().map(i -> groups[i]).toArray(String[]::new));
    }

    /** Heatmap of the row-normalised confusion matrix, each cell labelled with its count and share. */
    public Figure confusionMatrixFigure(String title) {
        return EvaluationPlots.confusionMatrix(title, classes, confusion, normalisedRows());
    }

    /** Reliability curve (accuracy against confidence per bin) with the diagonal, if probabilities were given. */
    public Optional<Figure> reliabilityFigure(String title, int bins) {
        return calibration(bins).map(c -> EvaluationPlots.reliability(title, c));
    }

    /** Bar chart of accuracy per group, with the overall accuracy in the title. */
    public Figure perGroupAccuracyFigure(String title) {
        return EvaluationPlots.groupAccuracy(title, groupAccuracies(), accuracy());
    }

    @Override
    public String toString() {
        return String.format("Evaluation of %d examples, %d classes: accuracy %.3f, balanced accuracy %.3f, macro F1 %.3f",
                truth.length, classes.size(), accuracy(), balancedAccuracy(), macroF1());
    }

    private double[][] normalisedRows() {
        double[][] normalised = new double[classes.size()][classes.size()];
        for (int t = 0; t < classes.size(); t++) {
            long total = Arrays.stream(confusion[t]).sum();
            for (int p = 0; p < classes.size(); p++) {
                normalised[t][p] = total == 0 ? 0 : (double) confusion[t][p] / total;
            }
        }
        return normalised;
    }

    private double meanOverPresent(double[] values) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (support[c] > 0) {
                sum += values[c];
                n++;
            }
        }
        return sum / n;
    }

    private double weighted(double[] values) {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (support[c] > 0) {
                sum += values[c] * support[c];
            }
        }
        return sum / truth.length;
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void requireClass(List<String> classes, String label, String what, int index) {
        if (label == null || !classes.contains(label)) {
            throw new IllegalArgumentException("Example " + index + ": " + what + " '" + label + "' is not one of " + classes);
        }
    }
}
