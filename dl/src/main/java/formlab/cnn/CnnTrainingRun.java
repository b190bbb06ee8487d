package formlab.cnn;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * The outcome of one training: the per-epoch history, the best epoch and the model holding that
 * epoch's parameters.
 *
 * @param config           what was trained
 * @param history          one result per epoch run
 * @param bestEpoch        1-based epoch whose parameters the model holds
 * @param model            the trained classifier (close it when done)
 * @param seconds          wall-clock seconds of the whole training
 * @param trainImages      training images
 * @param validationImages validation images
 * @param parameterCount   trainable parameters of the network
 */
public record CnnTrainingRun(CnnConfig config, List<EpochResult> history, int bestEpoch, CnnImageClassifier model,
                             double seconds, int trainImages, int validationImages, long parameterCount) {

    public CnnTrainingRun {
        history = List.copyOf(history);
    }

    /** The best epoch's result. */
    public EpochResult best() {
        return history.get(bestEpoch - 1);
    }

    /** Validation accuracy of the best epoch. */
    public double bestValidationAccuracy() {
        return best().validationAccuracy();
    }

    /** Mean seconds per epoch. */
    public double secondsPerEpoch() {
        return history.stream().mapToDouble(EpochResult::seconds).average().orElse(0);
    }

    /** Training images per second over all epochs (training passes only, validation excluded). */
    public double trainImagesPerSecond() {
        double seconds = history.stream().mapToDouble(EpochResult::trainSeconds).sum();
        return seconds == 0 ? 0 : (double) trainImages * history.size() / seconds;
    }

    /** One line: best epoch, its validation accuracy, epochs run, time. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: best epoch %d of %d run, val acc %.3f, train acc %.3f, %.0f s (%.1f s/epoch)",
                config.label(), bestEpoch, history.size(), best().validationAccuracy(), best().trainAccuracy(), seconds,
                secondsPerEpoch());
    }

    /** The history as a table: epoch, train loss, train accuracy, validation loss, validation accuracy, seconds. */
    public Table historyTable() {
        Table table = Table.create("Training history (" + config.label() + ")", IntColumn.create("epoch"),
                DoubleColumn.create("train loss"), DoubleColumn.create("train accuracy"), DoubleColumn.create("validation loss"),
                DoubleColumn.create("validation accuracy"), DoubleColumn.create("seconds"));
        for (EpochResult r : history) {
            table.intColumn("epoch").append(r.epoch());
            table.doubleColumn("train loss").append(r.trainLoss());
            table.doubleColumn("train accuracy").append(r.trainAccuracy());
            table.doubleColumn("validation loss").append(r.validationLoss());
            table.doubleColumn("validation accuracy").append(r.validationAccuracy());
            table.doubleColumn("seconds").append(r.seconds());
        }
        return table;
    }

    /** Training and validation accuracy per epoch, with the best epoch marked in the title. */
    public Figure accuracyFigure() {
        return curves("Accuracy per epoch (best epoch " + bestEpoch + ")", "accuracy", "train accuracy", "validation accuracy");
    }

    /** Training and validation loss per epoch. */
    public Figure lossFigure() {
        return curves("Cross-entropy loss per epoch", "loss", "train loss", "validation loss");
    }

    private Figure curves(String title, String yTitle, String trainColumn, String validationColumn) {
        Table table = historyTable();
        double[] epochs = table.intColumn("epoch").asDoubleArray();
        ScatterTrace train = ScatterTrace.builder(epochs, table.doubleColumn(trainColumn).asDoubleArray())
                .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(trainColumn + " (augmented)").build();
        ScatterTrace validation = ScatterTrace.builder(epochs, table.doubleColumn(validationColumn).asDoubleArray())
                .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(validationColumn).build();
        Layout layout = Layout.builder(title).xAxis(Axis.builder().title("epoch").build())
                .yAxis(Axis.builder().title(yTitle).build()).height(350).width(700).build();
        return new Figure(layout, train, validation);
    }
}
