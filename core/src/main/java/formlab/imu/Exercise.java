package formlab.imu;

import java.util.Locale;

/** The classes of the barbell dataset: five barbell lifts and resting between sets. */
public enum Exercise {
    /** Bench press. */
    BENCH,
    /** Deadlift. */
    DEAD,
    /** Overhead press. */
    OHP,
    /** Barbell row. */
    ROW,
    /** Squat. */
    SQUAT,
    /** Resting (sitting or standing), no repetitions. */
    REST;

    /** Lower-case label as used in file names and tables, e.g. {@code ohp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the five barbell lifts, false for rest. */
    public boolean isLift() {
        return this != REST;
    }

    /** The exercise with this label (case-insensitive), or null. */
    public static Exercise fromLabel(String label) {
        for (Exercise exercise : values()) {
            if (exercise.label().equalsIgnoreCase(label)) {
                return exercise;
            }
        }
        return null;
    }
}
