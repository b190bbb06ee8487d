package formlab.registry;

import formlab.eval.Fold;
import formlab.eval.GroupSplits;
import java.util.List;

/**
 * How a model's metrics were measured, precise enough to redo: the protocol and its seed.
 *
 * @param protocol     {@code leave-one-group-out}, {@code k-fold-group} or {@code hold-out}
 * @param k            folds for {@code k-fold-group} (0 otherwise)
 * @param seed         seed of the group shuffle (k-fold, hold-out by fraction)
 * @param testFraction fraction of groups held out (hold-out by fraction; 0 otherwise)
 * @param testGroups   named held-out groups (hold-out by name; empty otherwise)
 */
public record SplitSpec(String protocol, int k, long seed, double testFraction, List<String> testGroups) {

    /** Protocol name of leave-one-group-out cross-validation. */
    public static final String LEAVE_ONE_GROUP_OUT = "leave-one-group-out";
    /** Protocol name of k-fold cross-validation by group. */
    public static final String K_FOLD_GROUP = "k-fold-group";
    /** Protocol name of a single held-out test split by group. */
    public static final String HOLD_OUT = "hold-out";

    public SplitSpec {
        testGroups = testGroups == null ? List.of() : List.copyOf(testGroups);
        if (!List.of(LEAVE_ONE_GROUP_OUT, K_FOLD_GROUP, HOLD_OUT).contains(protocol)) {
            throw new IllegalArgumentException("Unknown split protocol '" + protocol + "'; expected "
                    + LEAVE_ONE_GROUP_OUT + ", " + K_FOLD_GROUP + " or " + HOLD_OUT);
        }
    }

    /** Leave-one-group-out cross-validation. */
    public static SplitSpec leaveOneGroupOut() {
        return new SplitSpec(LEAVE_ONE_GROUP_OUT, 0, 0, 0, List.of());
    }

    /** k-fold cross-validation by group with a seeded group shuffle. */
    public static SplitSpec kFold(int k, long seed) {
        return new SplitSpec(K_FOLD_GROUP, k, seed, 0, List.of());
    }

    /** A held-out test of about {@code testFraction} of the groups, drawn with {@code seed}. */
    public static SplitSpec holdOut(double testFraction, long seed) {
        return new SplitSpec(HOLD_OUT, 0, seed, testFraction, List.of());
    }

    /** A held-out test of the named groups. */
    public static SplitSpec holdOut(List<String> testGroups) {
        return new SplitSpec(HOLD_OUT, 0, 0, 0, testGroups);
    }

    /** True for the cross-validation protocols. */
    public boolean crossValidated() {
        return !protocol.equals(HOLD_OUT);
    }

    /** The folds of this split over rows with the given groups. */
    public List<Fold> folds(String[] groups) {
        return switch (protocol) {
            case LEAVE_ONE_GROUP_OUT -> GroupSplits.leaveOneGroupOut(groups);
            case K_FOLD_GROUP -> GroupSplits.kFold(groups, k, seed);
            default -> List.of(testGroups.isEmpty() ? GroupSplits.holdOut(groups, testFraction, seed)
                    : GroupSplits.holdOut(groups, testGroups));
        };
    }

    /** Short text, e.g. "k-fold-group k=5 seed=42". */
    public String describe() {
        return switch (protocol) {
            case LEAVE_ONE_GROUP_OUT -> protocol;
            case K_FOLD_GROUP -> protocol + " k=" + k + " seed=" + seed;
            default -> testGroups.isEmpty() ? protocol + " fraction=" + testFraction + " seed=" + seed
                    : protocol + " groups=" + testGroups;
        };
    }
}
