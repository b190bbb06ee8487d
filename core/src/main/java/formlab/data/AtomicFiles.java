package formlab.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes that never leave a half-written file or folder behind: the content goes to a temporary
 * sibling first, is flushed to disk, and is then renamed over the target in one step. Readers see
 * the old content or the new, never a mix, even after a crash or power cut.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically, creating parent folders. */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
    public static void writeBytes(Path target, byte[] bytes) {
        try {
            write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        /** Writes the content; the stream is closed by the caller. */
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code target} atomically with {@code writer}; creates missing parent folders. */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the channel stays open until it has been forced to disk
                    }
                };
                writer.write(buffered);
                buffered.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces folder {@code target} by the folder that {@code writer} fills: the writer gets an
     * empty temporary sibling folder; only when it returns normally is the old target (if any)
     * removed and the new folder renamed into place. On failure the old target is untouched.
     */
    public static void replaceDirectory(Path target, DirectoryWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".tmp");
        try {
            writer.write(temp);
            Path old = null;
            if (Files.exists(absolute)) {
                old = absolute.resolveSibling("." + absolute.getFileName() + ".old-" + System.nanoTime());
                move(absolute, old);
            }
            move(temp, absolute);
            if (old != null) {
                deleteRecursively(old);
            }
        } finally {
            if (Files.exists(temp)) {
                deleteRecursively(temp);
            }
        }
    }

    /** Fills a folder; used by {@link #replaceDirectory}. */
    @FunctionalInterface
    public interface DirectoryWriter {
        /** Writes the content into {@code folder}, which exists and is empty. */
        void write(Path folder) throws IOException;
    }

    /**
     * How old a temporary file or folder must be before {@link #deleteStale} takes it for the leftover
     * of a killed process: far longer than any write or registration takes, so a write in progress in
     * another process is never touched.
     */
    public static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(1);

    /**
     * Deletes, directly inside {@code folder}, the temporary files and folders a killed process left
     * behind: hidden names ending in {@code .tmp} or containing {@code .tmp} (from {@link #write} and
     * {@link #replaceDirectory}) or starting with {@code .staging-} (a model registry's staging folder),
     * last modified more than {@link #STALE_AFTER} before {@code now}. Returns what was deleted.
     */
    public static java.util.List<Path> deleteStale(Path folder, java.time.Instant now) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        java.util.List<Path> deleted = new java.util.ArrayList<>();
        try (var entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                boolean temporary = name.startsWith(".") && (name.contains(".tmp") || name.startsWith(".staging-"));
                if (temporary && Files.getLastModifiedTime(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(now.minus(STALE_AFTER))) {
                    deleteRecursively(entry);
                    deleted.add(entry);
                }
            }
        }
        return deleted;
    }

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
