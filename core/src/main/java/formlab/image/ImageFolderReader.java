package formlab.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder-per-class image dataset: every sub-folder of the root is a class (any name,
 * spaces and upper case included), every file below it (nested folders too) a candidate image.
 * Each file is decoded by its content to verify it; files that are not usable images are left out
 * with a warning and listed in the scan's report, never a crash.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>Files directly in the root (README, licenses) and hidden files ({@code .DS_Store}) are ignored.</li>
 *   <li>Undecodable files (not an image, data the reader cannot get through, smaller than the decoder's
 *       minimum side) are skipped. WebP is read like any other format (a WebP named {@code .jpg} too).</li>
 *   <li>Damaged files the reader gets through (a truncated JPEG) are kept, with what the file holds,
 *       and listed in {@link ImageFolderScan#damaged()} with the reader's warnings.</li>
 *   <li>Byte-identical copies inside one class are kept once (copies would repeat an image in
 *       training and could leak it into the test split).</li>
 *   <li>Bytes found under two or more classes are dropped everywhere: their label is unknown.</li>
 *   <li>A class folder left without images is reported in {@link ImageFolderScan#emptyClasses()}
 *       and is not a class; fewer than two classes is an error.</li>
 * </ul>
 */
public final class ImageFolderReader {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderReader.class);

    private final ImageDecoder decoder;

    /** A reader with the default decoder (shorter side at least {@value ImageDecoder#DEFAULT_MIN_SIDE} px). */
    public ImageFolderReader() {
        this(new ImageDecoder());
    }

    /** A reader that verifies files with {@code decoder}. */
    public ImageFolderReader(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** Scans the folder {@code root} with the default reader. */
    public static ImageFolderScan read(Path root) {
        return new ImageFolderReader().scan(root);
    }

    /**
     * Scans {@code root} as described in the class comment.
     *
     * @throws ImageDatasetException when the folder is missing or holds fewer than two usable classes
     */
    public ImageFolderScan scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ImageDatasetException(ImageDatasetException.Problem.MISSING_FOLDER, root,
                    "no such folder; expected a folder with one sub-folder of images per class");
        }
        Map<String, List<Path>> filesByClass = listFiles(root);
        List<Candidate> candidates = filesByClass.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(file -> new Candidate(e.getKey(), file)))
                .toList();
        // Decoding dominates; results come back in list order, so the scan stays deterministic.
        List<Object> outcomes = candidates.parallelStream().map(c -> verify(root, c)).toList();

        List<ImageEntry> decoded = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, String> damageByPath = new LinkedHashMap<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Verified verified) {
                decoded.add(verified.entry());
                if (!verified.damage().isEmpty()) {
                    damageByPath.put(verified.entry().path(), String.join("; ", verified.damage()));
                }
            } else {
                skipped.add((SkippedFile) outcome);
            }
        }
        List<ImageEntry> kept = dropDuplicates(decoded, skipped);
        List<DamagedImage> damaged = kept.stream().filter(entry -> damageByPath.containsKey(entry.path()))
                .map(entry -> new DamagedImage(entry.path(), entry.label(), damageByPath.get(entry.path())))
                .sorted(Comparator.comparing(DamagedImage::path)).toList();
        if (!damaged.isEmpty()) {
            LOG.warn("Kept {} damaged image(s) in {} with what their files hold (listed in the scan's damaged images): {}",
                    damaged.size(), root, damaged.stream().map(DamagedImage::path).collect(Collectors.joining(", ")));
        }
        Set<String> classesWithImages = new TreeSet<>();
        kept.forEach(entry -> classesWithImages.add(entry.label()));
        List<String> emptyClasses = filesByClass.keySet().stream().filter(name -> !classesWithImages.contains(name)).toList();
        for (String empty : emptyClasses) {
            LOG.warn("Class folder '{}' in {} holds no usable image; it is not a class", empty, root);
        }
        long duplicates = skipped.stream().filter(file -> file.reason() == SkipReason.DUPLICATE).count();
        // one line per reason: a notebook shows the list through the scan's skipped files
        Map<SkipReason, Long> problems = skipped.stream().filter(file -> file.reason() != SkipReason.DUPLICATE)
                .collect(Collectors.groupingBy(SkippedFile::reason, () -> new EnumMap<>(SkipReason.class), Collectors.counting()));
        problems.forEach((reason, count) -> LOG.warn("Skipped {} file(s) in {}: {} (listed in the scan's skipped files)",
                count, root, reason));
        skipped.stream().filter(file -> file.reason() != SkipReason.DUPLICATE).forEach(file -> LOG.debug("Skipped {}", file));
        if (duplicates > 0) {
            LOG.info("Kept one copy of byte-identical images in {}: {} copies left out (see the scan's skipped files)",
                    root, duplicates);
        }
        if (classesWithImages.size() < 2) {
            throw new ImageDatasetException(ImageDatasetException.Problem.TOO_FEW_CLASSES, root,
                    "found " + classesWithImages.size() + " class folder(s) with usable images " + classesWithImages
                            + (emptyClasses.isEmpty() ? "" : " (without images: " + emptyClasses + ")")
                            + "; a classifier needs at least 2 classes, one sub-folder of images per class");
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new ImageFolderScan(root, List.copyOf(classesWithImages), kept, skipped, emptyClasses, damaged);
    }

    private Object verify(Path root, Candidate candidate) {
        String relative = relative(root, candidate.file());
        try {
            DecodedImage image = decoder.decode(candidate.file());
            return new Verified(new ImageEntry(relative, candidate.label(), image.format(), image.sha256(), image.width(),
                    image.height(), image.bytes(), ImageFingerprint.of(image.image())), image.damage());
        } catch (ImageDecodeException e) {
            return new SkippedFile(relative, candidate.label(), SkipReason.of(e.problem()), e.detail());
        } catch (OutOfMemoryError e) {
            return new SkippedFile(relative, candidate.label(), SkipReason.TOO_LARGE, "out of memory while decoding");
        }
    }

    private static List<ImageEntry> dropDuplicates(List<ImageEntry> decoded, List<SkippedFile> skipped) {
        Map<String, Set<String>> labelsByHash = new LinkedHashMap<>();
        for (ImageEntry entry : decoded) {
            labelsByHash.computeIfAbsent(entry.sha256(), h -> new TreeSet<>()).add(entry.label());
        }
        Map<String, ImageEntry> firstByHash = new LinkedHashMap<>();
        List<ImageEntry> kept = new ArrayList<>();
        for (ImageEntry entry : decoded) {
            Set<String> labels = labelsByHash.get(entry.sha256());
            if (labels.size() > 1) {
                skipped.add(new SkippedFile(entry.path(), entry.label(), SkipReason.CONFLICTING_LABELS,
                        "the same image is filed under classes " + labels + "; its label is unknown"));
                continue;
            }
            ImageEntry first = firstByHash.putIfAbsent(entry.sha256(), entry);
            if (first != null) {
                skipped.add(new SkippedFile(entry.path(), entry.label(), SkipReason.DUPLICATE,
                        "byte-identical to " + first.path()));
            } else {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static Map<String, List<Path>> listFiles(Path root) {
        Map<String, List<Path>> filesByClass = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(root)) {
            List<Path> classFolders = children.filter(Files::isDirectory).filter(p -> !hidden(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            for (Path folder : classFolders) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    filesByClass.put(folder.getFileName().toString(), walk.filter(Files::isRegularFile)
                            .filter(p -> !hidden(p)).sorted(Comparator.comparing(Path::toString)).toList());
                }
            }
        } catch (IOException e) {
            throw new ImageDatasetException(ImageDatasetException.Problem.UNREADABLE, root, "cannot list: " + e.getMessage(), e);
        }
        return filesByClass;
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** {@code file} relative to {@code root} with {@code /} separators, as written in manifests. */
    static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private record Candidate(String label, Path file) {
    }

    private record Verified(ImageEntry entry, List<String> damage) {
    }
}
