package formlab.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Train/test splits that keep every group (participant, subject) on one side, because rows of
 * one person are correlated and a row-level split would overstate accuracy. All splits are
 * deterministic: group order is sorted, and shuffles use the given seed.
 */
public final class GroupSplits {

    private GroupSplits() {
    }

    /** One fold per group, testing on that group and training on all others. */
    public static List<Fold> leaveOneGroupOut(String[] groups) {
        List<String> names = distinct(groups, 2);
        List<Fold> folds = new ArrayList<>();
        for (String held : names) {
            folds.add(fold("leave out " + held, groups, Set.of(held)));
        }
        return folds;
    }

    /**
     * {@code k} folds of whole groups: the sorted groups are shuffled with {@code seed} and dealt
     * round-robin, so fold sizes differ by at most one group.
     */
    public static List<Fold> kFold(String[] groups, int k, long seed) {
        List<String> names = new ArrayList<>(distinct(groups, 2));
        if (k < 2 || k > names.size()) {
            throw new IllegalArgumentException("k-fold by group needs 2 <= k <= number of groups (" + names.size() + "), got " + k);
        }
        Collections.shuffle(names, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Set<String> held = new TreeSet<>();
            for (int g = f; g < names.size(); g += k) {
                held.add(names.get(g));
            }
            folds.add(fold("fold " + (f + 1) + "/" + k + " " + held, groups, held));
        }
        return folds;
    }

    /**
     * A held-out test split with about {@code testFraction} of the groups (at least one, and at
     * least one left for training), drawn with {@code seed}.
     */
    public static Fold holdOut(String[] groups, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        List<String> names = new ArrayList<>(distinct(groups, 2));
        Collections.shuffle(names, new Random(seed));
        int count = Math.max(1, Math.min(names.size() - 1, (int) Math.round(testFraction * names.size())));
        return holdOut(groups, names.subList(0, count));
    }

    /** A held-out test split with exactly the named test groups. */
    public static Fold holdOut(String[] groups, Collection<String> testGroups) {
        List<String> names = distinct(groups, 2);
        Set<String> held = new TreeSet<>(testGroups);
        if (!names.containsAll(held)) {
            held.removeAll(names);
            throw new IllegalArgumentException("Unknown test groups " + held + "; groups are " + names);
        }
        return fold("hold out " + held, groups, held);
    }

    private static Fold fold(String name, String[] groups, Set<String> held) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            (held.contains(groups[i]) ? test : train).add(i);
        }
        return new Fold(name, train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(new TreeSet<>(held)));
    }

    private static List<String> distinct(String[] groups, int minimum) {
        List<String> names = List.copyOf(new TreeSet<>(List.of(groups)));
        if (names.size() < minimum) {
            throw new IllegalArgumentException("Group splits need at least " + minimum + " groups, found " + names);
        }
        return names;
    }
}
