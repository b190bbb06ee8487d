package formlab.eval.validation;

import formlab.image.ImageDatasetException;
import formlab.image.ImageEntry;
import formlab.image.ImageFolderReader;
import formlab.image.ImageFolderScan;
import formlab.image.NearDuplicateGroups;
import formlab.image.SkipReason;
import formlab.image.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks a folder-per-class image dataset through {@link ImageFolderReader} (every file decoded by
 * its content): images per class, files left out (unreadable, corrupt, conflicting labels), damaged
 * images kept (truncated JPEGs), extensions that lie about the format, small images, and
 * near-identical copies that a split must keep together.
 */
public final class ImageDatasetValidation {

    /** Shorter side, in pixels, below which an image is worth a warning (the CNN input is larger). */
    public static final int SMALL_SIDE = 64;
    /** Fingerprint distance for near-identical copies (as {@link NearDuplicateGroups} recommends). */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private ImageDatasetValidation() {
    }

    /** Validates the image folder {@code root}; {@code name} titles the report. */
    public static ValidationReport validate(String name, Path root) {
        ImageFolderScan scan;
        try {
            scan = ImageFolderReader.read(root);
        } catch (ImageDatasetException e) {
            return new ValidationReport(name, List.of(Finding.fail("files", root.toString(), e.getMessage())));
        }
        List<Finding> files = new ArrayList<>();
        Map<SkipReason, List<SkippedFile>> byReason = scan.skipped().stream()
                .collect(Collectors.groupingBy(SkippedFile::reason, () -> new EnumMap<>(SkipReason.class), Collectors.toList()));
        byReason.forEach((reason, skipped) -> {
            boolean copy = reason == SkipReason.DUPLICATE || reason == SkipReason.CONFLICTING_LABELS;
            files.add(Finding.warn(copy ? "duplicate images" : "unreadable files", skipped.size() + " files",
                    reason + ", left out: " + skipped.stream().limit(3).map(f -> f.path() + " (" + f.detail() + ")")
                            .collect(Collectors.joining("; ")) + (skipped.size() > 3 ? "; ..." : "")));
        });
        if (!byReason.containsKey(SkipReason.DUPLICATE) && !byReason.containsKey(SkipReason.CONFLICTING_LABELS)) {
            files.add(Finding.pass("duplicate images", scan.images().size() + " images", "no byte-identical copies"));
        }
        if (byReason.keySet().stream().allMatch(r -> r == SkipReason.DUPLICATE || r == SkipReason.CONFLICTING_LABELS)) {
            files.add(Finding.pass("unreadable files", scan.images().size() + " images", "every file decodes"));
        }
        if (!scan.damaged().isEmpty()) {
            files.add(Finding.warn("damaged images", scan.damaged().size() + " images", "kept with what their files hold"
                    + " (the reader fills the rest): " + scan.damaged().stream().limit(3).map(d -> d.path() + " (" + d.detail() + ")")
                    .collect(Collectors.joining("; ")) + (scan.damaged().size() > 3 ? "; ..." : "")));
        }
        for (String empty : scan.emptyClasses()) {
            files.add(Finding.fail("label distribution", empty, "class folder without a usable image"));
        }
        List<ImageEntry> mismatched = scan.images().stream().filter(ImageEntry::extensionMismatch).toList();
        files.add(mismatched.isEmpty() ? Finding.pass("file extensions", scan.images().size() + " images", "every extension names the format")
                : Finding.warn("file extensions", mismatched.size() + " images", "extension differs from the content, e.g. "
                + mismatched.stream().limit(3).map(e -> e.path() + " is " + e.format()).toList() + ": decode by content, not by name"));
        long small = scan.images().stream().filter(e -> Math.min(e.width(), e.height()) < SMALL_SIDE).count();
        files.add(small == 0 ? Finding.pass("image size", scan.images().size() + " images", "every shorter side >= " + SMALL_SIDE + " px")
                : Finding.warn("image size", small + " images", "shorter side below " + SMALL_SIDE + " px: upscaled, they look blurred"));
        Map<String, String> groups = NearDuplicateGroups.of(scan.images(), NEAR_DUPLICATE_DISTANCE);
        Map<String, Long> groupSizes = groups.values().stream().collect(Collectors.groupingBy(g -> g, Collectors.counting()));
        long inGroups = groupSizes.values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum();
        long multi = groupSizes.values().stream().filter(n -> n > 1).count();
        files.add(inGroups == 0 ? Finding.pass("near-duplicate images", scan.images().size() + " images", "no near-identical copies")
                : Finding.warn("near-duplicate images", inGroups + " images", inGroups + " images form " + multi
                + " groups of near-identical copies (largest " + groupSizes.values().stream().mapToLong(Long::longValue).max().orElse(0)
                + "): keep each group on one side of a split"));
        Table images = Table.create("images", StringColumn.create("class", scan.images().stream().map(ImageEntry::label).toList()));
        List<Finding> classes = images.rowCount() == 0 ? List.of() : TableChecks.labelDistribution(images, "class", 50, 3);
        List<Finding> coverage = List.of(Finding.warn("group coverage", "all images", "no person ids: split by near-duplicate group "
                + "so copies of one photo never land on both sides"));
        return ValidationReport.of(name, files, classes, coverage);
    }
}
