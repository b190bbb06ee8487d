package formlab.image;

/**
 * Fractions of each class that go to train, validation and test.
 *
 * @param train      fraction for training, above 0
 * @param validation fraction for validation, 0 or more
 * @param test       fraction for test, 0 or more
 */
public record SplitRatios(double train, double validation, double test) {

    /** The default 60 / 20 / 20 split. */
    public static final SplitRatios DEFAULT = new SplitRatios(0.6, 0.2, 0.2);

    public SplitRatios {
        if (!(train > 0) || !(validation >= 0) || !(test >= 0) || Math.abs(train + validation + test - 1) > 1e-6) {
            throw new IllegalArgumentException("split ratios must be train > 0, validation >= 0, test >= 0 and sum to 1, got "
                    + train + " / " + validation + " / " + test);
        }
    }
}
