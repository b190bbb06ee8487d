package formlab.imu;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Load of a set. The protocol of the barbell dataset asks for 5 repetitions on heavy sets and 10
 * on medium sets (approximately: people miscount); rest and bad-form sets have no intensity.
 */
public enum Intensity {
    /** Heavy load, 5 repetitions by protocol. */
    HEAVY(5),
    /** Medium load, 10 repetitions by protocol. */
    MEDIUM(10),
    /** No intensity: rest recordings and the bad-form sets. */
    NONE(-1);

    private final int protocolReps;

    Intensity(int protocolReps) {
        this.protocolReps = protocolReps;
    }

    /** Repetitions the protocol asks for, empty for {@link #NONE}. */
    public OptionalInt protocolReps() {
        return protocolReps < 0 ? OptionalInt.empty() : OptionalInt.of(protocolReps);
    }

    /** Lower-case label, e.g. {@code heavy}; {@code none} for {@link #NONE}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
