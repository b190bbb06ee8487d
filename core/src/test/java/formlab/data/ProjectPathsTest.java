package formlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectPathsTest {

    @Test
    void findsTheCheckoutFromTheLibraryModule() {
        // Maven runs the tests with lib/ as working directory; the root is the folder above it.
        ProjectPaths paths = ProjectPaths.locate();
        assertTrue(Files.isRegularFile(paths.root().resolve("core/pom.xml")));
        assertEquals(paths.root().resolve("data/raw"), paths.raw());
        assertEquals(paths.root().resolve("reports"), paths.reports());
    }

    @Test
    void foldersFollowTheCookiecutterLayout() {
        ProjectPaths paths = new ProjectPaths(Path.of("/tmp/formlab-example"));
        assertEquals(Path.of("/tmp/formlab-example/data/interim"), paths.interim());
        assertEquals(Path.of("/tmp/formlab-example/data/processed"), paths.processed());
        assertEquals(Path.of("/tmp/formlab-example/data/external"), paths.external());
        assertEquals(Path.of("/tmp/formlab-example/models"), paths.models());
    }
}
