package formlab.deploy.session;

import java.nio.file.Path;

/** A session log line that is not a valid record (and not a torn last line). */
public class SessionLogException extends RuntimeException {

    /**
     * @param file   the log
     * @param line   1-based line number
     * @param detail what is wrong and what was expected
     */
    public SessionLogException(Path file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
    }
}
