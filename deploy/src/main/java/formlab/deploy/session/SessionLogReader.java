package formlab.deploy.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a session log written by {@link SessionLog}. Blank lines are skipped. Only the last
 * record can be torn by a power cut (records are appended and forced one at a time), so a last
 * line that does not parse is skipped with a warning; a bad line anywhere else is real damage and
 * fails with a {@link SessionLogException} naming the line.
 */
public final class SessionLogReader {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLogReader.class);

    private SessionLogReader() {
    }

    /**
     * What a log holds.
     *
     * @param records   the complete records, in file order
     * @param warnings  what was skipped and why (at most the torn last line)
     * @param tornBytes bytes after the last complete record that are not blank (a torn line, NUL fill); 0 when clean
     */
    public record Result(List<SetRecord> records, List<String> warnings, long tornBytes) {
    }

    /** Reads {@code file}; a missing file is an empty log. */
    public static Result read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Result(List.of(), List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read session log " + file, e);
        }
        List<int[]> lines = new ArrayList<>(); // [start, end) byte offsets, end excludes the newline
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new int[] {start, bytes.length});
        }
        int lastContent = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!text(bytes, lines.get(i)).isBlank()) {
                lastContent = i;
            }
        }
        List<SetRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long endOfGood = 0;
        for (int i = 0; i <= lastContent; i++) {
            String line = text(bytes, lines.get(i));
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(SessionLog.JSON.readValue(line, SetRecord.class));
                endOfGood = Math.min(bytes.length, lines.get(i)[1] + 1);
            } catch (JsonProcessingException e) {
                if (i == lastContent) {
                    String warning = file + ":" + (i + 1) + ": skipped a torn last record ("
                            + (bytes.length - lines.get(i)[0]) + " bytes; a power cut while it was written?)";
                    warnings.add(warning);
                    LOG.warn(warning);
                } else {
                    throw new SessionLogException(file, i + 1, "not a set record: " + e.getOriginalMessage()
                            + "; expected one JSON object per line as written by SessionLog");
                }
            }
        }
        long torn = 0;
        for (long b = endOfGood; b < bytes.length; b++) {
            byte c = bytes[(int) b];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                torn = bytes.length - endOfGood; // garbage after the last record: a torn line or NUL fill
                break;
            }
        }
        if (torn > 0 && warnings.isEmpty()) {
            String warning = file + ": skipped " + torn + " bytes of NUL fill after the last record (a power cut?)";
            warnings.add(warning);
            LOG.warn(warning);
        }
        return new Result(List.copyOf(records), List.copyOf(warnings), torn);
    }

    private static String text(byte[] bytes, int[] range) {
        return new String(bytes, range[0], range[1] - range[0], StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
