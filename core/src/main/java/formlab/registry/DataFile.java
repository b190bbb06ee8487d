package formlab.registry;

import formlab.data.DataSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A data file a model was trained from, with its content hash.
 *
 * @param path   where it is: {@code $FORMLAB_DATA_DIR/...} under the dataset root, relative under the
 *               project root, otherwise absolute
 * @param sha256 SHA-256 of the content, hex
 * @param bytes  size
 */
public record DataFile(String path, String sha256, long bytes) {

    private static final String DATA_ROOT_PREFIX = "$" + DataSettings.DATA_DIR_VARIABLE + "/";

    /** Hashes {@code file} and names it portably relative to the dataset root or {@code projectRoot}. */
    public static DataFile of(Path file, Path projectRoot) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.toString();
        Optional<Path> dataRoot = DataSettings.dataRoot().map(p -> p.toAbsolutePath().normalize());
        if (dataRoot.isPresent() && absolute.startsWith(dataRoot.get())) {
            name = DATA_ROOT_PREFIX + dataRoot.get().relativize(absolute).toString().replace('\\', '/');
        } else if (projectRoot != null && absolute.startsWith(projectRoot.toAbsolutePath().normalize())) {
            name = projectRoot.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
        }
        return new DataFile(name, sha256(absolute), Files.size(absolute));
    }

    /** Where the file is on this machine, if the dataset root is set for a {@code $FORMLAB_DATA_DIR} path. */
    public Optional<Path> resolve(Path projectRoot) {
        if (path.startsWith(DATA_ROOT_PREFIX)) {
            return DataSettings.dataRoot().map(root -> root.resolve(path.substring(DATA_ROOT_PREFIX.length())));
        }
        Path p = Path.of(path);
        return Optional.of(p.isAbsolute() || projectRoot == null ? p : projectRoot.resolve(p));
    }

    /** SHA-256 of a file's content, hex, read in a stream. */
    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
