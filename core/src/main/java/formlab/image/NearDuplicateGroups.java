package formlab.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the images of each class that are near-identical copies of one photo (fingerprints at
 * most {@code maxDistance} bits apart, chained: if a~b and b~c then a, b, c are one group). A split
 * keeps a group together, the way evaluation keeps one participant's recordings together.
 * On the yoga folder, distance 3 groups ~115 images into ~100 groups, the largest of 10; at 5 a
 * chain of 35 unrelated silhouettes forms, so the default stays at 3.
 */
public final class NearDuplicateGroups {

    private NearDuplicateGroups() {
    }

    /**
     * The group id of every image path: the first 12 hex digits of the SHA-256 of the group's
     * member with the smallest hash (so ids do not depend on file names or listing order).
     */
    public static Map<String, String> of(List<ImageEntry> images, int maxDistance) {
        int n = images.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                ImageEntry a = images.get(i);
                ImageEntry b = images.get(j);
                if (a.label().equals(b.label()) && ImageFingerprint.distance(a.fingerprint(), b.fingerprint()) <= maxDistance) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<ImageEntry>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(images.get(i));
        }
        Map<String, String> groupByPath = new HashMap<>();
        for (List<ImageEntry> group : members.values()) {
            String id = group.stream().map(ImageEntry::sha256).min(Comparator.naturalOrder()).orElseThrow().substring(0, 12);
            group.forEach(image -> groupByPath.put(image.path(), id));
        }
        return groupByPath;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
