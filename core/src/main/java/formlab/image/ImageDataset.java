package formlab.image;

import formlab.data.AtomicFiles;
import formlab.data.DataOrigin;
import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import formlab.data.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image dataset ready for modelling: which data it is ({@link DataOrigin}), what the folder
 * holds ({@link ImageFolderScan}) and its split ({@link SplitManifest}, stored in a file). One
 * call gives notebooks and commands the same data:
 * {@link #yoga()} uses the real yoga photos when {@code FORMLAB_DATA_DIR} holds them and falls back
 * to rendered stick figures ({@link SyntheticPoses}) otherwise; {@link #open} does the same for any
 * folder in the folder-per-class layout.
 *
 * @param origin       real or synthetic data, where from, how much
 * @param scan         the folder scan (usable images, skipped files)
 * @param manifest     the split
 * @param manifestFile where the split is stored
 */
public record ImageDataset(DataOrigin origin, ImageFolderScan scan, SplitManifest manifest, Path manifestFile) {

    /** Seed of the default split. */
    public static final long DEFAULT_SEED = 42;

    /** Images per class kept in smoke mode. */
    public static final int SMOKE_IMAGES_PER_CLASS = 12;

    /** Synthetic figures per class when the real photos are missing (fewer in smoke mode). */
    public static final int SYNTHETIC_PER_CLASS = 60;

    /**
     * The yoga photos ({@code images-yoga-5class}) with the default 60/20/20 split, or synthetic
     * stick figures when the dataset root does not hold them. In smoke mode
     * ({@link Settings#smoke()}) only {@value #SMOKE_IMAGES_PER_CLASS} images per class are used.
     * The manifest is stored under {@code data/interim/<dataset>/}.
     */
    public static ImageDataset yoga() {
        boolean smoke = Settings.smoke();
        String name = KnownDataset.IMAGES_YOGA_5CLASS.folderName();
        Path interim = ProjectPaths.locate().interim();
        var real = DataSettings.dataset(name);
        if (real.isPresent()) {
            Path manifest = interim.resolve(name).resolve(smoke ? "split-manifest-smoke.json" : "split-manifest.json");
            return open(real.get(), manifest, SplitRatios.DEFAULT, DEFAULT_SEED, smoke ? SMOKE_IMAGES_PER_CLASS : 0, true);
        }
        int perClass = smoke ? SMOKE_IMAGES_PER_CLASS : SYNTHETIC_PER_CLASS;
        String synthetic = "synthetic-yoga-stick-figures-" + perClass;
        Path folder = interim.resolve(synthetic);
        try {
            if (!Files.isDirectory(folder)) {
                AtomicFiles.replaceDirectory(folder, dir -> SyntheticPoses.writeDataset(dir, perClass, 96, DEFAULT_SEED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic figures to " + folder, e);
        }
        return open(folder, interim.resolve(synthetic + "-split.json"), SplitRatios.DEFAULT, DEFAULT_SEED, 0, false);
    }

    /**
     * Scans {@code root}, keeps at most {@code maxPerClass} images per class (0 = all; chosen by
     * content hash, so the subset is stable) and loads or creates the split stored in {@code manifestFile}.
     *
     * @param real true for real recordings, false for synthetic or sample data (shown in the banner)
     */
    public static ImageDataset open(Path root, Path manifestFile, SplitRatios ratios, long seed, int maxPerClass,
                                    boolean real) {
        ImageFolderScan scan = ImageFolderReader.read(root);
        if (maxPerClass > 0) {
            scan = subset(scan, maxPerClass);
        }
        SplitManifest manifest = SplitManifest.loadOrCreate(scan, manifestFile, ratios, seed);
        String size = scan.images().size() + " images, " + scan.classes().size() + " classes, " + scan.skipped().size()
                + " files skipped" + (maxPerClass > 0 ? ", smoke subset of " + maxPerClass + " per class" : "");
        String description = real ? root.toString() : root + " (SYNTHETIC stick figures rendered by SyntheticPoses;"
                + " accuracy on them says nothing about photos)";
        DataOrigin origin = new DataOrigin(root.getFileName().toString(), real, description, size);
        return new ImageDataset(origin, scan, manifest, manifestFile);
    }

    /** Decodes and letterboxes every image at {@code inputSize} px, normalised with train-split statistics. */
    public PreparedImages prepare(int inputSize) {
        return PreparedImages.load(scan.root(), manifest, new Preprocessing(inputSize, Normalization.UNIT))
                .withTrainNormalization();
    }

    /** Images in train, validation and test. */
    public Map<String, Integer> imagesPerSplit() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            counts.put(split.key(), manifest.entries(split).size());
        }
        return counts;
    }

    /** Dataset name with "(real)" or "(synthetic)", for model cards. */
    public String description() {
        return origin.dataset() + (origin.real() ? " (real)" : " (synthetic)");
    }

    private static ImageFolderScan subset(ImageFolderScan scan, int maxPerClass) {
        Map<String, List<ImageEntry>> byClass = new LinkedHashMap<>();
        for (ImageEntry entry : scan.images()) {
            byClass.computeIfAbsent(entry.label(), k -> new ArrayList<>()).add(entry);
        }
        List<ImageEntry> kept = new ArrayList<>();
        for (List<ImageEntry> entries : byClass.values()) {
            entries.stream().sorted(Comparator.comparing(ImageEntry::sha256)).limit(maxPerClass).forEach(kept::add);
        }
        kept.sort(Comparator.comparing(ImageEntry::label).thenComparing(ImageEntry::path));
        Set<String> keptPaths = new HashSet<>();
        kept.forEach(entry -> keptPaths.add(entry.path()));
        return new ImageFolderScan(scan.root(), scan.classes(), kept, scan.skipped(), scan.emptyClasses(),
                scan.damaged().stream().filter(d -> keptPaths.contains(d.path())).toList());
    }
}
