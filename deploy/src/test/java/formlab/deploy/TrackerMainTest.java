package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.Exercise;
import formlab.imu.Intensity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrackerMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (config, rate) -> new ScriptedSink(12, 25, "dead"));
    }

    @Test
    void aMockReplayPrintsTheLiveExerciseRepsAndLedPulses() {
        Path file = SimulatedSets.write(dir, Exercise.DEAD, Intensity.HEAVY);
        int status = run("--mock", "--replay", file.toString(), "--speed", "max", "--out", dir.resolve("s").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("set 1 started"), text);
        assertTrue(text.contains("dead   (0.90)  reps 1"), text);
        String ended = text.lines().filter(l -> l.startsWith("set 1 ended: dead, ")).findFirst().orElseThrow();
        int reps = Integer.parseInt(ended.replaceAll(".*dead, (\\d+) reps.*", "$1"));
        assertTrue(text.contains("rep LED pulses: " + reps + " (rep-led (BCM 17) on the mock platform)"), text);
        assertTrue(text.contains("processing per window: "), text);
        assertTrue(Files.exists(dir.resolve("s/sessions.jsonl")));
    }

    @Test
    void theSelfTestCountsTheTenRepetitionsOfASimulatedMediumSquatSetOnTheMockLed() {
        int status = TrackerMain.run(List.of("--self-test"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), LiveClassifier.of(QuickModel.get()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("self-test OK: simulated medium squat set recognised as squat, 10 repetitions, 10 rep LED pulses"),
                text);
    }

    @Test
    void badArgumentsAndConfigurationExitWithTwoAndSayWhy() throws Exception {
        assertEquals(2, run("--mock", "--replay"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("sensor.replay.file = 'true'"), err.toString(StandardCharsets.UTF_8));
        Path config = dir.resolve("t.properties");
        Files.writeString(config, "gpio.rep.led = 99\n");
        err.reset();
        assertEquals(2, run("--config", config.toString(), "--mock"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(config + ":1: gpio.rep.led = '99'"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("--frobnicate"));
    }
}
