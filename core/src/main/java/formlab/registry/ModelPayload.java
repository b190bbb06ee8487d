package formlab.registry;

import formlab.model.Classifier;
import formlab.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The parameters a registered version stores: a file or a folder inside the version folder, in a
 * named format. The registry hashes whatever is written (a folder with {@link ContentHash}) into the
 * card and checks it before handing it out, so models that {@link ModelFiles} cannot store (a DJL
 * file kept from elsewhere) get the same versioning, stages and promotion. Every FormLab model type
 * (the image CNN included) is stored with {@link #of(Classifier)}: a {@link ModelFiles} file.
 */
public interface ModelPayload {

    /**
     * Format of {@link #of(Classifier)} payloads of classifiers over feature rows: a {@link ModelFiles}
     * file, loadable with {@link ModelRegistry#load}. (A model type whose classifiers read other input
     * records its own {@link formlab.model.ModelType#cardFormat()}, also a {@link ModelFiles} file.)
     */
    String FORMLAB_FORMAT = formlab.model.ModelType.FEATURE_ROWS_FORMAT;

    /** Format name recorded in the card, e.g. {@code formlab-model} or {@code djl-pytorch}. */
    String format();

    /** Name of the file or folder inside the version folder, e.g. {@code model.flm} or {@code djl}. */
    String name();

    /** Writes the payload to {@code target}, which does not exist yet: as one file, or as a folder with everything in it. */
    void writeTo(Path target) throws IOException;

    /** Writes a payload to a path that does not exist yet. */
    @FunctionalInterface
    interface Writer {
        /** Creates {@code target} (a file, or a folder and its files). */
        void write(Path target) throws IOException;
    }

    /**
     * A classifier of any {@link formlab.model.ModelType} in the {@link ModelFiles} format, named
     * {@link ModelRegistry#MODEL_FILE}, with its type's card format.
     */
    static ModelPayload of(Classifier classifier) {
        Objects.requireNonNull(classifier, "classifier");
        return written(ModelFiles.cardFormat(classifier), ModelRegistry.MODEL_FILE, target -> ModelFiles.save(classifier, target));
    }

    /** A payload in {@code format} that {@code writer} creates under {@code name}. */
    static ModelPayload written(String format, String name, Writer writer) {
        PayloadNames.requireFormat(format);
        PayloadNames.requirePayloadName(name);
        Objects.requireNonNull(writer, "writer");
        return new ModelPayload() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void writeTo(Path target) throws IOException {
                writer.write(target);
            }
        };
    }

    /** A copy of an existing file or folder (plain files only) in {@code format}, keeping its file name. */
    static ModelPayload copyOf(String format, Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(source + ": does not exist; expected the model file or folder to register");
        }
        return written(format, absolute.getFileName().toString(), target -> copyTree(absolute, target));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        ContentHash.sha256(source); // refuses links and special files before anything is copied
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
