package formlab.deploy.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.deploy.TrackerMain;
import formlab.deploy.config.TrackerConfig;
import formlab.deploy.config.TrackerConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The files shipped next to the JAR stay in step with the code that reads them. */
class DistFilesTest {

    private static final Path DIST = Path.of("src/main/dist");

    @Test
    void theSampleConfigurationListsEveryKeyAtItsDefaultAndParses() throws Exception {
        String text = Files.readString(DIST.resolve("formlab-tracker.properties"));
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        assertEquals(TrackerConfigReader.DEFAULTS.keySet(), properties.stringPropertyNames(), "every key, no other");
        for (Map.Entry<String, String> e : TrackerConfigReader.DEFAULTS.entrySet()) {
            assertEquals(e.getValue(), properties.getProperty(e.getKey()).strip(), e.getKey() + " shows its default");
        }
        TrackerConfig parsed = TrackerConfigReader.parse("sample", text, Path.of("/var/lib/formlab"), Map.of());
        assertEquals(TrackerConfig.defaults().gpio(), parsed.gpio());
        assertEquals(text, TrackerMain.sampleConfig(), "--sample-config prints the shipped file");
    }

    @Test
    void theSystemdUnitStartsTheJarWithASmallHeapAndStopsWithSigterm() throws Exception {
        String unit = Files.readString(DIST.resolve("formlab-tracker.service"));
        assertTrue(unit.contains("-jar /opt/formlab/formlab-tracker.jar --config /etc/formlab/formlab-tracker.properties"));
        assertTrue(unit.contains("-Xmx64m"));
        assertTrue(unit.contains("KillSignal=SIGTERM"));
        assertTrue(unit.contains("Restart=on-failure"));
        assertTrue(unit.contains("WantedBy=multi-user.target"));
    }
}
