package formlab.eval;

import java.util.List;

/**
 * One train/test split by group: no group has rows on both sides.
 *
 * @param name       readable name, e.g. "leave out B" or "fold 2/5"
 * @param train      row indices of the training rows, ascending
 * @param test       row indices of the test rows, ascending
 * @param testGroups the groups held out
 */
public record Fold(String name, int[] train, int[] test, List<String> testGroups) {

    public Fold {
        testGroups = List.copyOf(testGroups);
        if (train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("Fold '" + name + "' has " + train.length + " training and "
                    + test.length + " test rows; both must be non-empty");
        }
    }
}
