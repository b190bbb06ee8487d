package formlab.image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link ImageFolderReader} found in a folder-per-class dataset: the usable images, the
 * files left out (with reasons) and the class folders without any usable image.
 *
 * @param root         the dataset folder
 * @param classes      class names (folder names), sorted; only classes with at least one image
 * @param images       usable images, sorted by class then path
 * @param skipped      files left out, sorted by path
 * @param emptyClasses class folders without a usable image (not classes)
 * @param damaged      images kept although the reader warned about damaged data (e.g. truncated JPEGs), sorted by path
 */
public record ImageFolderScan(Path root, List<String> classes, List<ImageEntry> images, List<SkippedFile> skipped,
                              List<String> emptyClasses, List<DamagedImage> damaged) {

    public ImageFolderScan {
        classes = List.copyOf(classes);
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
        emptyClasses = List.copyOf(emptyClasses);
        damaged = List.copyOf(damaged);
    }

    /** A scan in which no kept image is damaged. */
    public ImageFolderScan(Path root, List<String> classes, List<ImageEntry> images, List<SkippedFile> skipped,
                           List<String> emptyClasses) {
        this(root, classes, images, skipped, emptyClasses, List.of());
    }

    /** The file of {@code entry} on disk. */
    public Path resolve(ImageEntry entry) {
        return resolve(entry.path());
    }

    /** The file of a manifest-style relative path on disk. */
    public Path resolve(String relativePath) {
        return root.resolve(relativePath.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }

    /** Number of usable images per class, in class order. */
    public Map<String, Integer> countsByClass() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(name -> counts.put(name, 0));
        images.forEach(entry -> counts.merge(entry.label(), 1, Integer::sum));
        return counts;
    }

    /** One line: images kept, classes, files skipped. */
    public String summary() {
        return images.size() + " images in " + classes.size() + " classes " + countsByClass() + "; " + skipped.size()
                + " files skipped" + (damaged.isEmpty() ? "" : "; " + damaged.size() + " damaged images kept (decoded what they hold)")
                + (emptyClasses.isEmpty() ? "" : "; class folders without images: " + emptyClasses);
    }

    /** The usable images as a table: path, class, format, extension mismatch, width, height, bytes, sha256. */
    public Table imagesTable() {
        Table table = Table.create("Images in " + root.getFileName(),
                StringColumn.create("path"), StringColumn.create("class"), StringColumn.create("format"),
                StringColumn.create("extension matches"), IntColumn.create("width"), IntColumn.create("height"),
                IntColumn.create("shorter side"), LongColumn.create("bytes"), StringColumn.create("sha256"));
        for (ImageEntry entry : images) {
            table.stringColumn("path").append(entry.path());
            table.stringColumn("class").append(entry.label());
            table.stringColumn("format").append(entry.format().name());
            table.stringColumn("extension matches").append(entry.extensionMismatch() ? "no" : "yes");
            table.intColumn("width").append(entry.width());
            table.intColumn("height").append(entry.height());
            table.intColumn("shorter side").append(Math.min(entry.width(), entry.height()));
            table.longColumn("bytes").append(entry.bytes());
            table.stringColumn("sha256").append(entry.sha256());
        }
        return table;
    }

    /** The skipped files as a table: path, class, reason, detail. */
    public Table skippedTable() {
        Table table = Table.create("Files left out of " + root.getFileName(),
                StringColumn.create("path"), StringColumn.create("class"), StringColumn.create("reason"),
                StringColumn.create("detail"));
        for (SkippedFile file : skipped) {
            table.stringColumn("path").append(file.path());
            table.stringColumn("class").append(file.label());
            table.stringColumn("reason").append(file.reason().name());
            table.stringColumn("detail").append(file.detail());
        }
        return table;
    }

    /** The damaged images kept as a table: path, class, detail. */
    public Table damagedTable() {
        return Table.create("Damaged images kept in " + root.getFileName(),
                StringColumn.create("path", damaged.stream().map(DamagedImage::path).toList()),
                StringColumn.create("class", damaged.stream().map(DamagedImage::label).toList()),
                StringColumn.create("detail", damaged.stream().map(DamagedImage::detail).toList()));
    }

    /** Class counts as a table: class, images, skipped files. */
    public Table classTable() {
        Table table = Table.create("Classes of " + root.getFileName(), StringColumn.create("class"),
                IntColumn.create("images"), IntColumn.create("skipped files"));
        Map<String, Integer> counts = countsByClass();
        for (String name : classes) {
            table.stringColumn("class").append(name);
            table.intColumn("images").append(counts.get(name));
            table.intColumn("skipped files").append((int) skipped.stream().filter(s -> s.label().equals(name)).count());
        }
        return table;
    }
}
