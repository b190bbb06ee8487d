package formlab.cnn;

import formlab.image.PreparedImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small hyperparameter sweep: trains one CNN per config on the same prepared images and split
 * and scores each on the validation split (never the test split). Runs are sequential (one
 * training at a time). The best runs can then answer together as an ensemble ({@link SweepResult#ensemble}):
 * on the yoga photos, averaging the three best of a sweep gained 2-4 points of test accuracy over
 * a single network, for no extra training.
 */
public final class CnnSweep {

    /**
     * Epochs of each run of {@link #standardGrid} (with a cosine schedule over exactly these
     * epochs). With 32 the best epochs of the yoga sweep were the last ones (26-30 of 32): the
     * networks were still improving, so the schedule was lengthened.
     */
    public static final int SWEEP_EPOCHS = 44;

    /** Networks averaged by the notebook's model: the best three of the sweep by validation accuracy. */
    public static final int ENSEMBLE_SIZE = 3;

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
     * The sweep notebook 3.3 runs, sized so the notebook fits in about 12 minutes on a shared
     * two-core CPU: learning rate {2e-3, 4e-3} x width {16, 24} at dropout 0.2, plus dropout 0.4 at
     * the default, each for up to {@value #SWEEP_EPOCHS} epochs with early stopping after a third of
     * that without a better validation accuracy. In smoke mode two tiny configurations for one epoch.
     */
    public static List<CnnConfig> standardGrid(boolean smoke) {
        if (smoke) {
            CnnConfig tiny = CnnConfig.DEFAULT.withWidth(8).withEpochs(1, 1);
            return List.of(tiny, tiny.withLearningRate(1e-3));
        }
        CnnConfig base = CnnConfig.DEFAULT.withEpochs(SWEEP_EPOCHS, SWEEP_EPOCHS / 3);
        List<CnnConfig> configs = new ArrayList<>(grid(base, new double[] {2e-3, 4e-3}, new int[] {16, 24}, new double[] {0.2}));
        configs.add(base.withDropout(0.4));
        return configs;
    }

    /**
     * Trains every config; the caller owns the result and closes it (or the ensemble made from it).
     * A trial whose loss stops being finite is recorded as diverged and takes no part in the
     * ranking; when every trial diverges, the sweep fails with the first divergence.
     */
    public static SweepResult run(PreparedImages data, List<CnnConfig> configs, TrainingProgress progress) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one config");
        }
        List<CnnTrainingRun> runs = new ArrayList<>();
        List<DivergedTrial> diverged = new ArrayList<>();
        TrainingDivergedException first = null;
        for (int i = 0; i < configs.size(); i++) {
            try {
                runs.add(CnnTrainer.train(data, configs.get(i), progress));
            } catch (TrainingDivergedException e) {
                first = first == null ? e : first;
                diverged.add(new DivergedTrial(i + 1, e.config(), e.epoch(), e.what()));
                progress.diverged(e);
            }
        }
        if (runs.isEmpty()) {
            throw first;
        }
        return new SweepResult(runs, diverged);
    }

    /**
     * A sweep trial that stopped because its loss was no longer a finite number.
     *
     * @param run    1-based position of the trial's config in the sweep
     * @param config the trial's settings
     * @param epoch  epoch in which the loss stopped being finite
     * @param what   which loss and where
     */
    public record DivergedTrial(int run, CnnConfig config, int epoch, String what) {
    }

    /**
     * A finished sweep: every trained run in config order, each with its open model, and the
     * trials that diverged.
     *
     * @param runs     the trained runs, in the order of their configs
     * @param diverged the trials that diverged, in the order of their configs
     */
    public record SweepResult(List<CnnTrainingRun> runs, List<DivergedTrial> diverged) implements AutoCloseable {

        public SweepResult {
            runs = List.copyOf(runs);
            diverged = List.copyOf(diverged);
        }

        /** The runs from highest to lowest validation accuracy (ties: earlier config first). */
        public List<CnnTrainingRun> ranked() {
            return runs.stream().sorted(Comparator.comparingDouble(CnnTrainingRun::bestValidationAccuracy).reversed()).toList();
        }

        /** The run with the highest validation accuracy. */
        public CnnTrainingRun best() {
            return ranked().get(0);
        }

        /** The {@code k} best runs by validation accuracy. */
        public List<CnnTrainingRun> top(int k) {
            return ranked().subList(0, Math.min(k, runs.size()));
        }

        /**
         * The {@code k} best networks answering together (their models are taken over; the other
         * runs' models are closed). Close the returned classifier when done.
         */
        public CnnImageClassifier ensemble(int k) {
            List<CnnTrainingRun> chosen = top(k);
            for (CnnTrainingRun run : runs) {
                if (!chosen.contains(run)) {
                    run.model().close();
                }
            }
            return CnnImageClassifier.ensemble(chosen.stream().map(CnnTrainingRun::model).toList());
        }

        /**
         * One row per config, in config order: hyperparameters, epochs, accuracies, seconds, and
         * the rank of the {@code k} runs an ensemble of size {@code k} would take. A diverged
         * trial shows where it diverged in "chosen" and no accuracies.
         */
        public Table table(int k) {
            Table table = Table.create("Hyperparameter sweep (validation split)", IntColumn.create("run"),
                    DoubleColumn.create("learning rate"), IntColumn.create("width"), DoubleColumn.create("dropout"),
                    LongColumn.create("parameters"), IntColumn.create("epochs run"), IntColumn.create("best epoch"),
                    DoubleColumn.create("train accuracy"), DoubleColumn.create("validation accuracy"),
                    DoubleColumn.create("validation loss"), DoubleColumn.create("seconds"), StringColumn.create("chosen"));
            List<CnnTrainingRun> chosen = top(k);
            int trained = 0;
            int failed = 0;
            for (int number = 1; number <= runs.size() + diverged.size(); number++) {
                table.intColumn("run").append(number);
                if (failed < diverged.size() && diverged.get(failed).run() == number) {
                    appendDiverged(table, diverged.get(failed++));
                    continue;
                }
                CnnTrainingRun run = runs.get(trained++);
                CnnConfig config = run.config();
                EpochResult top = run.best();
                table.doubleColumn("learning rate").append(config.learningRate());
                table.intColumn("width").append(config.width());
                table.doubleColumn("dropout").append(config.dropout());
                table.longColumn("parameters").append(run.parameterCount());
                table.intColumn("epochs run").append(run.history().size());
                table.intColumn("best epoch").append(run.bestEpoch());
                table.doubleColumn("train accuracy").append(round(top.trainAccuracy()));
                table.doubleColumn("validation accuracy").append(round(top.validationAccuracy()));
                table.doubleColumn("validation loss").append(round(top.validationLoss()));
                table.doubleColumn("seconds").append(Math.round(run.seconds() * 10) / 10.0);
                int rank = chosen.indexOf(run);
                table.stringColumn("chosen").append(rank < 0 ? "" : "#" + (rank + 1));
            }
            return table;
        }

        private static void appendDiverged(Table table, DivergedTrial trial) {
            table.doubleColumn("learning rate").append(trial.config().learningRate());
            table.intColumn("width").append(trial.config().width());
            table.doubleColumn("dropout").append(trial.config().dropout());
            table.longColumn("parameters").appendMissing();
            table.intColumn("epochs run").append(trial.epoch());
            table.intColumn("best epoch").appendMissing();
            table.doubleColumn("train accuracy").appendMissing();
            table.doubleColumn("validation accuracy").appendMissing();
            table.doubleColumn("validation loss").appendMissing();
            table.doubleColumn("seconds").appendMissing();
            table.stringColumn("chosen").append("diverged: " + trial.what());
        }

        @Override
        public void close() {
            runs.forEach(run -> run.model().close());
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
