package formlab.cnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import ai.djl.translate.TranslateException;
import formlab.image.PreparedImage;
import formlab.image.PreparedImages;
import formlab.image.Split;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link CompactResNet} from scratch with DJL's {@link Trainer} on the PyTorch engine:
 * AdamW with a warm-up then cosine learning-rate schedule, softmax cross-entropy, He-initialised
 * weights, seeded augmentation and shuffles. After every epoch the validation split is scored;
 * the parameters of the best epoch (highest validation accuracy, ties broken by lower validation
 * loss) are kept in memory and restored at the end, and training stops early when
 * {@link CnnConfig#patience()} epochs pass without improvement. A training or validation loss
 * that is not a finite number stops the run at once with a {@link TrainingDivergedException}.
 *
 * <p>Training runs on a fixed number of intra-op threads ({@link TorchRuntime#reproducibly}, one
 * by default): the same images and config then give the same model on any machine and under any
 * load. With two threads, libtorch 2.7.1's CPU backward pass gave the first stage's convolution and
 * batch-norm gradients errors as large as the gradients themselves (measured against one thread on
 * the first batch of the tests' stick figures), so seeded runs parted ways after one step and some
 * went to NaN within the first epoch.
 *
 * <p>Every batch lives in its own NDManager (DJL's data iterator opens a sub-manager per batch of
 * the trainer's manager and closing the batch frees it), so memory stays flat across epochs.
 */
public final class CnnTrainer {

    static {
        TorchRuntime.prepare();
    }

    private CnnTrainer() {
    }

    /**
     * Trains on the train split of {@code data} and early-stops on its validation split.
     *
     * @param data     prepared images at {@code config.imageSize()}, normalised on the train split
     * @param config   architecture and training settings
     * @param progress receives one call per epoch
     */
    public static CnnTrainingRun train(PreparedImages data, CnnConfig config, TrainingProgress progress) {
        return train(data, config, progress, TorchRuntime.trainingThreads());
    }

    /** As {@link #train(PreparedImages, CnnConfig, TrainingProgress)} on {@code threads} intra-op threads. */
    static CnnTrainingRun train(PreparedImages data, CnnConfig config, TrainingProgress progress, int threads) {
        return TorchRuntime.onThreads(threads, () -> trainOnThisThread(data, config, progress));
    }

    private static CnnTrainingRun trainOnThisThread(PreparedImages data, CnnConfig config, TrainingProgress progress) {
        if (data.preprocessing().size() != config.imageSize()) {
            throw new IllegalArgumentException("images were prepared at " + data.preprocessing().size()
                    + " px but the config asks for " + config.imageSize() + " px");
        }
        List<PreparedImage> train = data.split(Split.TRAIN);
        List<PreparedImage> validation = data.split(Split.VALIDATION);
        if (train.size() < 2 || validation.isEmpty()) {
            throw new IllegalArgumentException("need at least 2 training and 1 validation image, got " + train.size()
                    + " and " + validation.size());
        }
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) config.seed());
        int size = config.imageSize();
        Model model = Model.newInstance("cnn", "PyTorch");
        model.setBlock(CompactResNet.build(data.classes().size(), config.width(), config.dropout()));

        int batch = Math.min(config.batchSize(), train.size());
        ImageSplitDataset trainSet = ImageSplitDataset.training(train, data.preprocessing(), config.augmentation(), batch,
                config.seed());
        ImageSplitDataset validationSet = ImageSplitDataset.evaluation(validation, data.preprocessing(), 64);
        int stepsPerEpoch = Math.max(1, (int) Math.ceil((double) train.size() / batch));
        List<EpochResult> history = new ArrayList<>();
        byte[] bestParameters = null;
        int bestEpoch = 0;
        double bestAccuracy = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        progress.started(config, train.size(), validation.size());
        try (Trainer trainer = model.newTrainer(trainingConfig(config, stepsPerEpoch))) {
            trainer.initialize(new Shape(1, 3, size, size));
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                int step = 0;
                for (Batch b : trainer.iterateDataset(trainSet)) {
                    step++;
                    try (b; GradientCollector collector = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(b.getData(), b.getLabels());
                        NDArray loss = trainer.getLoss().evaluate(b.getLabels(), logits);
                        float batchLoss = loss.getFloat();
                        if (!Float.isFinite(batchLoss)) {
                            throw new TrainingDivergedException(config, epoch,
                                    "training loss " + batchLoss + " in batch " + step + " of " + stepsPerEpoch);
                        }
                        collector.backward(loss);
                        lossSum += batchLoss * b.getSize();
                        correct += Scores.correct(logits.singletonOrThrow().toFloatArray(),
                                b.getLabels().singletonOrThrow().toFloatArray());
                        seen += b.getSize();
                    }
                    trainer.step();
                }
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                Scores scores = Scores.of(trainer, validationSet);
                if (!Double.isFinite(scores.loss())) {
                    throw new TrainingDivergedException(config, epoch, "validation loss " + scores.loss() + " at the end");
                }
                boolean best = scores.accuracy() > bestAccuracy || (scores.accuracy() == bestAccuracy && scores.loss() < bestLoss);
                if (best) {
                    bestAccuracy = scores.accuracy();
                    bestLoss = scores.loss();
                    bestEpoch = epoch;
                    bestParameters = parameters(model);
                }
                EpochResult result = new EpochResult(epoch, lossSum / seen, (double) correct / seen, scores.loss(),
                        scores.accuracy(), trainSeconds, (System.nanoTime() - epochStart) / 1e9, best);
                history.add(result);
                progress.epoch(config, result);
                if (epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
        } catch (IOException | TranslateException e) {
            model.close();
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        restore(model, bestParameters);
        CnnImageClassifier classifier = new CnnImageClassifier(model, data.classes(), data.preprocessing(), config);
        CnnTrainingRun run = new CnnTrainingRun(config, history, bestEpoch, classifier, (System.nanoTime() - started) / 1e9,
                train.size(), validation.size(), classifier.parameterCount());
        progress.finished(config, run);
        return run;
    }

    private static DefaultTrainingConfig trainingConfig(CnnConfig config, int stepsPerEpoch) {
        int totalSteps = stepsPerEpoch * config.maxEpochs();
        int warmUp = Math.min(totalSteps / 4, 2 * stepsPerEpoch);
        float peak = (float) config.learningRate();
        Tracker cosine = Tracker.cosine().setBaseValue(peak).optFinalValue(peak / 100)
                .setMaxUpdates(Math.max(1, totalSteps - warmUp)).build();
        Tracker schedule = warmUp == 0 ? cosine : WarmUpTracker.builder().setMainTracker(cosine).optWarmUpSteps(warmUp)
                .optWarmUpBeginValue(peak / 10).build();
        Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule)
                .optWeightDecays((float) config.weightDecay()).build();
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                // He initialisation (Gaussian, fan-in, magnitude 2) suits ReLU networks.
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
    }

    /** The network's parameters in DJL's own format, as {@code Block.saveParameters} writes them. */
    static byte[] parameters(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Model model, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best epoch's parameters", e);
        }
    }
}
