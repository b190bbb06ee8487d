package formlab.cnn;

import java.io.PrintStream;

/**
 * Receives training progress, one call per epoch. {@link #printingTo} writes one plain line per
 * epoch, which reads the same in a terminal and in a notebook cell's output (no carriage-return
 * progress bars, which notebooks render badly).
 */
public interface TrainingProgress {

    /** Called once before the first epoch. */
    default void started(CnnConfig config, int trainImages, int validationImages) {
    }

    /** Called after every epoch. */
    void epoch(CnnConfig config, EpochResult result);

    /** Called when training ends (early stop or last epoch). */
    default void finished(CnnConfig config, CnnTrainingRun run) {
    }

    /** Called when a run stops because its loss is no longer finite (a sweep then goes on to the next trial). */
    default void diverged(TrainingDivergedException divergence) {
    }

    /** Progress that shows nothing. */
    static TrainingProgress silent() {
        return (config, result) -> { };
    }

    /** One line per epoch on {@code out}, with a header and a closing line. */
    static TrainingProgress printingTo(PrintStream out) {
        return new TrainingProgress() {
            @Override
            public void started(CnnConfig config, int trainImages, int validationImages) {
                out.println("training " + config.label() + " on " + trainImages + " images (" + validationImages
                        + " for validation), " + config.imageSize() + " px, up to " + config.maxEpochs() + " epochs");
                out.flush();
            }

            @Override
            public void epoch(CnnConfig config, EpochResult result) {
                out.println(result.line(config.maxEpochs()));
                out.flush();
            }

            @Override
            public void finished(CnnConfig config, CnnTrainingRun run) {
                out.println(run.summary());
                out.flush();
            }

            @Override
            public void diverged(TrainingDivergedException divergence) {
                out.println(divergence.getMessage());
                out.flush();
            }
        };
    }
}
