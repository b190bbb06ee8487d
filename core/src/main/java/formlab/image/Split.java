package formlab.image;

import java.util.Locale;

/** The part of a dataset an image belongs to. */
public enum Split {
    /** Fits the model's weights (and the normalisation statistics). */
    TRAIN,
    /** Chooses epochs and hyperparameters (early stopping, sweep). */
    VALIDATION,
    /** Touched once, for the final figure. */
    TEST;

    /** The lower-case name written in manifests: {@code train}, {@code validation}, {@code test}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split named {@code key} (case-insensitive); an {@link IllegalArgumentException} otherwise. */
    public static Split ofKey(String key) {
        for (Split split : values()) {
            if (split.key().equalsIgnoreCase(key)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + key + "', expected train, validation or test");
    }
}
