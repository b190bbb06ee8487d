package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.exercise.ExerciseScoring;
import formlab.faults.BadInputs;
import formlab.imu.ImuDataException;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.ImuRecording;
import formlab.imu.Exercise;
import formlab.imu.Intensity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set that ends before one window is complete is reported as too short, never as rest. */
class ShortSetTest {

    @TempDir
    Path dir;

    @Test
    void aSetShorterThanOneWindowIsNotLoggedAsRest() throws Exception {
        Path acc = SimulatedSets.write(dir, Exercise.SQUAT, Intensity.MEDIUM);
        Path gyr = Path.of(acc.toString().replace("Accelerometer_12.500Hz", "Gyroscope_25.000Hz"));
        BadInputs.keepFirstSeconds(acc, 3);
        BadInputs.keepFirstSeconds(gyr, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path sessions = dir.resolve("sessions");
        int status = TrackerMain.run(List.of("--mock", "--replay", acc.toString(), "--speed", "max", "--out", sessions.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                LiveClassifier.of(QuickModel.get()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("set 1 ended: too short to classify"), text);
        assertFalse(text.contains("ended: rest"), text);
        String log = Files.readString(sessions.resolve("sessions.jsonl"));
        assertTrue(log.contains("\"exercise\":\"too-short\"") && log.contains("\"confidence\":0.0"), log);
        try (Stream<Path> files = Files.walk(sessions)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("-rest-")), "no raw file named as rest");
        }
    }

    @Test
    void batchScoringOfASetShorterThanOneWindowSaysSo() throws Exception {
        Path acc = SimulatedSets.write(dir, Exercise.SQUAT, Intensity.MEDIUM);
        BadInputs.keepFirstSeconds(acc, 3);
        BadInputs.keepFirstSeconds(Path.of(acc.toString().replace("Accelerometer_12.500Hz", "Gyroscope_25.000Hz")), 3);
        ImuRecording recording = ImuDatasets.folder(dir).recordings().getFirst();
        ImuDataException e = assertThrows(ImuDataException.class, () -> ExerciseScoring.score(QuickModel.get(), recording));
        assertEquals(ImuDataException.Problem.SET_TOO_SHORT, e.problem());
        assertTrue(e.getMessage().contains(acc.getFileName().toString()) && e.getMessage().contains("shorter than one 5.0 s window"),
                e.getMessage());
    }
}
