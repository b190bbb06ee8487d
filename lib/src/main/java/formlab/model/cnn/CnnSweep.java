package formlab.model.cnn;

import formlab.image.PreparedImages;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small hyperparameter sweep: trains one CNN per config on the same prepared images and split,
 * scores each on the validation split (never the test split) and keeps the best. Runs are
 * sequential (one training at a time) and every other model is closed as soon as it is beaten.
 */
public final class CnnSweep {

    private CnnSweep() {
    }

    /** Every combination of the given learning rates, widths and dropout rates, on top of {@code base}. */
    public static List<CnnConfig> grid(CnnConfig base, double[] learningRates, int[] widths, double[] dropouts) {
        List<CnnConfig> configs = new ArrayList<>();
        for (double lr : learningRates) {
            for (int width : widths) {
                for (double dropout : dropouts) {
                    configs.add(base.withLearningRate(lr).withWidth(width).withDropout(dropout));
                }
            }
        }
        return configs;
    }

    /**
     * The sweep notebook 3.3 runs, sized so the whole notebook fits in about 12 minutes on a
     * two-core CPU: learning rate x width x dropout around {@link CnnConfig#DEFAULT}, each run with
     * a short schedule. In smoke mode one configuration for one epoch.
     */
    public static List<CnnConfig> standardGrid(boolean smoke) {
        if (smoke) {
            return List.of(CnnConfig.DEFAULT.withEpochs(1, 1));
        }
        CnnConfig base = CnnConfig.DEFAULT.withEpochs(SWEEP_EPOCHS, SWEEP_EPOCHS);
        return grid(base, new double[] {1e-3, 3e-3}, new int[] {16, 24}, new double[] {0.2, 0.4});
    }

    /** Epochs of each sweep run (with a cosine schedule over exactly these epochs). */
    public static final int SWEEP_EPOCHS = 20;

    /** Epochs of the final training of the chosen configuration. */
    public static final int FINAL_EPOCHS = 60;

    /** The chosen configuration trained for longer: {@value #FINAL_EPOCHS} epochs (smoke mode: 1). */
    public static CnnConfig finalConfig(CnnConfig chosen, boolean smoke) {
        return smoke ? chosen.withEpochs(1, 1) : chosen.withEpochs(FINAL_EPOCHS, FINAL_EPOCHS / 3);
    }

    /**
     * Trains every config and returns the table of results with the best run (highest validation
     * accuracy; ties go to the earlier config). The caller owns (and closes) the best run's model.
     */
    public static SweepResult run(PreparedImages data, List<CnnConfig> configs, TrainingProgress progress) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one config");
        }
        Table table = Table.create("Hyperparameter sweep (validation split)", IntColumn.create("run"),
                DoubleColumn.create("learning rate"), IntColumn.create("width"), DoubleColumn.create("dropout"),
                LongColumn.create("parameters"), IntColumn.create("epochs run"), IntColumn.create("best epoch"),
                DoubleColumn.create("train accuracy"), DoubleColumn.create("validation accuracy"),
                DoubleColumn.create("validation loss"), DoubleColumn.create("seconds"), StringColumn.create("chosen"));
        CnnTrainingRun best = null;
        int bestIndex = -1;
        for (int i = 0; i < configs.size(); i++) {
            CnnConfig config = configs.get(i);
            CnnTrainingRun run = CnnTrainer.train(data, config, progress);
            EpochResult top = run.best();
            table.intColumn("run").append(i + 1);
            table.doubleColumn("learning rate").append(config.learningRate());
            table.intColumn("width").append(config.width());
            table.doubleColumn("dropout").append(config.dropout());
            table.longColumn("parameters").append(run.model().parameterCount());
            table.intColumn("epochs run").append(run.history().size());
            table.intColumn("best epoch").append(run.bestEpoch());
            table.doubleColumn("train accuracy").append(round(top.trainAccuracy()));
            table.doubleColumn("validation accuracy").append(round(top.validationAccuracy()));
            table.doubleColumn("validation loss").append(round(top.validationLoss()));
            table.doubleColumn("seconds").append(Math.round(run.seconds() * 10) / 10.0);
            table.stringColumn("chosen").append("");
            if (best == null || top.validationAccuracy() > best.bestValidationAccuracy()) {
                if (best != null) {
                    best.model().close();
                }
                best = run;
                bestIndex = i;
            } else {
                run.model().close();
            }
        }
        table.stringColumn("chosen").set(bestIndex, "best");
        return new SweepResult(table, best);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * A finished sweep.
     *
     * @param table one row per config: hyperparameters, epochs, accuracies, seconds, and the chosen one
     * @param best  the run with the highest validation accuracy (its model is open)
     */
    public record SweepResult(Table table, CnnTrainingRun best) {
    }
}
