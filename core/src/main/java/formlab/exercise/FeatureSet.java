package formlab.exercise;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which of the pipeline's features the classifier sees. Features of the raw sensor axes depend on
 * how the sensor sits on the wrist, which differs between people and days; on the barbell
 * recordings, models that see them learn the training participants' mounting and lose 5-8 points
 * of leave-one-participant-out accuracy. The orientation-robust sets keep only channels that do not
 * depend on the mounting (magnitudes, gravity-frame components) plus the orientation features,
 * whose gravity direction is what tells the postures apart.
 */
public enum FeatureSet {
    /** Magnitudes, gravity-frame channels and orientation features. */
    ROBUST("^(acc_mag|gyr_mag|acc_vertical|acc_horizontal|gyr_vertical|gyr_horizontal)__|^orient__"),
    /** Magnitudes and orientation features only (smaller). */
    POSTURE("^(acc_mag|gyr_mag)__|^orient__"),
    /**
     * The movement features relative to gravity ({@code motion__}) alone: what separates lifts with
     * the same posture (bench press and overhead press), used by the second stage of
     * {@link ExerciseEvaluation.Refinement}.
     */
    MOTION("^motion__"),
    /** Every feature the pipeline computes, raw axes included. */
    ALL(".");

    private final Pattern pattern;

    FeatureSet(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The regular expression a feature name must contain to belong to the set. */
    public String regex() {
        return pattern.pattern();
    }

    /** Whether the feature {@code name} belongs to the set. */
    public boolean matches(String name) {
        return pattern.matcher(name).find();
    }

    /** The features of {@code all} this set keeps, in their order. */
    public List<String> select(List<String> all) {
        return all.stream().filter(name -> pattern.matcher(name).find()).toList();
    }

    /** Lower-case name, e.g. {@code robust}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The set called {@code label} (case-insensitive). */
    public static FeatureSet of(String label) {
        for (FeatureSet set : values()) {
            if (set.label().equalsIgnoreCase(label)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown feature set '" + label + "'; known: robust, posture, motion, all");
    }
}
