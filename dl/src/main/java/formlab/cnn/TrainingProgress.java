package formlab.cnn;

import formlab.data.Settings;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Receives training progress, one call per epoch. Three ways to show it:
 * <ul>
 *   <li>{@link #bar}: per network a header line and a progress bar redrawn in place after every
 *       epoch (carriage return), which ends as the network's summary line. For a person watching
 *       a live notebook or a terminal.</li>
 *   <li>{@link #perTrial}: one line per network (its summary), nothing per epoch. For a written
 *       report: a report keeps every redraw of a bar, so a sweep would fill it with epoch lines.</li>
 *   <li>{@link #printingTo}: one plain line per epoch, for logs and tests.</li>
 * </ul>
 * {@link #standard} picks between the first two from the one setting {@link Settings#report()}
 * ({@code FORMLAB_REPORT}), which the notebook runner {@code scripts/run_notebooks.py} sets for the
 * kernels that make the HTML reports.
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

    /**
     * The progress style for the current output: {@link #perTrial} when {@link Settings#report()}
     * is on (a notebook executed into a report), else {@link #bar} (a live notebook, a terminal).
     */
    static TrainingProgress standard(PrintStream out) {
        return Settings.report() ? perTrial(out) : bar(out);
    }

    /** One line per network, its summary (or why it diverged); the first network's line comes after a header. */
    static TrainingProgress perTrial(PrintStream out) {
        return new TrainingProgress() {
            private boolean headed;

            @Override
            public void started(CnnConfig config, int trainImages, int validationImages) {
                if (!headed) {
                    out.println("training on " + trainImages + " images (" + validationImages
                            + " for validation), one line per network:");
                    out.flush();
                    headed = true;
                }
            }

            @Override
            public void epoch(CnnConfig config, EpochResult result) {
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

    /**
     * Per network a header line, then one line redrawn after every epoch ({@code \r}): a bar of the
     * epochs run out of the maximum and the epoch's validation accuracy, marked when it is the best
     * so far. When the network is done the line is replaced by its summary.
     */
    static TrainingProgress bar(PrintStream out) {
        return new TrainingProgress() {
            private static final int BAR = 20;
            private int drawn;

            @Override
            public void started(CnnConfig config, int trainImages, int validationImages) {
                out.println("training " + config.label() + " on " + trainImages + " images (" + validationImages
                        + " for validation), " + config.imageSize() + " px, up to " + config.maxEpochs() + " epochs");
                out.flush();
                drawn = 0;
            }

            @Override
            public void epoch(CnnConfig config, EpochResult result) {
                int filled = (int) Math.round(BAR * (double) result.epoch() / config.maxEpochs());
                redraw(String.format(Locale.ROOT, "[%s%s] epoch %d/%d  val acc %.3f%s  %.1f s/epoch",
                        "#".repeat(filled), ".".repeat(BAR - filled), result.epoch(), config.maxEpochs(),
                        result.validationAccuracy(), result.best() ? " *best" : "      ", result.seconds()), false);
            }

            @Override
            public void finished(CnnConfig config, CnnTrainingRun run) {
                redraw(run.summary(), true);
            }

            @Override
            public void diverged(TrainingDivergedException divergence) {
                redraw(divergence.getMessage(), true);
            }

            private void redraw(String line, boolean last) {
                // Spaces clear what is left of a longer line drawn before.
                out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())) + (last ? System.lineSeparator() : ""));
                out.flush();
                drawn = last ? 0 : line.length();
            }
        };
    }
}
