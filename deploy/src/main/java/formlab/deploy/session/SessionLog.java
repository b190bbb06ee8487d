package formlab.deploy.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only session log: one JSON object per line ({@link SetRecord}), each written in
 * one call, then flushed and forced to the storage ({@code fsync}) before {@link #append}
 * returns, so a power cut loses at most the record being written.
 *
 * <p>Such a cut can leave a torn last line (a partial record, or NUL bytes where the file
 * system had reserved space). {@link SessionLogReader} skips it with a warning; when the log is
 * opened again for appending, that torn tail is cut off (logged as a warning) so the next record
 * starts on a clean line instead of gluing onto garbage.
 */
public final class SessionLog implements AutoCloseable {

    /** File name of the log inside a session folder. */
    public static final String FILE_NAME = "sessions.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private int lastSet;

    private SessionLog(Path file, FileChannel channel, int lastSet) {
        this.file = file;
        this.channel = channel;
        this.lastSet = lastSet;
    }

    /** Opens (creating if needed) the log {@value #FILE_NAME} in {@code folder}, repairing a torn tail. */
    public static SessionLog open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            SessionLogReader.Result existing = SessionLogReader.read(file);
            if (existing.tornBytes() > 0) {
                LOG.warn("{}: cutting off a torn last record ({} bytes, probably a power cut while writing)", file,
                        existing.tornBytes());
                channel.truncate(channel.size() - existing.tornBytes());
                channel.force(true);
            }
            endWithNewline(channel);
            if (created) {
                forceFolder(folder);
            }
            int last = existing.records().stream().mapToInt(SetRecord::set).max().orElse(0);
            return new SessionLog(file, channel, last);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends {@code record} as one line and forces it to storage. */
    public synchronized void append(SetRecord record) throws IOException {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + record, e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
        lastSet = Math.max(lastSet, record.set());
    }

    /** The number the next set gets: one more than the highest in the log. */
    public synchronized int nextSetNumber() {
        return lastSet + 1;
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** The folder holding the log and the raw files. */
    public Path folder() {
        return file.getParent();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** A last record written without its newline (cut just before it) gets one, so appends start a new line. */
    private static void endWithNewline(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        if (last.get(0) != '\n') {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            channel.force(true);
        }
    }

    /** Makes a new file's directory entry durable too (Linux needs the folder itself forced). */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on every platform; the file's own data is forced on each append
        }
    }
}
