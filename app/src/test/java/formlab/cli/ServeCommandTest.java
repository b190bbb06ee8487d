package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code formlab serve}: binds the loopback address, answers until stopped, refuses bad options. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private final CommandRunner cli = new CommandRunner();

    @Test
    void servesOnAFreeLoopbackPortUntilStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        Thread serving = new Thread(() -> status.set(Main.run(List.of("serve", "--port", "0", "--models", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)));
        serving.start();
        Pattern address = Pattern.compile("FormLab API on (http://127\\.0\\.0\\.1:\\d+)/api");
        Matcher found = address.matcher("");
        for (int i = 0; i < 300 && !found.find(); i++) {
            Thread.sleep(50);
            found = address.matcher(out.toString(StandardCharsets.UTF_8));
        }
        assertTrue(found.find(0), "no address printed: " + out);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(found.group(1) + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"models\":0"), health.body());
        serving.interrupt();
        serving.join(10_000);
        assertEquals(0, status.get(), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("stopped"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("GET /api/health -> 200 ("), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, cli.run("serve", "--port", "70000", "--models", dir.toString()));
        assertTrue(cli.error().contains("--port must be 0..65535"), cli.error());
        assertEquals(2, cli.run("serve", "--max-body-mb", "0", "--models", dir.toString()));
        assertEquals(2, cli.run("serve", "--colour", "red", "--models", dir.toString()));
    }
}
