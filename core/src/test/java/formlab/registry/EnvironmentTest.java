package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @Test
    void readsLibraryVersionsFromTheirJars() {
        Environment environment = Environment.current(null);
        assertEquals("4.4.2", environment.libraries().get("smile-core"));
        assertEquals("0.44.4", environment.libraries().get("tablesaw-core"));
        assertEquals("not on class path", Environment.libraryVersion("org.example.Missing"));
        assertTrue(environment.java().startsWith(Runtime.version().feature() + ""), environment.java());
    }

    @Test
    void gitCommitOfTheCheckoutOrNoneOutsideGit(@TempDir Path outside) {
        assertNull(Environment.gitCommit(outside));
        Path here = Path.of("").toAbsolutePath();
        boolean inGit = false;
        for (Path p = here; p != null; p = p.getParent()) {
            inGit |= Files.exists(p.resolve(".git"));
        }
        String commit = Environment.gitCommit(here);
        if (inGit) {
            assertTrue(commit != null && commit.matches("[0-9a-f]{40}(-dirty)?"), String.valueOf(commit));
        }
    }
}
