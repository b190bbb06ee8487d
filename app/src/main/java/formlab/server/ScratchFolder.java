package formlab.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh temporary folder for one request's body, for the readers that read files: the server names
 * every file in it, never the request, and the folder is deleted when the request is done. Messages
 * of the readers name the file by its path; {@link #describe(String)} drops the folder from them so
 * the client sees only the name it knows.
 */
final class ScratchFolder implements AutoCloseable {

    private final Path folder;

    ScratchFolder() throws IOException {
        this.folder = Files.createTempDirectory("formlab-request-");
    }

    /** Writes {@code bytes} to the file {@code name} (a name the server chose) in the folder. */
    Path write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        if (!file.getParent().equals(folder)) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return Files.write(file, bytes);
    }

    /** {@code message} without this folder's path in front of file names. */
    String describe(String message) {
        if (message == null) {
            return "";
        }
        return message.replace(folder + folder.getFileSystem().getSeparator(), "").replace(folder.toString(), "");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
