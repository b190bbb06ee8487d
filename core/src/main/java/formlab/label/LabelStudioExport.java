package formlab.label;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import formlab.data.AtomicFiles;
import formlab.registry.DataFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a labelling round as files Label Studio imports, no server needed: {@code tasks.json}
 * (one task per item, with the model's prediction and score as pre-annotation), the labeling
 * interface {@code label_config.xml}, the pictures a person looks at under {@code images/} (a plot
 * of an IMU window, a skeleton of a pose frame; photos are referenced where they are), and
 * {@code round.json}, the record that the import checks annotations against.
 *
 * <p>Pictures are referenced through Label Studio's local-files serving
 * ({@value LabelStudioFormat#LOCAL_FILES}{@code <path under the document root>}): start Label Studio
 * with {@code LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED=true} and
 * {@code LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT} set to the export's {@code documentRoot}.
 *
 * <p>The round folder is written into a hidden temporary folder and renamed into place; an
 * existing round folder is never overwritten.
 */
public final class LabelStudioExport {

    private LabelStudioExport() {
    }

    /**
     * One item to export with the model's view of it.
     *
     * @param item        the pool item
     * @param predicted   the model's label, or null when there is no model yet (no pre-annotation)
     * @param score       the model's probability for that label
     * @param uncertainty the strategy's uncertainty score (NaN when not computed)
     */
    public record Task(PoolItem item, String predicted, double score, double uncertainty) {
    }

    /** Draws the picture of an item that has none of its own (IMU window, pose frame). */
    @FunctionalInterface
    public interface Pictures {
        /** The picture of {@code item}; called only for items whose reference is empty. */
        BufferedImage draw(PoolItem item);
    }

    /**
     * Writes round {@code round} of {@code dataset} into {@code folder} (which must not exist).
     *
     * @param documentRoot folder Label Studio serves local files from; every picture must lie under it
     * @param classes      the allowed labels, in the order shown
     * @param modelVersion the model that scored the items, e.g. "imu-exercise v2"
     * @param strategy     name of the strategy that chose them
     */
    public static ExportedRound write(Path folder, Path documentRoot, String dataset, int round, List<String> classes,
                                      String modelVersion, String strategy, List<Task> tasks, Pictures pictures) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path root = documentRoot.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "round folder exists; an exported round is never overwritten (export the next round instead)");
        }
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("Round folder " + target + " is not under the Label Studio document root " + root);
        }
        for (Task task : tasks) {
            if (task.predicted() != null && !classes.contains(task.predicted())) {
                throw new IllegalArgumentException("Item '" + task.item().id() + "': predicted label '" + task.predicted()
                        + "' is not one of " + classes);
            }
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            ArrayNode json = LabelStudioFormat.JSON.createArrayNode();
            List<ExportedRound.Item> items = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                Task task = tasks.get(t);
                PoolItem item = task.item();
                String reference;
                if (item.reference().isEmpty()) {
                    String file = "images/" + String.format(Locale.ROOT, "%04d", t + 1) + "-" + safe(item.id()) + ".png";
                    writePng(staging.resolve(file), pictures.draw(item));
                    reference = LabelStudioFormat.LOCAL_FILES + root.relativize(target.resolve(file)).toString().replace('\\', '/');
                } else {
                    Path picture = Path.of(item.reference()).toAbsolutePath().normalize();
                    if (!picture.startsWith(root)) {
                        throw new IllegalArgumentException("Item '" + item.id() + "': picture " + picture
                                + " is not under the Label Studio document root " + root);
                    }
                    reference = LabelStudioFormat.LOCAL_FILES + root.relativize(picture).toString().replace('\\', '/');
                }
                json.add(task(t + 1, item, reference, task, modelVersion, round));
                items.add(new ExportedRound.Item(item.id(), t + 1, item.kind(), item.source(), item.group(), reference,
                        task.predicted() == null ? "" : task.predicted(), task.score(), task.uncertainty()));
            }
            byte[] tasksJson = LabelStudioFormat.JSON.writeValueAsBytes(json);
            AtomicFiles.writeBytes(staging.resolve(ExportedRound.TASKS), tasksJson);
            AtomicFiles.writeString(staging.resolve(ExportedRound.CONFIG), LabelStudioFormat.labelConfig(classes));
            ExportedRound record = new ExportedRound(dataset, round, Instant.now().toString(), modelVersion, strategy, classes,
                    DataFile.sha256(staging.resolve(ExportedRound.TASKS)), items);
            AtomicFiles.writeBytes(staging.resolve(ExportedRound.FILE), LabelStudioFormat.JSON.writeValueAsBytes(record));
            try {
                Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException("Cannot move the exported round into " + target + ": " + e.getMessage(), e);
            }
            return record;
        } finally {
            formlab.data.AtomicFiles.deleteRecursively(staging);
        }
    }

    private static ObjectNode task(int number, PoolItem item, String reference, Task task, String modelVersion, int round) {
        ObjectNode node = LabelStudioFormat.JSON.createObjectNode();
        node.put("id", number);
        ObjectNode data = node.putObject("data");
        data.put(LabelStudioFormat.OBJECT, reference);
        data.put(LabelStudioFormat.ITEM_ID, item.id());
        data.put("source", item.source());
        data.put("group", item.group());
        data.put("kind", item.kind().name());
        data.put("round", round);
        if (task.predicted() == null) {
            return node;
        }
        ObjectNode prediction = node.putArray("predictions").addObject();
        prediction.put("model_version", modelVersion);
        prediction.put("score", task.score());
        ObjectNode result = prediction.putArray("result").addObject();
        result.put("id", "p" + number);
        result.put("from_name", LabelStudioFormat.CONTROL);
        result.put("to_name", LabelStudioFormat.OBJECT);
        result.put("type", LabelStudioFormat.CHOICES);
        result.putObject("value").putArray(LabelStudioFormat.CHOICES).add(task.predicted());
        return node;
    }

    private static void writePng(Path file, BufferedImage image) throws IOException {
        if (image == null) {
            throw new IOException("No picture drawn for " + file.getFileName());
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AtomicFiles.writeBytes(file, png.toByteArray());
    }

    /** File-name-safe form of an id: letters, digits, '.', '-' and '_' kept, the rest as '_'; at most 80 characters. */
    static String safe(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
