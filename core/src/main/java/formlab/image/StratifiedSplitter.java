package formlab.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded stratified split by group: within each class, near-duplicate groups
 * ({@link NearDuplicateGroups}) are ordered by id (so the result does not depend on file names or
 * listing order), shuffled with the seed and dealt to test, then validation, until each has its
 * share of the class's images; the rest is training. A group never straddles two splits, so a
 * re-encoded copy of a training photo cannot sit in the test split. Every class with at least
 * three groups gets at least one validation and one test group when those ratios are above zero.
 */
public final class StratifiedSplitter {

    private StratifiedSplitter() {
    }

    /** Splits with the default near-duplicate distance ({@value ImageFingerprint#DEFAULT_MAX_DISTANCE}). */
    public static List<ManifestEntry> split(List<ImageEntry> images, SplitRatios ratios, long seed) {
        return split(images, ratios, seed, ImageFingerprint.DEFAULT_MAX_DISTANCE);
    }

    /**
     * Assigns every image to a split; output is sorted by class, then path.
     *
     * @param maxDistance fingerprint distance at which images are grouped; -1 groups only by identical content
     */
    public static List<ManifestEntry> split(List<ImageEntry> images, SplitRatios ratios, long seed, int maxDistance) {
        Map<String, String> groupOf = maxDistance < 0 ? byContent(images) : NearDuplicateGroups.of(images, maxDistance);
        Map<String, Map<String, List<ImageEntry>>> groupsByClass = new TreeMap<>();
        for (ImageEntry image : images) {
            groupsByClass.computeIfAbsent(image.label(), k -> new TreeMap<>())
                    .computeIfAbsent(groupOf.get(image.path()), k -> new ArrayList<>()).add(image);
        }
        Random random = new Random(seed);
        List<ManifestEntry> entries = new ArrayList<>();
        for (Map<String, List<ImageEntry>> groups : groupsByClass.values()) {
            List<String> order = new ArrayList<>(groups.keySet());
            Collections.shuffle(order, random);
            int n = groups.values().stream().mapToInt(List::size).sum();
            boolean smallClass = order.size() < 3;
            int testTarget = smallClass || ratios.test() <= 0 ? 0 : Math.max(1, (int) Math.round(n * ratios.test()));
            int validationTarget = smallClass || ratios.validation() <= 0 ? 0 : Math.max(1, (int) Math.round(n * ratios.validation()));
            int test = 0;
            int validation = 0;
            for (int i = 0; i < order.size(); i++) {
                List<ImageEntry> members = groups.get(order.get(i));
                int groupsLeft = order.size() - i;
                Split split;
                if (test < testTarget && groupsLeft > 1) {
                    split = Split.TEST;
                    test += members.size();
                } else if (validation < validationTarget && groupsLeft > 1) {
                    split = Split.VALIDATION;
                    validation += members.size();
                } else {
                    split = Split.TRAIN;
                }
                for (ImageEntry image : members) {
                    entries.add(new ManifestEntry(image.path(), image.label(), split, image.sha256(), order.get(i)));
                }
            }
        }
        entries.sort(Comparator.comparing(ManifestEntry::label).thenComparing(ManifestEntry::path));
        return entries;
    }

    private static Map<String, String> byContent(List<ImageEntry> images) {
        Map<String, String> groups = new TreeMap<>();
        images.forEach(image -> groups.put(image.path(), image.sha256().substring(0, 12)));
        return groups;
    }
}
