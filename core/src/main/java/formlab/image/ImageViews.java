package formlab.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.components.Figure;

/** Pictures and tables that show an image dataset: samples per class, sizes, formats, augmentations. */
public final class ImageViews {

    private ImageViews() {
    }

    /**
     * A grid with one row per class and {@code perClass} randomly chosen images (seeded), each
     * captioned with its file name and size.
     */
    public static BufferedImage samplesPerClass(ImageFolderScan scan, int perClass, int cell, long seed) {
        Random random = new Random(seed);
        ImageDecoder decoder = new ImageDecoder(1, ImageDecoder.DEFAULT_MAX_PIXELS);
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (String label : scan.classes()) {
            List<ImageEntry> members = new ArrayList<>(scan.images().stream().filter(e -> e.label().equals(label)).toList());
            members.sort(Comparator.comparing(ImageEntry::sha256));
            java.util.Collections.shuffle(members, random);
            for (int i = 0; i < perClass; i++) {
                if (i < members.size()) {
                    ImageEntry entry = members.get(i);
                    BufferedImage image = decoder.decode(scan.resolve(entry)).image();
                    String file = entry.path().substring(entry.path().lastIndexOf('/') + 1);
                    tiles.add(new ImageGrid.Tile(image, label, file + " " + entry.width() + "x" + entry.height(), false));
                } else {
                    tiles.add(ImageGrid.Tile.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), label + " (no more)"));
                }
            }
        }
        return ImageGrid.render(tiles, perClass, cell);
    }

    /** Box plot of the shorter image side per class, in pixels. */
    public static Figure shorterSideFigure(ImageFolderScan scan) {
        Table images = scan.imagesTable();
        return BoxPlot.create("Shorter image side per class (px)", images, "class", "shorter side");
    }

    /** Images per content format, and how many of them have an extension that names another format. */
    public static Table formatTable(ImageFolderScan scan) {
        Map<String, int[]> counts = new TreeMap<>();
        for (ImageEntry entry : scan.images()) {
            int[] c = counts.computeIfAbsent(entry.format().name(), k -> new int[2]);
            c[0]++;
            c[1] += entry.extensionMismatch() ? 1 : 0;
        }
        Table table = Table.create("Formats found by content", StringColumn.create("format"), IntColumn.create("images"),
                IntColumn.create("extension says otherwise"));
        counts.forEach((format, c) -> {
            table.stringColumn("format").append(format);
            table.intColumn("images").append(c[0]);
            table.intColumn("extension says otherwise").append(c[1]);
        });
        return table;
    }

    /** Files left out per reason. */
    public static Table skippedByReason(ImageFolderScan scan) {
        Map<SkipReason, Integer> counts = new TreeMap<>();
        scan.skipped().forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        Table table = Table.create("Files left out, by reason", StringColumn.create("reason"), IntColumn.create("files"));
        counts.forEach((reason, n) -> {
            table.stringColumn("reason").append(reason.name());
            table.intColumn("files").append(n);
        });
        return table;
    }

    /**
     * What the network sees: for {@code images} training images (seeded choice), the plain input
     * followed by {@code variants} random augmentations (geometry only; colour jitter happens on
     * the tensor). One row per image.
     */
    public static BufferedImage augmentations(PreparedImages data, int images, int variants, Augmentation augmentation,
                                              long seed) {
        Random random = new Random(seed);
        List<PreparedImage> train = new ArrayList<>(data.split(Split.TRAIN));
        java.util.Collections.shuffle(train, random);
        Preprocessing preprocessing = data.preprocessing();
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (PreparedImage image : train.subList(0, Math.min(images, train.size()))) {
            tiles.add(new ImageGrid.Tile(preprocessing.render(image.source(), Augmentation.NONE, null), image.entry().label(),
                    "as is", false));
            for (int v = 1; v <= variants; v++) {
                tiles.add(new ImageGrid.Tile(preprocessing.render(image.source(), augmentation, random), "", "augmented " + v, false));
            }
        }
        return ImageGrid.render(tiles, variants + 1, Math.max(64, preprocessing.size()));
    }
}
