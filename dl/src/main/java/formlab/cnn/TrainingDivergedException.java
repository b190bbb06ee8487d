package formlab.cnn;

import java.util.Locale;

/**
 * Training stopped because a loss stopped being a finite number. Nothing of the run is kept:
 * parameters that produced a NaN or infinite loss never become a checkpoint, and a sweep reports
 * the trial as diverged instead of ranking it.
 */
public class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient CnnConfig config;
    private final int epoch;
    private final String what;

    /**
     * @param config the run's settings
     * @param epoch  1-based epoch in which the loss stopped being finite
     * @param what   which loss and where, for example "training loss NaN in batch 3 of 4"
     */
    public TrainingDivergedException(CnnConfig config, int epoch, String what) {
        super(String.format(Locale.ROOT, "training of %s diverged: %s of epoch %d (peak learning rate %s);"
                        + " nothing was kept. Lower the learning rate, or check the images for blank or broken ones.",
                config.label(), what, epoch, config.learningRate()));
        this.config = config;
        this.epoch = epoch;
        this.what = what;
    }

    /** The settings of the run that diverged. */
    public CnnConfig config() {
        return config;
    }

    /** 1-based epoch in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }

    /** Which loss stopped being finite and where, for example "training loss NaN in batch 3 of 4". */
    public String what() {
        return what;
    }
}
