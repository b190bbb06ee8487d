package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import formlab.image.PreparedImages;
import formlab.image.Split;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnTrainerTest {

    @TempDir
    static Path folder;

    static PreparedImages data;

    @BeforeAll
    static void prepare() throws Exception {
        data = TinyModels.figures(folder.resolve("figures"));
    }

    @Test
    void learnsStickFiguresKeepsTheBestEpochAndPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CnnTrainingRun run = CnnTrainer.train(data, TinyModels.config(12),
                TrainingProgress.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        try (CnnImageClassifier model = run.model()) {
            assertEquals(12, run.history().size());
            assertTrue(run.bestValidationAccuracy() >= 0.6, run.summary());
            // The model holds the best epoch's parameters: re-scoring the validation split (plain
            // forward pass, no mirror averaging, as during training) gives the best epoch's accuracy.
            formlab.model.Classifier plain = model;
            List<formlab.image.PreparedImage> validation = data.split(Split.VALIDATION);
            long correct = validation.stream().filter(image -> {
                float[] tensor = data.preprocessing().tensor(image.source());
                double[] features = new double[tensor.length];
                for (int i = 0; i < tensor.length; i++) {
                    features[i] = tensor[i];
                }
                return plain.predict(features).label().equals(image.entry().label());
            }).count();
            assertEquals(run.bestValidationAccuracy(), (double) correct / validation.size(), 1e-9);
            assertEquals(3 * 32 * 32, plain.featureNames().size());
            assertTrue(run.history().get(run.bestEpoch() - 1).best());
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(1 + 12 + 1, lines.length, "header, one line per epoch, summary");
            assertTrue(lines[1].matches("epoch +1/12 +train loss [0-9.]+ +train acc [0-9.]+ +val loss [0-9.]+ +val acc [0-9.]+ +[0-9.]+ s.*"),
                    lines[1]);
            assertEquals(12, run.historyTable().rowCount());
            assertTrue(run.trainImagesPerSecond() > 0);
            double[] p = model.probabilities(data.split(Split.TEST).get(0).source());
            assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-5);
        }
    }

    @Test
    void sameConfigSameHistoryWhateverThreadsTheCallerSetAndEarlyStopping() {
        CnnConfig config = TinyModels.config(30).withEpochs(30, 2).withLearningRate(0.05);
        int before = JniUtils.getNumThreads();
        try {
            // The caller's libtorch thread count must not matter: training fixes its own.
            JniUtils.setNumThreads(1);
            CnnTrainingRun a = CnnTrainer.train(data, config, TrainingProgress.silent());
            JniUtils.setNumThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
            CnnTrainingRun b = CnnTrainer.train(data, config, TrainingProgress.silent());
            try (var ma = a.model(); var mb = b.model()) {
                assertTrue(a.history().size() < 30, "patience 2 stops early: " + a.summary());
                assertEquals(a.bestEpoch() + 2, a.history().size());
                List<Double> lossesA = a.history().stream().map(EpochResult::trainLoss).toList();
                List<Double> lossesB = b.history().stream().map(EpochResult::trainLoss).toList();
                assertTrue(lossesA.stream().allMatch(Double::isFinite), lossesA.toString());
                assertEquals(lossesA, lossesB, "seeded training is reproducible");
                List<Double> validationA = a.history().stream().map(EpochResult::validationLoss).toList();
                List<Double> validationB = b.history().stream().map(EpochResult::validationLoss).toList();
                assertEquals(validationA, validationB, "and so is every validation score");
            }
            assertEquals(Math.max(2, Runtime.getRuntime().availableProcessors()), JniUtils.getNumThreads(),
                    "training gives the caller its thread count back");
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void aLossThatStopsBeingFiniteStopsTheRunAtOnceWithWhereAndWhy() {
        // A learning rate of 1e4 with decoupled weight decay multiplies every weight by about
        // -500 per step, so the weights overflow within a few epochs.
        CnnConfig config = TinyModels.config(30).withLearningRate(1e4);
        List<EpochResult> seen = new java.util.ArrayList<>();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> CnnTrainer.train(data, config, (c, result) -> seen.add(result)));
        assertTrue(e.epoch() < 30, "stopped at once, in epoch " + e.epoch());
        assertEquals(e.epoch() - 1, seen.size(), "no epoch with a non-finite loss is reported as a result");
        assertTrue(seen.stream().allMatch(r -> Double.isFinite(r.trainLoss()) && Double.isFinite(r.validationLoss())));
        assertTrue(e.getMessage().matches(".*diverged: (training|validation) loss (NaN|-?Infinity) .*epoch " + e.epoch()
                + " \\(peak learning rate 10000.0\\).*Lower the learning rate.*"), e.getMessage());
    }

    @Test
    void aSweepReportsADivergedTrialAndNeverRanksIt() {
        var configs = CnnSweep.grid(TinyModels.config(3), new double[] {0.005, 1e4}, new int[] {8}, new double[] {0.0});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CnnSweep.SweepResult sweep = CnnSweep.run(data, configs,
                TrainingProgress.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)))) {
            assertEquals(1, sweep.runs().size());
            assertEquals(1, sweep.diverged().size());
            assertEquals(2, sweep.diverged().get(0).run());
            assertEquals(0.005, sweep.best().config().learningRate());
            var table = sweep.table(2);
            assertEquals(2, table.rowCount());
            assertEquals("#1", table.stringColumn("chosen").get(0));
            assertTrue(table.stringColumn("chosen").get(1).startsWith("diverged: "), table.print());
            assertTrue(table.doubleColumn("validation accuracy").isMissing(1));
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("diverged"));
        }
        assertThrows(TrainingDivergedException.class, () -> CnnSweep.run(data, List.of(configs.get(1)), TrainingProgress.silent()),
                "a sweep whose every trial diverged has nothing to offer");
    }

    @Test
    void rejectsImagesPreparedAtAnotherSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CnnTrainer.train(data, TinyModels.config(1).withImageSize(48), TrainingProgress.silent()));
        assertTrue(e.getMessage().contains("prepared at 32 px"), e.getMessage());
    }

    @Test
    void sweepRanksByValidationAndItsBestRunsFormAnEnsemble() {
        var configs = CnnSweep.grid(TinyModels.config(3), new double[] {0.005, 0.01}, new int[] {8, 16}, new double[] {0.0});
        try (CnnSweep.SweepResult sweep = CnnSweep.run(data, configs, TrainingProgress.silent())) {
            var table = sweep.table(2);
            assertEquals(4, table.rowCount());
            double top = table.doubleColumn("validation accuracy").max();
            int first = table.stringColumn("chosen").indexOf("#1");
            assertEquals(top, table.doubleColumn("validation accuracy").get(first), 1e-9);
            assertEquals(2, table.stringColumn("chosen").countUnique() - 1, "two chosen runs besides the blanks\n" + table.print());
            List<CnnTrainingRun> best = sweep.top(2);
            assertTrue(best.get(0).bestValidationAccuracy() >= best.get(1).bestValidationAccuracy());
            var image = data.split(Split.TEST).get(0).source();
            double[] a = best.get(0).model().probabilities(image);
            double[] b = best.get(1).model().probabilities(image);
            try (CnnImageClassifier ensemble = sweep.ensemble(2)) {
                assertEquals(2, ensemble.members().size());
                double[] mean = ensemble.probabilities(image);
                for (int c = 0; c < mean.length; c++) {
                    assertEquals((a[c] + b[c]) / 2, mean[c], 1e-6);
                }
                assertThrows(IllegalStateException.class, () -> best.get(0).model().probabilities(image),
                        "a member handed over to the ensemble is no longer used on its own");
            }
        }
    }
}
