package formlab.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 of a file, or of a folder with everything in it.
 *
 * <p>A folder's hash is the SHA-256 of its listing in {@code sha256sum} style: one line
 * {@code <file sha256>  <relative path>\n} per regular file, paths with {@code /} separators, sorted
 * by path. Renaming, adding, removing or changing any file changes it; file times do not. So
 * {@code find . -type f | sort | xargs sha256sum} in the folder shows what went into it. Symbolic
 * links and other special files are refused: a model payload is plain files only.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 (hex) of {@code path}: a regular file's content, or a folder's listing as described above. */
    public static String sha256(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new IOException(path + ": is a symbolic link; expected a regular file or a folder");
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return DataFile.sha256(path);
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + ": does not exist or is not a regular file or folder");
        }
        return sha256(listing(path));
    }

    /** The {@code sha256sum}-style listing of a folder's files that {@link #sha256(Path)} hashes. */
    public static String listing(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.toList()) {
                if (Files.isSymbolicLink(p)) {
                    throw new IOException(p + ": symbolic links are not allowed in a model payload");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(p + ": not a regular file or folder; a model payload holds plain files only");
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": the folder holds no files");
        }
        TreeMap<String, Path> byName = new TreeMap<>();
        for (Path file : files) {
            byName.put(folder.relativize(file).toString().replace('\\', '/'), file);
        }
        StringBuilder text = new StringBuilder();
        for (var entry : byName.entrySet()) {
            text.append(DataFile.sha256(entry.getValue())).append("  ").append(entry.getKey()).append('\n');
        }
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
